import type { SearchService } from '../../src/search/search-service.js';
import type { CitedPassage } from '../../src/search/types.js';
import type { ExpectedPassage, RankingQuestion } from '../../tests/search/ranking-set.js';

/** Where the expected passage of one question came, 1-based, or null when not in the results. */
export interface QuestionOutcome {
  question: string;
  rank: number | null;
  confident: boolean;
  top: string;
}

export interface RankingQuality {
  questions: number;
  hitAt1: number;
  hitAt3: number;
  meanReciprocalRank: number;
  outcomes: QuestionOutcome[];
}

function matches(passage: CitedPassage, expected: ExpectedPassage): boolean {
  return passage.docId === expected.docId && passage.text.includes(expected.contains);
}

/** Hit@1, Hit@3 and MRR (over the first `depth` passages) of `ask` on a ranking set. */
export function evaluateRanking(service: SearchService, set: RankingQuestion[], depth = 10): RankingQuality {
  const outcomes = set.map(({ question, expected, also = [] }) => {
    const answer = service.ask(question, { limit: depth });
    const index = answer.passages.findIndex((passage) => [expected, ...also].some((candidate) => matches(passage, candidate)));
    const top = answer.passages[0];
    return { question, rank: index === -1 ? null : index + 1, confident: answer.confident, top: top ? `${top.docId}#${top.ordinal}: ${top.text.slice(0, 80)}` : '(none)' };
  });
  const share = (predicate: (outcome: QuestionOutcome) => boolean) => outcomes.filter(predicate).length / Math.max(1, outcomes.length);
  return {
    questions: outcomes.length,
    hitAt1: share((outcome) => outcome.rank === 1),
    hitAt3: share((outcome) => outcome.rank !== null && outcome.rank <= 3),
    meanReciprocalRank: outcomes.reduce((sum, outcome) => sum + (outcome.rank === null ? 0 : 1 / outcome.rank), 0) / Math.max(1, outcomes.length),
    outcomes,
  };
}
