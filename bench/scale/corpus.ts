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
  const existing = safeList(folder).filter((name) => name.endsWith('.md'));
  if (existing.length === count) return { files: count, written: false };
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const documents = readReutersDocuments(path.join(datasetFolder, 'corpus.jsonl'), count);
  for (const document of documents) {
    const frontMatter = stringify({ title: document.title, outlet: document.outlet, ...(document.published && { published: document.published.iso }) });
    writeFileSync(path.join(folder, document.file), `---\n${frontMatter}---\n${document.body}\n`);
  }
  return { files: documents.length, written: true };
}

function safeList(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
