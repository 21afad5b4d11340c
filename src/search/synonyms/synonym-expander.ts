import type { WeightedTerm } from '../bm25-ranker.js';
import { dictionaryForms } from '../word-forms.js';
import { isCapitalisedName, type QueryExpander } from '../query-expansion.js';
import { normalizeTerm } from '../tokenizer.js';
import type { WordNet } from './wordnet.js';

/** How far a word is expanded, and how much an added term counts; chosen on the tuning half. */
export interface SynonymLimits {
  /** Senses read per part of speech, most frequent first. */
  senses: number;
  /** Weight of a synonym or related form against the word itself. */
  weight: number;
  /** Most terms added for one word. */
  terms: number;
}

export const synonymLimits: SynonymLimits = { senses: 1, weight: 0.2, terms: 8 };

const plainWord = /^\p{Ll}+$/u;

/** A term a word was widened with, and whether it is a synonym or only a related form. */
export interface SynonymTerm {
  term: string;
  via: 'synonym' | 'related';
}

/** The index terms of a word's WordNet synonyms ("lend" → "loan") and derivationally related forms ("investor" → "invest"). */
export function synonymTerms(wordnet: WordNet, word: string, limits: SynonymLimits): SynonymTerm[] {
  const own = normalizeTerm(word);
  const lemma = dictionaryForms(word).find((form) => wordnet.synsetsOf(form).length > 0);
  if (lemma === undefined) return [];
  const terms = new Map<string, SynonymTerm['via']>();
  const add = (candidate: string, via: SynonymTerm['via']) => {
    if (!plainWord.test(candidate)) return;
    const term = normalizeTerm(candidate);
    if (term !== null && term !== own && !terms.has(term)) terms.set(term, via);
  };
  for (const { pos, offsets } of wordnet.synsetsOf(lemma)) {
    for (const offset of offsets.slice(0, limits.senses)) {
      const synset = wordnet.synset(pos, offset);
      if (!synset) continue;
      for (const synonym of synset.words) add(synonym, 'synonym');
      const lemmaNumber = synset.words.indexOf(lemma) + 1;
      for (const pointer of synset.pointers) {
        if (pointer.symbol !== '+' || pointer.sourceWord !== lemmaNumber) continue;
        const related = wordnet.synset(pointer.pos, pointer.offset)?.words[pointer.targetWord - 1];
        if (related !== undefined) add(related, 'related');
      }
    }
  }
  return [...terms].slice(0, limits.terms).map(([term, via]) => ({ term, via }));
}

/** English query words → their synonyms and related forms, so "lend" finds "loan". Names are left alone. */
export function synonymExpander(wordnet: WordNet, limits: SynonymLimits = synonymLimits): QueryExpander {
  const cache = new Map<string, SynonymTerm[]>();
  return {
    expand(words) {
      const added: WeightedTerm[] = [];
      for (const word of words) {
        const lower = word.word.toLowerCase();
        if (!plainWord.test(lower) || isCapitalisedName(word)) continue;
        let terms = cache.get(lower);
        if (!terms) {
          terms = synonymTerms(wordnet, lower, limits);
          if (cache.size > 50_000) cache.clear();
          cache.set(lower, terms);
        }
        for (const { term, via } of terms) added.push({ term, source: word.term, weight: limits.weight, via });
      }
      return added;
    },
  };
}
