import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../src/storage/database.js';
import { feedbackTotals, recordFeedback, type AskFeedback } from '../../src/storage/feedback-store.js';
import { silentLogger } from '../digest/helpers.js';

function vote(overrides: Partial<AskFeedback>): AskFeedback {
  return {
    interactionId: 'interaction-1',
    messageId: 'message-1',
    userId: 'user-1',
    guildId: 'guild-1',
    question: 'When was the dialogue launched?',
    docId: 'seed-001',
    ordinal: 3,
    vote: 'up',
    at: new Date('2025-06-10T07:00:00Z'),
    ...overrides,
  };
}

describe('ask feedback', () => {
  let db: AppDatabase;
  beforeEach(() => {
    db = openDatabase(':memory:', silentLogger);
  });
  afterEach(() => db.close());

  it('records a vote, then a changed mind, and ignores a second click on the same button', () => {
    expect(recordFeedback(db, vote({}))).toBe('recorded');
    expect(recordFeedback(db, vote({ interactionId: 'interaction-2' }))).toBe('unchanged');
    expect(recordFeedback(db, vote({ interactionId: 'interaction-3', vote: 'down' }))).toBe('changed');
    expect(feedbackTotals(db)).toEqual([{ docId: 'seed-001', ordinal: 3, up: 0, down: 1 }]);
  });

  it('counts one vote per person and passage', () => {
    recordFeedback(db, vote({ userId: 'user-1' }));
    recordFeedback(db, vote({ userId: 'user-2' }));
    recordFeedback(db, vote({ userId: 'user-3', vote: 'down' }));
    recordFeedback(db, vote({ userId: 'user-1', ordinal: 4 }));
    expect(feedbackTotals(db)).toEqual([
      { docId: 'seed-001', ordinal: 3, up: 2, down: 1 },
      { docId: 'seed-001', ordinal: 4, up: 1, down: 0 },
    ]);
  });

  it('keeps a vote on an answer that had no passage, and one given outside a server', () => {
    expect(recordFeedback(db, vote({ docId: null, ordinal: null, vote: 'down', guildId: null }))).toBe('recorded');
    expect(recordFeedback(db, vote({ docId: null, ordinal: null, vote: 'down', guildId: null }))).toBe('unchanged');
    expect(feedbackTotals(db)).toEqual([{ docId: null, ordinal: null, up: 0, down: 1 }]);
  });

  it('limits the totals to one server when asked', () => {
    recordFeedback(db, vote({ guildId: 'guild-1' }));
    recordFeedback(db, vote({ guildId: 'guild-2', messageId: 'message-2', docId: 'seed-002' }));
    expect(feedbackTotals(db, { guildId: 'guild-2' })).toEqual([{ docId: 'seed-002', ordinal: 3, up: 1, down: 0 }]);
  });
});
