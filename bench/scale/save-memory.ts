/**
 * The cost of one full snapshot save on a saved library, in a process of its own: reads the
 * snapshot under `--data`, then writes it again, either streamed (the product's writer) or as
 * `--way whole` (one JSON.stringify of the index and of the manifest, as saves were before the
 * delta). Prints wall seconds and peak RSS before and after the save.
 *
 *     node --import tsx bench/scale/save-memory.ts --data data/bench/scale/data-21578 --way streamed
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { hashText, readSnapshot, snapshotFiles, snapshotFolder, writeSnapshot } from '../../src/search/snapshot.js';

const { values } = parseArgs({ options: { data: { type: 'string' }, way: { type: 'string', default: 'streamed' } } });
if (!values.data) throw new Error('--data is required');
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
const snapshot = await readSnapshot(values.data);
if (!('manifest' in snapshot)) throw new Error(`no usable snapshot under ${values.data}`);
const target = mkdtempSync(path.join(os.tmpdir(), 'save-memory-'));
const before = peakRssMb();
const start = performance.now();
if (values.way === 'whole') {
  const folder = snapshotFolder(target);
  mkdirSync(folder, { recursive: true });
  const indexJson = JSON.stringify(snapshot.index);
  const manifest = { ...snapshot.manifest, indexHash: hashText(indexJson) };
  writeFileSync(path.join(folder, snapshotFiles.index), indexJson);
  writeFileSync(path.join(folder, snapshotFiles.manifest), JSON.stringify(manifest));
} else {
  writeSnapshot(target, snapshot.index, snapshot.manifest.documents);
}
const seconds = (performance.now() - start) / 1000;
process.stdout.write(`${JSON.stringify({ way: values.way, seconds, peakRssMbBeforeSave: before, peakRssMbAfterSave: peakRssMb() })}\n`);
