import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { pageRange } from '../corpus/pages.js';
import type { SourceDocument } from '../corpus/types.js';
import { keyEventExtractorVersion } from '../dates/extractor-version.js';
import { mergeVersion } from '../dates/merge.js';
import type { KeyEvent, TimelineEntry } from '../dates/types.js';
import type { Logger } from '../logger.js';
import { snapshotFolder } from '../search/snapshot.js';
import { parseStoredJson, writeJsonFile, writeObjectWithList } from '../search/snapshot-stream.js';
import { noKeyEventLog, replayKeyEventDelta, storedDocumentEvents, type KeyEventLogState, type StoredEvent } from './key-event-delta.js';

/**
 * The dates extracted from each document version, and the merged timeline of the last set of
 * versions, saved beside the index snapshot: a warm start neither extracts an unchanged document
 * again nor merges an unchanged library again. Keyed by content hash and id, and by the extractor's
 * and the merge's versions, so a change to either rules out everything stored. Only a cache: a
 * missing, corrupt or stale file means extracting again, never an error.
 *
 * The events are a base file plus a delta of what changed since (key-event-delta.ts), and the
 * merged timeline a file of its own: one changed document appends its own events, and the
 * timeline, which any change moves, is written without the events of every document.
 */
export const keyEventFile = 'key-events.json';
export const timelineFile = 'timeline.json';
const source = z.object({ docId: z.string(), start: z.number().int(), end: z.number().int(), quote: z.string(), page: z.number().int().positive().optional(), pageEnd: z.number().int().positive().optional() });
const entry = z.object({
  date: z.string(),
  end: z.string().nullable(),
  precision: z.enum(['year', 'month', 'day']),
  label: z.string(),
  sources: z.array(source),
  conflicts: z.array(z.object({ date: z.string(), end: z.string().nullable(), precision: z.enum(['year', 'month', 'day']), sources: z.array(source) })),
});
const storedTimeline = z.object({ versions: z.string(), entries: z.array(entry) });
const fileSchema = z.object({
  extractorVersion: z.number().int(),
  mergeVersion: z.number().int(),
  /** The id the delta's records carry; a file written before there was a delta has none, and takes none. */
  baseId: z.string().optional(),
  // A list, not an object keyed by id: an id such as "__proto__" is data, never an object key.
  documents: z.array(storedDocumentEvents),
  /** Where the timeline was stored before it had a file of its own. */
  timeline: storedTimeline.nullable().optional(),
});
const timelineSchema = z.object({ extractorVersion: z.number().int(), mergeVersion: z.number().int(), timeline: storedTimeline });

/** What was stored: events by document id with the content hash they were extracted from, and the last merged timeline. */
export interface StoredKeyEvents {
  events: Map<string, { contentHash: string; events: StoredEvent[] }>;
  timeline: { versions: string; entries: TimelineEntry[] } | null;
  /** The base and delta the events were read from, for the next save to append to. */
  log: KeyEventLogState;
}

export const noStoredKeyEvents: StoredKeyEvents = { events: new Map(), timeline: null, log: noKeyEventLog };

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
  const [stored, timeline] = await Promise.all([readEventBase(dataDir, logger), readTimeline(dataDir)]);
  return timeline ? { ...stored, timeline } : stored;
}

async function readEventBase(dataDir: string, logger: Logger): Promise<StoredKeyEvents> {
  let bytes: Buffer;
  try {
    bytes = await readFile(keyEventPath(dataDir, keyEventFile));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') logger.warn({ err: error }, 'stored key events cannot be read; extracting them again');
    return noStoredKeyEvents;
  }
  // A sealed file is what the writer wrote (snapshot-stream.ts): only its versions are checked.
  const stored = parseStoredJson(bytes, fileSchema);
  if ('problem' in stored) {
    logger.warn({ detail: stored.problem }, 'stored key events are corrupt; extracting them again');
    return noStoredKeyEvents;
  }
  const parsed = stored.data;
  if (parsed.extractorVersion !== keyEventExtractorVersion || parsed.mergeVersion !== mergeVersion) {
    logger.info({ stored: parsed.extractorVersion, current: keyEventExtractorVersion }, 'the date extractor or the merge changed; extracting every document again');
    return noStoredKeyEvents;
  }
  const events = new Map(parsed.documents.map((stored) => [stored.docId, { contentHash: stored.contentHash, events: stored.events }]));
  const timeline = parsed.timeline ?? null;
  if (parsed.baseId === undefined) return { events, timeline, log: noKeyEventLog };
  const replayed = await replayKeyEventDelta(dataDir, { baseId: parsed.baseId, bytes: bytes.length }, events);
  if (replayed.skipped > 0) logger.warn({ skipped: replayed.skipped }, 'records of the key-event delta are torn or of another base; their documents are extracted again');
  return { events, timeline, log: replayed.state };
}

/** The timeline stored by the last merge, or null when there is none of this extractor and merge. */
async function readTimeline(dataDir: string): Promise<StoredKeyEvents['timeline']> {
  let text: Buffer;
  try {
    text = await readFile(keyEventPath(dataDir, timelineFile));
  } catch {
    // Missing or unreadable: the timeline is merged again.
    return null;
  }
  // Torn, altered or of other versions: merged again too.
  const parsed = parseStoredJson(text, timelineSchema);
  if ('problem' in parsed || parsed.data.extractorVersion !== keyEventExtractorVersion || parsed.data.mergeVersion !== mergeVersion) return null;
  return parsed.data.timeline;
}

export function keyEventPath(dataDir: string, name: string): string {
  return path.join(snapshotFolder(dataDir), name);
}

/** What heads the base file: the versions its events belong to. */
export function keyEventHead(): Record<string, unknown> {
  return { extractorVersion: keyEventExtractorVersion, mergeVersion };
}

/** Writes the merged timeline whole, streamed entry by entry, then renames it into place. */
export function writeStoredTimeline(dataDir: string, timeline: NonNullable<StoredKeyEvents['timeline']>): void {
  mkdirSync(snapshotFolder(dataDir), { recursive: true });
  writeJsonFile(keyEventPath(dataDir, timelineFile), (writer) => {
    writer.write(`{"extractorVersion":${keyEventExtractorVersion},"mergeVersion":${mergeVersion},"timeline":`);
    writeObjectWithList(writer, { versions: timeline.versions }, 'entries', timeline.entries);
    writer.write('}');
  });
}
