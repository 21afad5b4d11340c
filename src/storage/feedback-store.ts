import type { AppDatabase } from './database.js';

/** A 👍 or a 👎 on an `/ask` answer. */
export type FeedbackVote = 'up' | 'down';

/** One person's vote on one passage of one `/ask` answer. */
export interface AskFeedback {
  /** The id of the button interaction that carried the vote. */
  interactionId: string;
  /** The answer message the buttons belong to. */
  messageId: string;
  userId: string;
  /** Null when the answer was given outside a server. */
  guildId: string | null;
  question: string;
  /** The passage shown when the vote was cast; null when the answer had none. */
  docId: string | null;
  ordinal: number | null;
  vote: FeedbackVote;
  at: Date;
}

/** What a vote did: a first vote, a changed mind, or a second click on the same button. */
export type FeedbackOutcome = 'recorded' | 'changed' | 'unchanged';

/** Vote counts for one passage. */
export interface FeedbackTotal {
  docId: string | null;
  ordinal: number | null;
  up: number;
  down: number;
}

/**
 * Records a vote. A person has one vote per passage of an answer: voting again replaces it,
 * so repeated clicks never inflate the counts.
 */
export function recordFeedback(db: AppDatabase, feedback: AskFeedback): FeedbackOutcome {
  const findVote = db.prepare<[string, string, string | null, number | null], { id: number; vote: string }>(
    `SELECT id, vote FROM ask_feedback
     WHERE message_id = ? AND user_id = ? AND ifnull(doc_id, '') = ifnull(?, '') AND ifnull(ordinal, 0) = ifnull(?, 0)`,
  );
  return db
    .transaction((): FeedbackOutcome => {
      const existing = findVote.get(feedback.messageId, feedback.userId, feedback.docId, feedback.ordinal);
      if (existing?.vote === feedback.vote) return 'unchanged';
      if (existing) {
        db.prepare('UPDATE ask_feedback SET vote = ?, interaction_id = ?, at = ? WHERE id = ?').run(feedback.vote, feedback.interactionId, feedback.at.getTime(), existing.id);
        return 'changed';
      }
      db.prepare(
        `INSERT INTO ask_feedback (interaction_id, message_id, user_id, guild_id, question, doc_id, ordinal, vote, at)
         VALUES (@interactionId, @messageId, @userId, @guildId, @question, @docId, @ordinal, @vote, @at)`,
      ).run({ ...feedback, at: feedback.at.getTime() });
      return 'recorded';
    })
    .immediate();
}

/** Votes per passage, most voted first; limited to one server when `guildId` is given. */
export function feedbackTotals(db: AppDatabase, filter: { guildId?: string } = {}): FeedbackTotal[] {
  return db
    .prepare<{ guildId: string | null }, FeedbackTotal>(
      `SELECT doc_id AS docId, ordinal,
              sum(vote = 'up') AS up, sum(vote = 'down') AS down
       FROM ask_feedback
       WHERE @guildId IS NULL OR guild_id = @guildId
       GROUP BY doc_id, ordinal
       ORDER BY count(*) DESC, doc_id, ordinal`,
    )
    .all({ guildId: filter.guildId ?? null });
}
