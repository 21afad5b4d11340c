import { describe, expect, it } from 'vitest';
import { decodeCustomId, encodeCustomId } from '../../../src/discord/custom-id.js';
import { createSessionStore } from '../../../src/discord/session-store.js';
import { readSession, type InteractionSession } from '../../../src/discord/sessions.js';
import { UserError } from '../../../src/errors.js';

describe('the session store', () => {
  it('gives short ids that fit a custom id with room to spare', () => {
    const sessions = createSessionStore<string>();
    const id = sessions.create('state');
    expect(id).toMatch(/^[\w-]{8}$/);
    expect(encodeCustomId('ask', 'page', id, 12).length).toBeLessThan(30);
  });

  it('forgets the least recently used session once full', () => {
    const sessions = createSessionStore<number>({ capacity: 2 });
    const first = sessions.create(1);
    const second = sessions.create(2);
    sessions.get(first);
    sessions.create(3);
    expect(sessions.get(first)).toBe(1);
    expect(sessions.get(second)).toBeUndefined();
    expect(sessions.size).toBe(2);
  });

  it('expires a session left unused for longer than its time to live', () => {
    let now = 0;
    const sessions = createSessionStore<number>({ timeToLiveMs: 1000, now: () => now });
    const id = sessions.create(1);
    now = 900;
    expect(sessions.get(id)).toBe(1);
    now = 1800;
    expect(sessions.get(id)).toBe(1);
    now = 2801;
    expect(sessions.get(id)).toBeUndefined();
    expect(sessions.set(id, 2)).toBe(false);
  });

  it('says an expired answer expired and what to do, instead of failing', () => {
    const sessions = createSessionStore<InteractionSession>({ timeToLiveMs: 15 * 60_000 });
    expect(() => readSession(sessions, 'gone1234', 'ask')).toThrow(UserError);
    expect(() => readSession(sessions, 'gone1234', 'ask')).toThrow(/expired.*Run \/ask again.*15 minutes/s);
  });
});

describe('custom ids', () => {
  it('read back what was written', () => {
    expect(decodeCustomId(encodeCustomId('ask', 'vote', 'AbCd1234', 2, 'up'))).toEqual({ command: 'ask', action: 'vote', args: ['AbCd1234', '2', 'up'] });
  });

  it('refuse to exceed 100 characters', () => {
    expect(() => encodeCustomId('ask', 'page', 'x'.repeat(100))).toThrow(/over Discord's 100/);
  });

  it('read a foreign custom id as nothing', () => {
    expect(decodeCustomId('')).toBeNull();
    expect(decodeCustomId('legacy')).toBeNull();
  });
});
