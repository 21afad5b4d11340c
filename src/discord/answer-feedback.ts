import type { ButtonInteraction } from 'discord.js';
import type { AppDatabase } from '../storage/database.js';
import { recordFeedback, type FeedbackOutcome, type FeedbackVote } from '../storage/feedback-store.js';
import { answerPageSize } from './render/answer.js';
import { clampPage, pageCount } from './render/buttons.js';
import type { AskSession } from './sessions.js';

/**
 * Records a 👍 or 👎 on one page of an answer: one vote per passage shown, so the totals
 * say which passages helped. Clicking again changes or keeps the vote, never doubles it.
 */
export async function recordAnswerVote(db: AppDatabase, interaction: ButtonInteraction, session: AskSession, page: number, vote: FeedbackVote, at: Date): Promise<FeedbackOutcome[]> {
  const { passages, question } = session.answer;
  const shownPage = clampPage(page, pageCount(passages.length, answerPageSize));
  const shown = passages.slice(shownPage * answerPageSize, (shownPage + 1) * answerPageSize);
  const base = { interactionId: interaction.id, messageId: interaction.message.id, userId: interaction.user.id, guildId: interaction.guildId, question, vote, at };
  if (shown.length === 0) return [await recordFeedback(db, { ...base, docId: null, ordinal: null })];
  const outcomes: FeedbackOutcome[] = [];
  // One after another: each takes the write lock, and the answer's passages are few.
  for (const passage of shown) outcomes.push(await recordFeedback(db, { ...base, docId: passage.docId, ordinal: passage.ordinal }));
  return outcomes;
}

/** What the voter is told, privately. */
export function voteReceipt(outcomes: readonly FeedbackOutcome[], vote: FeedbackVote): string {
  const mark = vote === 'up' ? '👍' : '👎';
  if (outcomes.every((outcome) => outcome === 'unchanged')) return `You had already voted ${mark} on these passages; nothing changed.`;
  if (outcomes.some((outcome) => outcome === 'changed')) return `Changed your vote to ${mark} for the passages on this page. Thank you.`;
  return `Thanks: your ${mark} is recorded for the passages on this page. It helps improve the answers.`;
}
