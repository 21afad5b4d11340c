import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { pageRange } from '../corpus/pages.js';
import type { SourceDocument } from '../corpus/types.js';
import { keyEventExtractorVersion } from '../dates/extractor-version.js';
import { mergeVersion } from '../dates/merge.js';
import type { KeyEvent, TimelineEntry } from '../dates/types.js';
import type { Logger } from '../logger.js';
import { snapshotFolder } from '../search/snapshot.js';

/**
 * The dates extracted from each document version, and the merged timeline of the last set of
 * versions, saved beside the index snapshot: a warm start neither extracts an unchanged document
 * again nor merges an unchanged library again. Keyed by content hash and id, and by the extractor's
 * and the merge's versions, so a change to either rules out everything stored. Only a cache: a
 * missing, corrupt or stale file means extracting again, never an error.
 */
export const keyEventFile = 'key-events.json';

const partialDate = z.object({ iso: z.string(), precision: z.enum(['year', 'month', 'day']) });
const resolvedDate = z.object({ start: partialDate, end: partialDate.nullable() });
/** An event without its quotes: they are slices of the body, cut again from it. */
const storedEvent = z.object({ date: resolvedDate, label: z.string(), start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), mentionStart: z.number().int().nonnegative(), mentionEnd: z.number().int().nonnegative() });
const source = z.object({ docId: z.string(), start: z.number().int(), end: z.number().int(), quote: z.string(), page: z.number().int().positive().optional(), pageEnd: z.number().int().positive().optional() });
const entry = z.object({
  date: z.string(),
  end: z.string().nullable(),
  precision: z.enum(['year', 'month', 'day']),
  label: z.string(),
  sources: z.array(source),
  conflicts: z.array(z.object({ date: z.string(), end: z.string().nullable(), precision: z.enum(['year', 'month', 'day']), sources: z.array(source) })),
});
const fileSchema = z.object({
  extractorVersion: z.number().int(),
  mergeVersion: z.number().int(),
  // A list, not an object keyed by id: an id such as "__proto__" is data, never an object key.
  documents: z.array(z.object({ docId: z.string(), contentHash: z.string(), events: z.array(storedEvent) })),
  timeline: z.object({ versions: z.string(), entries: z.array(entry) }).nullable(),
});

type StoredEvent = z.infer<typeof storedEvent>;

/** What was stored: events by document id with the content hash they were extracted from, and the last merged timeline. */
export interface StoredKeyEvents {
  events: Map<string, { contentHash: string; events: StoredEvent[] }>;
  timeline: { versions: string; entries: TimelineEntry[] } | null;
}

export const noStoredKeyEvents: StoredKeyEvents = { events: new Map(), timeline: null };

/** The key of a set of document versions in merge order: the stored timeline is theirs only when it matches. */
export function versionsKey(versions: Iterable<string>): string {
  const hash = createHash('sha256');
  for (const version of versions) hash.update(version).update('\u0002');
  return hash.digest('hex');
}

export function storeEvents(events: readonly KeyEvent[]): StoredEvent[] {
  return events.map((event) => ({ date: event.date, label: event.label, start: event.source.start, end: event.source.end, mentionStart: event.mention.start, mentionEnd: event.mention.end }));
}

/** The stored events of a document, with their quotes cut from its body again; null when they do not fit it. */
export function restoreEvents(document: SourceDocument, stored: readonly StoredEvent[]): KeyEvent[] | null {
  const { body } = document;
  const fits = (start: number, end: number) => start <= end && end <= body.length;
  if (!stored.every((event) => fits(event.start, event.end) && fits(event.mentionStart, event.mentionEnd))) return null;
  return stored.map((event) => ({
    docId: document.id,
    date: event.date,
    label: event.label,
    source: { docId: document.id, start: event.start, end: event.end, quote: body.slice(event.start, event.end), ...(document.pages !== null && pageRange(document.pages, event.start, event.end)) },
    mention: { start: event.mentionStart, end: event.mentionEnd, text: body.slice(event.mentionStart, event.mentionEnd) },
  }));
}

export async function readKeyEvents(dataDir: string, logger: Logger): Promise<StoredKeyEvents> {
  let json: string;
  try {
    json = await readFile(path.join(snapshotFolder(dataDir), keyEventFile), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') logger.warn({ err: error }, 'stored key events cannot be read; extracting them again');
    return noStoredKeyEvents;
  }
  let parsed: z.infer<typeof fileSchema>;
  try {
    parsed = fileSchema.parse(JSON.parse(json));
  } catch (error) {
    logger.warn({ err: error }, 'stored key events are corrupt; extracting them again');
    return noStoredKeyEvents;
  }
  if (parsed.extractorVersion !== keyEventExtractorVersion || parsed.mergeVersion !== mergeVersion) {
    logger.info({ stored: parsed.extractorVersion, current: keyEventExtractorVersion }, 'the date extractor or the merge changed; extracting every document again');
    return noStoredKeyEvents;
  }
  return { events: new Map(parsed.documents.map((stored) => [stored.docId, { contentHash: stored.contentHash, events: stored.events }])), timeline: parsed.timeline };
}

/** Writes the stored key events whole, then renames them into place. */
export async function writeKeyEvents(dataDir: string, stored: StoredKeyEvents): Promise<void> {
  const folder = snapshotFolder(dataDir);
  await mkdir(folder, { recursive: true });
  const documents = [...stored.events].map(([docId, { contentHash, events }]) => ({ docId, contentHash, events }));
  const json = JSON.stringify({ extractorVersion: keyEventExtractorVersion, mergeVersion, documents, timeline: stored.timeline });
  const file = path.join(folder, keyEventFile);
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, json);
  await rename(temporary, file);
}
