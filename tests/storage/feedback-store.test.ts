import { describe, expect, it } from 'vitest';
import { feedbackTotals, recordFeedback, type AskFeedback } from '../../src/storage/feedback-store.js';
import { engines, useScratchDatabase } from '../support/engines.js';

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

describe.each(engines)('ask feedback, on $engine', ({ scratch }) => {
  const { db, scratch: database } = useScratchDatabase(scratch);
  const scratchOther = () => database().open();

  it('records a vote, then a changed mind, and ignores a second click on the same button', async () => {
    expect(await recordFeedback(db(), vote({}))).toBe('recorded');
    expect(await recordFeedback(db(), vote({ interactionId: 'interaction-2' }))).toBe('unchanged');
    expect(await recordFeedback(db(), vote({ interactionId: 'interaction-3', vote: 'down' }))).toBe('changed');
    expect(await feedbackTotals(db())).toEqual([{ docId: 'seed-001', ordinal: 3, up: 0, down: 1 }]);
  });

  it('counts one vote per person and passage', async () => {
    await recordFeedback(db(), vote({ userId: 'user-1' }));
    await recordFeedback(db(), vote({ userId: 'user-2' }));
    await recordFeedback(db(), vote({ userId: 'user-3', vote: 'down' }));
    await recordFeedback(db(), vote({ userId: 'user-1', ordinal: 4 }));
    expect(await feedbackTotals(db())).toEqual([
      { docId: 'seed-001', ordinal: 3, up: 2, down: 1 },
      { docId: 'seed-001', ordinal: 4, up: 1, down: 0 },
    ]);
  });

  it('keeps a vote on an answer that had no passage, and one given outside a server', async () => {
    expect(await recordFeedback(db(), vote({ docId: null, ordinal: null, vote: 'down', guildId: null }))).toBe('recorded');
    expect(await recordFeedback(db(), vote({ docId: null, ordinal: null, vote: 'down', guildId: null }))).toBe('unchanged');
    expect(await feedbackTotals(db())).toEqual([{ docId: null, ordinal: null, up: 0, down: 1 }]);
  });

  it('limits the totals to one server when asked', async () => {
    await recordFeedback(db(), vote({ guildId: 'guild-1' }));
    await recordFeedback(db(), vote({ guildId: 'guild-2', messageId: 'message-2', docId: 'seed-002' }));
    expect(await feedbackTotals(db(), { guildId: 'guild-2' })).toEqual([{ docId: 'seed-002', ordinal: 3, up: 1, down: 0 }]);
  });

  it('counts one vote when the same person clicks twice at once on two connections', async () => {
    const other = await scratchOther();
    try {
      const outcomes = await Promise.all([recordFeedback(db(), vote({ interactionId: 'click-1' })), recordFeedback(other, vote({ interactionId: 'click-2' }))]);
      expect(outcomes.sort()).toEqual(['recorded', 'unchanged']);
      expect(await feedbackTotals(db())).toEqual([{ docId: 'seed-001', ordinal: 3, up: 1, down: 0 }]);
    } finally {
      await other.close();
    }
  });
});
