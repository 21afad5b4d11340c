import { readFileSync } from 'node:fs';
import type { SourceDocument } from '../src/corpus/types.js';

const months: Record<string, string> = { JAN: '01', FEB: '02', MAR: '03', APR: '04', MAY: '05', JUN: '06', JUL: '07', AUG: '08', SEP: '09', OCT: '10', NOV: '11', DEC: '12' };

interface ReutersRecord {
  _id: string;
  title?: string;
  text?: string;
  date?: string;
}

/** Reuters' "26-FEB-1987 15:01:01.79" as the day it names, or null when it names none. */
export function reutersDay(date: string | undefined): string | null {
  const match = /^\s*(\d{1,2})-([A-Z]{3})-(\d{4})/i.exec(date ?? '');
  const month = match ? months[match[2]?.toUpperCase() ?? ''] : undefined;
  if (!match || !month) return null;
  return `${match[3]}-${month}-${(match[1] ?? '').padStart(2, '0')}`;
}

/**
 * The Reuters-21578 articles of `corpus.jsonl` as in-memory documents, in file order, with
 * `published` from the dataset's `date`, the way the corpus loader would give them.
 */
export function readReutersDocuments(file: string, limit = Infinity): SourceDocument[] {
  const documents: SourceDocument[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (documents.length >= limit) break;
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as ReutersRecord;
    const day = reutersDay(record.date);
    documents.push({
      id: `reuters-${record._id}`,
      file: `reuters-${record._id}.md`,
      title: record.title ?? `Reuters ${record._id}`,
      author: null,
      outlet: 'Reuters',
      published: day ? { iso: day, precision: 'day' } : null,
      publishedBasis: day ? 'front matter' : null,
      body: record.text ?? '',
      contentHash: record._id,
      format: 'markdown',
      pages: null,
      scope: null,
      addition: null,
    });
  }
  return documents;
}
