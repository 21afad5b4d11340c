import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { readReutersDocuments } from '../reuters.js';

/**
 * Writes the first `count` Reuters-21578 articles as a corpus folder in the project's own format:
 * Markdown with `title`, `outlet` and `published` (the dataset's `date`) in front matter. A folder
 * that already holds exactly that many files is left as it is.
 */
export function writeReutersFolder(datasetFolder: string, folder: string, count: number): { files: number; written: boolean } {
  const existing = safeList(folder);
  if (existing.includes(formatMark) && existing.filter((name) => name.endsWith('.md')).length === count) return { files: count, written: false };
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const documents = readReutersDocuments(path.join(datasetFolder, 'corpus.jsonl'), count);
  for (const document of documents) {
    // Some articles have no title: the loader then takes the first line, as it would for anyone's file.
    const title = document.title.trim() === '' ? undefined : document.title;
    const frontMatter = stringify({ ...(title !== undefined && { title }), outlet: document.outlet, ...(document.published && { published: document.published.iso }) });
    writeFileSync(path.join(folder, document.file), `---\n${frontMatter}---\n${document.body}\n`);
  }
  // Hidden, so the loader never reads it: which way of writing the folder it holds.
  writeFileSync(path.join(folder, formatMark), '');
  return { files: documents.length, written: true };
}

const formatMark = '.bench-scale-format-2';

function safeList(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
