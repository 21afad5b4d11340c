import { randomBytes } from 'node:crypto';

/** Options of a session store; the defaults keep a busy server's last quarter hour. */
export interface SessionStoreOptions {
  /** Most sessions kept; the least recently used goes first. */
  capacity?: number;
  /** How long a session lives after its last use. */
  timeToLiveMs?: number;
  now?: () => number;
}

/**
 * State behind buttons (a question, the page shown, whether it was ephemeral), kept in
 * memory under a short id because a custom id holds only 100 characters. Bounded in
 * count and age, so memory stays flat; an expired id reads as undefined and the caller
 * says so to the user.
 */
export interface SessionStore<T> {
  /** Stores a value and returns its id: 8 URL-safe characters. */
  create(value: T): string;
  /** The value, refreshed as recently used; undefined when unknown or expired. */
  get(id: string): T | undefined;
  /** Replaces the value of a live session; false when it has expired. */
  set(id: string, value: T): boolean;
  readonly size: number;
  readonly timeToLiveMs: number;
}

interface Entry<T> {
  value: T;
  touchedAt: number;
}

export function createSessionStore<T>(options: SessionStoreOptions = {}): SessionStore<T> {
  const capacity = options.capacity ?? 1000;
  const timeToLiveMs = options.timeToLiveMs ?? 15 * 60 * 1000;
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order; re-inserting on use makes the first key the least recently used.
  const entries = new Map<string, Entry<T>>();

  const live = (id: string): Entry<T> | undefined => {
    const entry = entries.get(id);
    if (entry === undefined) return undefined;
    if (now() - entry.touchedAt > timeToLiveMs) {
      entries.delete(id);
      return undefined;
    }
    return entry;
  };
  const touch = (id: string, value: T) => {
    entries.delete(id);
    entries.set(id, { value, touchedAt: now() });
    while (entries.size > capacity) {
      const oldest = entries.keys().next();
      if (oldest.done === true) break;
      entries.delete(oldest.value);
    }
  };

  return {
    create(value) {
      let id = randomBytes(6).toString('base64url');
      while (entries.has(id)) id = randomBytes(6).toString('base64url');
      touch(id, value);
      return id;
    },
    get(id) {
      const entry = live(id);
      if (entry === undefined) return undefined;
      touch(id, entry.value);
      return entry.value;
    },
    set(id, value) {
      if (live(id) === undefined) return false;
      touch(id, value);
      return true;
    },
    get size() {
      return entries.size;
    },
    timeToLiveMs,
  };
}
