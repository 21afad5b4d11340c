import { sql, type ExpressionBuilder } from 'kysely';
import type { AppDatabase } from './database.js';
import type { Schema } from './schema.js';

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

/** The condition that picks this person's vote on this passage of this answer. */
function isVoteOf(feedback: AskFeedback) {
  return (row: ExpressionBuilder<Schema, 'ask_feedback'>) =>
    row.and([
      row('message_id', '=', feedback.messageId),
      row('user_id', '=', feedback.userId),
      row(sql<string>`coalesce(doc_id, '')`, '=', feedback.docId ?? ''),
      row(sql<number>`coalesce(ordinal, 0)`, '=', feedback.ordinal ?? 0),
    ]);
}

/**
 * Records a vote. A person has one vote per passage of an answer: voting again replaces it,
 * so repeated clicks never inflate the counts. Two statements that each stand alone, with no
 * lock between them: a first vote is an insert the unique index lets through once; any other
 * is an update that changes a different vote. Two clicks at once, on two hosts, still make one vote.
 */
export async function recordFeedback(db: AppDatabase, feedback: AskFeedback): Promise<FeedbackOutcome> {
  const inserted = await db.kysely
    .insertInto('ask_feedback')
    .values({
      interaction_id: feedback.interactionId,
      message_id: feedback.messageId,
      user_id: feedback.userId,
      guild_id: feedback.guildId,
      question: feedback.question,
      doc_id: feedback.docId,
      ordinal: feedback.ordinal,
      vote: feedback.vote,
      at: feedback.at.getTime(),
    })
    .onConflict((conflict) => conflict.doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return 'recorded';
  const changed = await db.kysely
    .updateTable('ask_feedback')
    .set({ vote: feedback.vote, interaction_id: feedback.interactionId, at: feedback.at.getTime() })
    .where(isVoteOf(feedback))
    .where('vote', '<>', feedback.vote)
    .executeTakeFirst();
  return Number(changed.numUpdatedRows) === 1 ? 'changed' : 'unchanged';
}

/** Votes per passage, most voted first; limited to one server when `guildId` is given. */
export async function feedbackTotals(db: AppDatabase, filter: { guildId?: string } = {}): Promise<FeedbackTotal[]> {
  const rows = await db.kysely
    .selectFrom('ask_feedback')
    .select([
      'doc_id',
      'ordinal',
      sql<number>`sum(CASE WHEN vote = 'up' THEN 1 ELSE 0 END)`.as('up'),
      sql<number>`sum(CASE WHEN vote = 'down' THEN 1 ELSE 0 END)`.as('down'),
    ])
    .$if(filter.guildId !== undefined, (query) => query.where('guild_id', '=', filter.guildId ?? null))
    .groupBy(['doc_id', 'ordinal'])
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('doc_id', (order) => order.asc().nullsFirst())
    .orderBy('ordinal', (order) => order.asc().nullsFirst())
    .execute();
  return rows.map((row) => ({ docId: row.doc_id, ordinal: row.ordinal, up: Number(row.up), down: Number(row.down) }));
}
