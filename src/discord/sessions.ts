import { UserError } from '../errors.js';
import type { TimelineEntry } from '../dates/types.js';
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

export type InteractionSession = AskSession | SearchSession | TimelineSession;

export type InteractionSessions = SessionStore<InteractionSession>;

const expiredMessages: Record<InteractionSession['kind'], string> = {
  ask: 'This answer has expired, so its buttons no longer work. Run /ask again to get a fresh one.',
  search: 'These search results have expired, so their buttons no longer work. Run /search again.',
  timeline: 'This timeline has expired, so its buttons no longer work. Run /timeline again.',
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
