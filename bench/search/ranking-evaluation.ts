import type { SearchService } from '../../src/search/search-service.js';
import { sentenceSpans } from '../../src/search/sentence-spans.js';
import type { CitedPassage } from '../../src/search/types.js';
import {
  inHalf,
  nearMissQuestions,
  offTopicQuestions,
  rankingSet,
  russianNearMissQuestions,
  russianOnlyQuestions,
  russianQuestions,
  vocabularyGapQuestions,
  type ExpectedPassage,
  type OffTopicQuestion,
  type RankingQuestion,
  type SetHalf,
} from '../../tests/search/ranking-set.js';

/** Where the expected passage of one question came, 1-based, or null when not in the results. */
export interface QuestionOutcome {
  question: string;
  rank: number | null;
  confident: boolean;
  top: string;
  /**
   * Whether the first of the first three quotes that holds the answer has it in its bold
   * answering sentences (a one-sentence quote, never marked, counts); null when none of the three holds it.
   */
  inBold: boolean | null;
}

export interface RankingQuality {
  questions: number;
  hitAt1: number;
  hitAt3: number;
  meanReciprocalRank: number;
  /** Share of these answerable questions answered as not confident. */
  flagged: number;
  /** Of the questions answered in the first three quotes, the share whose quote has the answer in bold (`inBold`). */
  answerInBold: number;
  outcomes: QuestionOutcome[];
}

function matches(passage: CitedPassage, expected: ExpectedPassage): boolean {
  return passage.docId === expected.docId && passage.text.includes(expected.contains);
}

/**
 * Whether the answering sentences of a quote hold the expected text: every character of one of
 * its occurrences but the white space lies in a highlight. A quote of one sentence has no
 * highlight, being its answer whole; a longer one without any shows nothing in bold.
 */
export function boldHolds(passage: CitedPassage, expected: ExpectedPassage): boolean {
  const highlights = passage.highlights ?? [];
  if (highlights.length === 0) return passage.text.includes(expected.contains) && sentenceSpans(passage.text).length < 2;
  const inBold = (offset: number) => /\s/u.test(passage.text[offset] ?? '') || highlights.some((highlight) => highlight.start <= offset && offset < highlight.end);
  for (let start = passage.text.indexOf(expected.contains); start !== -1; start = passage.text.indexOf(expected.contains, start + 1)) {
    let offset = start;
    while (offset < start + expected.contains.length && inBold(offset)) offset += 1;
    if (offset === start + expected.contains.length) return true;
  }
  return false;
}

/**
 * `inBold` of one answer: whether the first of its first three quotes that holds an expected
 * passage has one of them in bold (`boldHolds`); null when none of the three holds one.
 */
export function boldOfAnswer(passages: readonly CitedPassage[], expected: readonly ExpectedPassage[]): boolean | null {
  for (const passage of passages.slice(0, 3)) {
    const held = expected.filter((candidate) => matches(passage, candidate));
    if (held.length > 0) return held.some((candidate) => boldHolds(passage, candidate));
  }
  return null;
}

/** Hit@1, Hit@3 and MRR (over the first `depth` passages) of `ask` on a ranking set. */
export function evaluateRanking(service: SearchService, set: RankingQuestion[], depth = 10): RankingQuality {
  const outcomes = set.map(({ question, expected, also = [] }) => {
    const answer = service.ask(question, { limit: depth });
    const wanted = [expected, ...also];
    const index = answer.passages.findIndex((passage) => wanted.some((candidate) => matches(passage, candidate)));
    const top = answer.passages[0];
    return { question, rank: index === -1 ? null : index + 1, confident: answer.confident, top: top ? `${top.docId}#${top.ordinal}: ${top.text.slice(0, 80)}` : '(none)', inBold: boldOfAnswer(answer.passages, wanted) };
  });
  const share = (predicate: (outcome: QuestionOutcome) => boolean) => outcomes.filter(predicate).length / Math.max(1, outcomes.length);
  const answeredInThree = outcomes.filter((outcome) => outcome.inBold !== null);
  return {
    questions: outcomes.length,
    hitAt1: share((outcome) => outcome.rank === 1),
    hitAt3: share((outcome) => outcome.rank !== null && outcome.rank <= 3),
    meanReciprocalRank: outcomes.reduce((sum, outcome) => sum + (outcome.rank === null ? 0 : 1 / outcome.rank), 0) / Math.max(1, outcomes.length),
    flagged: share((outcome) => !outcome.confident),
    answerInBold: answeredInThree.filter((outcome) => outcome.inBold === true).length / Math.max(1, answeredInThree.length),
    outcomes,
  };
}

/** Share of off-topic questions that `ask` answers as not confident, and the ones it was confident about. */
export function evaluateOffTopic(service: SearchService, questions: OffTopicQuestion[]): { questions: number; notConfident: number; confidentAbout: string[] } {
  const confidentAbout = questions.filter(({ question }) => service.ask(question, { limit: 3 }).confident).map(({ question }) => question);
  return { questions: questions.length, notConfident: 1 - confidentAbout.length / Math.max(1, questions.length), confidentAbout };
}

/** The answerable questions of every group. */
export const answerableQuestions = (): RankingQuestion[] => [...rankingSet, ...russianOnlyQuestions, ...vocabularyGapQuestions];
/** The off-topic questions of every group. */
export const unanswerableQuestions = (): OffTopicQuestion[] => [...offTopicQuestions, ...nearMissQuestions];

/** One half of the whole set: each group is halved on its own, so both halves hold every kind. */
export function setHalf(half: SetHalf): { answerable: RankingQuestion[]; offTopic: OffTopicQuestion[] } {
  return {
    answerable: [rankingSet, russianOnlyQuestions, vocabularyGapQuestions].flatMap((group) => inHalf(group, half)),
    offTopic: [offTopicQuestions, nearMissQuestions].flatMap((group) => inHalf(group, half)),
  };
}

export interface HalfReport {
  half: SetHalf;
  ranking: RankingQuality;
  russian: RankingQuality;
  vocabulary: RankingQuality;
  offTopic: ReturnType<typeof evaluateOffTopic>;
  nearMiss: ReturnType<typeof evaluateOffTopic>;
  /** Questions asked in Russian of English passages: kept out of `ranking`, so the English figures stay comparable. */
  russianQuestions: RankingQuality;
  russianNearMiss: ReturnType<typeof evaluateOffTopic>;
}

/** Every measure of the ranking set on one half. */
export function evaluateHalf(service: SearchService, half: SetHalf): HalfReport {
  const all = setHalf(half);
  return {
    half,
    ranking: evaluateRanking(service, all.answerable),
    russian: evaluateRanking(service, inHalf(russianOnlyQuestions, half)),
    vocabulary: evaluateRanking(service, inHalf(vocabularyGapQuestions, half)),
    offTopic: evaluateOffTopic(service, all.offTopic),
    nearMiss: evaluateOffTopic(service, inHalf(nearMissQuestions, half)),
    russianQuestions: evaluateRanking(service, inHalf(russianQuestions, half)),
    russianNearMiss: evaluateOffTopic(service, inHalf(russianNearMissQuestions, half)),
  };
}
