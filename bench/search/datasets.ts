import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** A document of a benchmark collection: an id, a title and a text. */
export interface BenchDocument {
  id: string;
  title: string;
  text: string;
}

/** SciFact: documents, test queries and the documents judged relevant to each query. */
export interface SciFact {
  documents: BenchDocument[];
  queries: Array<{ id: string; text: string }>;
  relevant: Map<string, Set<string>>;
}

/** Thrown when a dataset folder or file is missing, with what to pass instead. */
export class MissingDatasetError extends Error {
  override readonly name = 'MissingDatasetError';
}

function requireFile(folder: string, name: string, flag: string): string {
  const file = path.join(folder, name);
  if (!existsSync(file)) {
    throw new MissingDatasetError(`${file} is missing. Pass the dataset folder with ${flag} <folder> (it must hold ${name}).`);
  }
  return file;
}

function readJsonLines(file: string): Array<Record<string, unknown>> {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const asText = (value: unknown): string => (typeof value === 'string' ? value : '');

function readDocuments(file: string): BenchDocument[] {
  return readJsonLines(file).map((row) => ({ id: asText(row._id), title: asText(row.title), text: asText(row.text) }));
}

/** Loads BEIR SciFact (corpus.jsonl, queries.jsonl, qrels.tsv); only judged queries are kept. */
export function loadSciFact(folder: string): SciFact {
  const documents = readDocuments(requireFile(folder, 'corpus.jsonl', '--scifact'));
  const relevant = new Map<string, Set<string>>();
  const qrels = readFileSync(requireFile(folder, 'qrels.tsv', '--scifact'), 'utf8').split('\n').slice(1);
  for (const line of qrels) {
    const [queryId, documentId, score] = line.trim().split('\t');
    if (!queryId || !documentId || Number(score) <= 0) continue;
    const set = relevant.get(queryId) ?? new Set<string>();
    set.add(documentId);
    relevant.set(queryId, set);
  }
  const queries = readJsonLines(requireFile(folder, 'queries.jsonl', '--scifact'))
    .map((row) => ({ id: asText(row._id), text: asText(row.text) }))
    .filter((query) => relevant.has(query.id));
  return { documents, queries, relevant };
}

/** Loads Reuters-21578 (corpus.jsonl). */
export function loadReuters(folder: string): BenchDocument[] {
  return readDocuments(requireFile(folder, 'corpus.jsonl', '--reuters'));
}
