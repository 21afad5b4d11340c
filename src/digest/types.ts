import type { DatePrecision } from '../corpus/types.js';
import type { EventSource, TimelineEntry } from '../dates/types.js';

/** Where an item of the digest comes from: the quoted sentence and the title of its document. */
export interface DigestCitation extends EventSource {
  title: string;
}

/** Another date the sources give for the same event. */
export interface DigestConflict {
  date: string;
  end: string | null;
  precision: DatePrecision;
  citations: DigestCitation[];
}

/** A key event of the timeline, with every source that names it. */
export interface DigestEvent {
  /** ISO at the event's precision: `2004`, `2004-08` or `2004-08-28`. */
  date: string;
  end: string | null;
  precision: DatePrecision;
  label: string;
  citations: DigestCitation[];
  /** Non-empty when sources disagree on the date. */
  conflicts: DigestConflict[];
}

/** A key event whose anniversary falls in the digest's window. */
export interface DigestAnniversary {
  event: DigestEvent;
  /** Whole years since the event, at least 1. */
  years: number;
  /** Where the anniversary falls: a day (`2026-08-28`) for day-precision events, a month (`2026-08`) for month-precision ones. */
  on: string;
  /** Ready to show, e.g. "22 years ago this week" or "1 year ago today". */
  wording: string;
  /** A round anniversary (a multiple of 5 years), worth highlighting. */
  milestone: boolean;
}

/** Who added a document: a member of a server with /add, the command line, or the corpus folder. */
export type DigestAdder = { kind: 'member'; name: string } | { kind: 'command-line' } | { kind: 'folder' };

/** A document added after the previous digest. */
export interface DigestDocument {
  docId: string;
  title: string;
  addedAt: Date;
  addedBy: DigestAdder;
}

/** The first key date after the window; an empty digest names it. */
export interface DigestNextKeyDate {
  kind: 'anniversary' | 'event';
  /** Day or month of the anniversary, or the event's own ISO date. */
  on: string;
  event: DigestEvent;
  /** Years since the event for an anniversary; null for an event still to come. */
  years: number | null;
  /** E.g. "28 August 2026: 22 years since launch of the Central Asia + Japan Dialogue". */
  description: string;
}

/** A span of local calendar days, both ends included (`YYYY-MM-DD`). */
export interface DayRange {
  from: string;
  to: string;
}

/**
 * What a digest says on a given day: anniversaries coming up, events recent or upcoming, and the
 * documents added since the last digest, each with its citations. Pure data; renderers turn it
 * into text or Discord embeds.
 */
export interface Digest {
  /** The digest's day in its time zone. */
  today: string;
  timeZone: string;
  windowDays: number;
  /** The days ahead, today included: anniversaries and upcoming events fall here. */
  window: DayRange;
  /** The days before today: recent events fall here. */
  pastWindow: DayRange;
  /** Documents first seen after this instant are listed as new. */
  since: Date;
  anniversaries: DigestAnniversary[];
  /** Events dated in the past window, or still running from it. */
  recent: DigestEvent[];
  /** Events dated in the window ahead. */
  upcoming: DigestEvent[];
  newDocuments: DigestDocument[];
  /** True when nothing falls in either window and no document is new: such a digest is not posted. */
  empty: boolean;
  /** When empty: a sentence saying so and naming the next key date. */
  emptyMessage: string | null;
  nextKeyDate: DigestNextKeyDate | null;
}

/** A document of the library as the digest needs it: id, title, when and by whom it was added, and who sees it. */
export interface DigestDocumentInput {
  docId: string;
  title: string;
  addedAt: Date;
  /** Absent: a document of the corpus folder. */
  addedBy?: DigestAdder;
  /** The one server that sees it; absent or null: every server. */
  scope?: string | null;
}

export interface ComposeDigestInput {
  timeline: readonly TimelineEntry[];
  /** The instant the digest is for; its calendar day is read in `timeZone`. */
  today: Date;
  timeZone: string;
  windowDays: number;
  /** The previous digest; when null, documents added in the past window count as new. */
  since: Date | null;
  documents: readonly DigestDocumentInput[];
  /** The server the digest is for: its key dates and new documents leave out other servers' documents. Absent: every document (the command line). */
  guildId?: string;
}
