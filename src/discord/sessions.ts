import { UserError } from '../errors.js';
import type { SourceDocument } from '../corpus/types.js';
import type { TimelineEntry } from '../dates/types.js';
import type { AddPreview } from '../library/intake-types.js';
import type { Answer, SearchResults } from './ports.js';
import type { SessionStore } from './session-store.js';

/** An answer behind paging, posting and feedback buttons. */
export interface AskSession {
  kind: 'ask';
  answer: Answer;
  ephemeral: boolean;
  /** Shown above the quotes instead of the question, e.g. for "Find sources". */
  heading?: string;
}

/** The matches of a `/search`, for its paging buttons. */
export interface SearchSession {
  kind: 'search';
  query: string;
  results: SearchResults;
}

/** A filtered timeline, for its paging and calendar buttons. */
export interface TimelineSession {
  kind: 'timeline';
  entries: readonly TimelineEntry[];
  filterSummary: string | null;
}

/** A document read by `/add` and waiting for Add, Edit or Cancel from the person who ran it. */
export interface AddSession {
  kind: 'add';
  ownerId: string;
  guildId: string;
  /** The latest preview: what Edit prefills and what Add commits. */
  preview: AddPreview;
  /** Set once Add or Cancel was pressed: later clicks are refused. */
  settled?: 'adding' | 'cancelled';
}

/** A `/remove` waiting for its confirmation. */
export interface RemoveSession {
  kind: 'remove';
  ownerId: string;
  guildId: string;
  document: SourceDocument;
}

export type InteractionSession = AskSession | SearchSession | TimelineSession | AddSession | RemoveSession;

export type InteractionSessions = SessionStore<InteractionSession>;

const expiredMessages: Record<InteractionSession['kind'], string> = {
  ask: 'This answer has expired, so its buttons no longer work. Run /ask again to get a fresh one.',
  search: 'These search results have expired, so their buttons no longer work. Run /search again.',
  timeline: 'This timeline has expired, so its buttons no longer work. Run /timeline again.',
  add: 'This preview has expired and nothing was added. Run /add again with the same file or link.',
  remove: 'This confirmation has expired and nothing was removed. Run /remove again.',
};

/** The live session of a button, or a UserError that says it expired and what to do. */
export function readSession<K extends InteractionSession['kind']>(sessions: InteractionSessions, id: string | undefined, kind: K): Extract<InteractionSession, { kind: K }> {
  const session = id === undefined ? undefined : sessions.get(id);
  if (session === undefined || session.kind !== kind) {
    const minutes = Math.round(sessions.timeToLiveMs / 60_000);
    throw new UserError(`${expiredMessages[kind]} (Buttons stay live for ${minutes} minutes after their last use, and the bot forgets them when it restarts.)`);
  }
  return session as Extract<InteractionSession, { kind: K }>;
}

/** Buttons of an `/add` or `/remove` answer only the person who ran it, whoever else sees the message. */
export function requireOwner(session: AddSession | RemoveSession, userId: string): void {
  if (session.ownerId !== userId) throw new UserError(`Only the person who ran /${session.kind} can use these buttons. Run /${session.kind} yourself to get your own.`);
}
