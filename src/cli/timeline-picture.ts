import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { svgToPng, timelineSvg } from '../chart/render.js';
import type { SourceDocument } from '../corpus/types.js';
import type { TimelineEntry } from '../dates/types.js';
import { UserError } from '../errors.js';

export interface PictureOutput {
  png?: string;
  svg?: string;
  title: string;
  documents: readonly SourceDocument[];
  cwd: string;
  stdout: NodeJS.WritableStream;
}

/** `--png FILE` / `--svg FILE`: the picture /timeline attaches, written to the files, then a line per file and what it hides. */
export async function writeTimelinePicture(entries: readonly TimelineEntry[], output: PictureOutput): Promise<void> {
  if (entries.length === 0) {
    throw new UserError('No key dates match, so no picture was written. Widen the period, drop --doc or --topic, or check that the documents have dated events.');
  }
  const titles = new Map(output.documents.map((document) => [document.id, document.title]));
  const { spec, svg } = timelineSvg(entries, { title: output.title, size: 'full', titleOf: (docId) => titles.get(docId) });
  const written: string[] = [];
  if (output.svg !== undefined) written.push(await write(output.svg, svg, 'SVG', output.cwd));
  if (output.png !== undefined) written.push(await write(output.png, await svgToPng(svg), 'PNG', output.cwd));
  const lines = written.map((file) => `Wrote ${file} (${spec.width}×${spec.height}, ${entries.length} ${entries.length === 1 ? 'date' : 'dates'}).`);
  output.stdout.write(`${[...lines, ...spec.notes.slice(1)].join('\n')}\n`);
}

async function write(file: string, data: string | Buffer, kind: 'PNG' | 'SVG', cwd: string): Promise<string> {
  if (file.trim() === '') throw new UserError(`--${kind.toLowerCase()} needs a file name, e.g. --${kind.toLowerCase()} key-dates.${kind.toLowerCase()}`);
  const target = path.resolve(cwd, file);
  try {
    await writeFile(target, data);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
    throw new UserError(`Could not write the ${kind} to ${target} (${reason}). Give a path in a folder that exists and that you may write to.`);
  }
  return target;
}
