import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { parseDocumentFile } from '../../src/corpus/load-corpus.js';
import type { SourceDocument } from '../../src/corpus/types.js';
import { createLogger, type Logger } from '../../src/logger.js';

/** A logger whose JSON lines are kept for assertions. */
export function captureLogger(): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim() !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ destination, level: 'debug' }), lines };
}

export const temporaryFolder = () => mkdtemp(path.join(os.tmpdir(), 'briefing-search-test-'));

/** A document made from file text, as the corpus loader would make it. */
export function makeDocument(name: string, text: string): SourceDocument {
  const outcome = parseDocumentFile(name, text);
  if (!outcome || !('document' in outcome)) throw new Error(`test document ${name} did not parse`);
  return outcome.document;
}
