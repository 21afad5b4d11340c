import type { QueryWord } from './query-expansion.js';
import { isCapitalisedName } from './query-expansion.js';
import { wordSpans } from './tokenizer.js';

/** A query term and how specific it is in the index. */
export interface TermWeight {
  term: string;
  inverseFrequency: number;
  /**
   * A word of the question's setting: a name or number ("Kazakhstan", "2019") says where and
   * when, and the "much" of "how much" asks for an amount; none says what is asked about.
   */
  setting?: boolean;
  /**
   * The library holds the word only through a translation or synonym of it ("match" only as
   * "correspond"): a passage matching it that way shows that the library has another word, not
   * that it speaks of this one.
   */
  borrowed?: boolean;
}

/** The thresholds of the confidence rule. */
export interface ConfidenceRule {
  /** Least share of the question's specificity (IDF mass) the best passage must match. */
  minimumCoverage: number;
  /** Most share of the question's specificity that words found nowhere in the library may carry. */
  maximumMissingShare: number;
  /**
   * Least coverage of a best passage that holds only the words of the question's setting (its
   * names, numbers, "how much"), none of its other words, while one of its words occurs nowhere.
   */
  minimumSettingOnlyCoverage: number;
}

/**
 * When to call an answer confident, chosen on the tuning half of the ranking set with
 * `npm run bench:quality` (it prints both halves). Coverage is the share of the question's
 * specificity that the best passage matches: an off-topic question shares at most its generic
 * words with the corpus ("Japan", "policy"), an answerable one shares its specific words too.
 */
export const confidenceRule: ConfidenceRule = { minimumCoverage: 0.1, maximumMissingShare: 0.5, minimumSettingOnlyCoverage: 0.4 };

/**
 * Verbs that open a request ("Explain the rules of cricket", "Describe …"): like "what" and
 * "how", they ask rather than say what about, yet no stop list holds them.
 */
const requestVerbs = new Set(['explain', 'describe', 'list', 'name', 'tell', 'give', 'show', 'summarise', 'summarize', 'outline', 'define', 'identify', 'compare']);

/** The Russian question words the Russian stop list lacks ("Почему …", "Какова …", "Сколько …"). */
const russianInterrogatives = new Set(['почему', 'отчего', 'сколько', 'каков', 'какова', 'каково', 'каковы', 'какие', 'каких', 'каким', 'какими', 'каком', 'какому', 'какую', 'какого', 'откуда', 'чей', 'чья', 'чьё', 'чье', 'чьи']);

/**
 * True for a word that only makes the sentence a question: a request verb opening it, "please",
 * or a Russian interrogative. It is no word of the question's subject, so it is left out of the
 * confidence check: a passage holding "explain" says nothing of cricket, and "почему" occurring
 * nowhere says nothing of what the library lacks.
 */
export function isQuestionWord(word: QueryWord): boolean {
  const lower = word.word.toLowerCase();
  return (word.position === 0 && requestVerbs.has(lower)) || lower === 'please' || russianInterrogatives.has(lower);
}

/**
 * The question's words that say what it is about: those that only make it a question are left
 * out, and so are hyphenated names read as one word, whose parts already stand for them.
 */
export function subjectWords(words: readonly QueryWord[]): QueryWord[] {
  return words.filter((word) => word.joined !== true && !isQuestionWord(word));
}

/** The question's terms weighted by their specificity, the words of its setting marked. */
export function questionWeights(words: readonly QueryWord[], specificity: (term: string) => number, borrowed: ReadonlySet<string> = new Set()): TermWeight[] {
  const weights = new Map<string, TermWeight>();
  for (const word of subjectWords(words)) {
    const setting = isDistinctive(word) || asksForAmount(word);
    const known = weights.get(word.term);
    if (known) known.setting ||= setting;
    else weights.set(word.term, { term: word.term, inverseFrequency: specificity(word.term), setting, ...(borrowed.has(word.term) && { borrowed: true }) });
  }
  return [...weights.values()];
}

/** The "much" of "How much …" and the "many" of "How many …": the passage answers with a number. */
function asksForAmount(word: QueryWord): boolean {
  return word.position === 1 && /^(much|many)$/iu.test(word.word);
}

/** Share of the query's IDF mass that the matched terms carry, from 0 to 1. */
export function coverage(query: TermWeight[], matchedTerms: readonly string[]): number {
  const total = query.reduce((sum, term) => sum + term.inverseFrequency, 0);
  if (total === 0) return 0;
  const matched = new Set(matchedTerms);
  const covered = query.filter((term) => matched.has(term.term)).reduce((sum, term) => sum + term.inverseFrequency, 0);
  return covered / total;
}

/** A word no source mentions that names something (capitalised inside the question) or is a number: the question is about it. */
export function isDistinctive(word: QueryWord): boolean {
  return isCapitalisedName(word) || /\p{N}/u.test(word.word);
}

const kindQuestions = new Set(['which', 'what']);

/**
 * The word naming what a question asks for: after an opening "Which" or "What" ("Which
 * hospitals …"), or after the "much" or "many" of an opening "How" ("How much rice …", "How many
 * sushi chefs …"), past the names before it ("Which Japanese museums …"). None when another word
 * comes first ("What did …", "What is the …", "How did …"): the question then names no kind of thing it wants.
 */
export function askedKind(opening: string | undefined, words: readonly QueryWord[]): QueryWord | undefined {
  const start = kindPosition(opening, words);
  if (start === undefined) return undefined;
  let position = start;
  for (const word of words) {
    if (word.position < start) continue;
    if (word.position !== position) return undefined;
    if (!isCapitalisedName(word)) return word;
    position += 1;
  }
  return undefined;
}

/** Where the kind asked for may begin: right after "Which" or "What", or after "How much" and "How many". */
function kindPosition(opening: string | undefined, words: readonly QueryWord[]): number | undefined {
  const lower = opening?.toLowerCase();
  if (lower !== undefined && kindQuestions.has(lower)) return 1;
  return lower === 'how' && words.some(asksForAmount) ? 2 : undefined;
}

/**
 * What counts as distinctive in one question: its names and numbers, and the kind of thing an
 * opening "Which" or "What" asks for when no source mentions it and it is a concrete kind
 * ("Which hospitals …"): a library that never names hospitals names none that Japan built.
 * `namesConcreteKind` is only asked about that one word, and only when it occurs nowhere.
 */
export function distinctiveIn(opening: string | undefined, words: readonly QueryWord[], missing: readonly QueryWord[], namesConcreteKind: (word: string) => boolean): (word: QueryWord) => boolean {
  const kind = askedKind(opening, words);
  const unnamed = kind !== undefined && missing.some((word) => word.term === kind.term) && namesConcreteKind(kind.word) ? kind.term : undefined;
  return (word) => isDistinctive(word) || word.term === unnamed;
}

/**
 * True when the best passage covers enough of what the question is specifically about, and the
 * library mentions what the question names.
 * - A name, place or number that occurs nowhere ("Mongolia") means no passage is about it; so
 *   does the concrete kind of thing the question asks for (`distinctiveIn`: "Which hospitals …").
 * - Words found nowhere that carry half the question's specificity ("sourdough bread") do too.
 * - A passage that shares only the question's setting, its names and numbers ("Kazakhstan",
 *   "2019") and the "much" of "how much", and none of what it asks, while a word occurs nowhere
 *   ("tourists"), is about the setting, not about the question, unless those names are most of
 *   the question ("What stopped Fumio Kishida …").
 * - One matched word is never enough for a question of several: "What is the capital of
 *   Australia?" shares "Australia" with a passage on the Quad, which says nothing of capitals.
 */
export function isConfident(query: TermWeight[], bestMatchedTerms: readonly string[] | undefined, missing: readonly QueryWord[] = [], rule: ConfidenceRule = confidenceRule, distinctive: (word: QueryWord) => boolean = isDistinctive): boolean {
  const asked = new Set(query.map((term) => term.term));
  const matched = (bestMatchedTerms ?? []).filter((term) => asked.has(term));
  if (matched.length === 0) return false;
  if (missing.some(distinctive)) return false;
  if (coverage(query, missing.map((word) => word.term)) >= rule.maximumMissingShare) return false;
  if (missing.length > 0 && holdsOnlySetting(query, matched) && coverage(query, matched) < rule.minimumSettingOnlyCoverage) return false;
  if (new Set(matched).size < Math.min(2, query.length)) return false;
  return coverage(query, matched) >= rule.minimumCoverage;
}

/**
 * True when every matched term is a word of the question's setting, or one the library holds
 * only through a translation or synonym, and the question has other words.
 */
function holdsOnlySetting(query: readonly TermWeight[], matchedTerms: readonly string[]): boolean {
  const setting = new Set(query.filter((term) => term.setting === true).map((term) => term.term));
  const borrowed = new Set(query.filter((term) => term.borrowed === true).map((term) => term.term));
  return setting.size < query.length && matchedTerms.every((term) => setting.has(term) || borrowed.has(term));
}

/** What a place is part of and whether it is a capital (WordNet's answer, in place-names.ts). */
export interface PlaceNames {
  /** The places a place is part of, in lower case ("Tashkent" → "uzbekistan"); none for a word that is no place. */
  wholesOf(name: string): readonly string[];
  /** The other names of a place, in lower case with "_" between words ("US" → united_states, usa); none for a word that is no place. */
  namesOf(name: string): readonly string[];
  /** Whether the place is a national capital ("Tokyo"), which stands for its state ("Tokyo agreed to lend …"). */
  isCapital(name: string): boolean;
  /** The places a word of a people or a language stands for ("Chinese" → "china"); none for other words. */
  placesNamedBy(name: string): readonly string[];
}

/** The same name, or one a prefix of the other ("Uzbek", "Uzbekistan"; "Russia", "Russian"). */
function sameName(first: string, second: string): boolean {
  const [a, b] = [first.toLowerCase(), second.toLowerCase()];
  if (a === b) return true;
  // WordNet writes a name of several words with underscores ("republic_of_china"): it is only ever the whole name, never a prefix of "Republic".
  if (a.includes('_') || b.includes('_')) return false;
  return Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a));
}

/**
 * Whether a passage naming `found` speaks of the place `asked`: the same name, another name of
 * it ("United_States" for the US), a part of it ("Moscow" for Russia), the people or language of it ("Chinese" for China, and the other way),
 * or, for a capital standing for its state, that state ("Japan" for Tokyo).
 * A country is not spoken of by its continent: a passage on "Asia" is not one on Kazakhstan.
 */
function speaksOf(asked: string, found: string, places: PlaceNames): boolean {
  if (sameName(asked, found) || places.wholesOf(found).some((whole) => sameName(whole, asked))) return true;
  if (places.namesOf(asked).some((name) => sameName(name, found))) return true;
  if (places.placesNamedBy(found).some((place) => sameName(place, asked)) || places.placesNamedBy(asked).some((place) => sameName(place, found))) return true;
  return places.isCapital(asked) && places.wholesOf(asked).some((whole) => sameName(whole, found));
}

/**
 * A place the question names that the best passage does not speak of, while the passage names
 * another part of the same whole instead: asked about Tajikistan, it tells of Turkmenistan (both
 * parts of Asia), so it answers of another place. The passage's other names are looked up only
 * for a place of the question it does not name as such.
 */
export function rivalPlace(questionNames: readonly string[], passageNames: readonly string[], places: PlaceNames): { asked: string; found: string } | undefined {
  const distinct = [...new Set(passageNames)];
  for (const asked of new Set(questionNames)) {
    const wholes = places.wholesOf(asked);
    if (wholes.length === 0 || distinct.some((found) => speaksOf(asked, found, places))) continue;
    const rival = distinct.find((found) => !questionNames.some((name) => speaksOf(name, found, places)) && places.wholesOf(found).some((whole) => wholes.includes(whole)));
    if (rival !== undefined) return { asked, found: rival };
  }
  return undefined;
}

/** One of the best passages as the name check reads it: the question terms it matched, the names it gives, its alphabet. */
export interface NamedPassage {
  matchedTerms: readonly string[];
  /** Its words written with a capital (`capitalisedWords`), with the English names of the countries it names in Russian ("России" → russia). */
  names: readonly string[];
  /** Written mostly in Cyrillic letters (`isMostlyCyrillic`): the names of a Russian question cannot be compared with an English passage's. */
  cyrillic: boolean;
}

const cyrillicLetters = /\p{Script=Cyrillic}/gu;
const latinLetters = /\p{Script=Latin}/gu;

/** Whether a text has more Cyrillic letters than Latin ones: a Russian footnote, not an English paragraph citing one. */
export function isMostlyCyrillic(text: string): boolean {
  return (text.match(cyrillicLetters)?.length ?? 0) > (text.match(latinLetters)?.length ?? 0);
}

const lowerCaseLetter = /\p{Ll}/u;

/**
 * The names of a question that the best passages must speak of (`unspokenName`): its words
 * written with a capital inside it that the library holds. A question typed in capitals
 * throughout tells no names from other words, so it gives none.
 */
export function namesToCheck(question: string, words: readonly QueryWord[], missing: readonly QueryWord[]): QueryWord[] {
  if (!lowerCaseLetter.test(question)) return [];
  return subjectWords(words).filter((word) => isCapitalisedName(word) && !missing.includes(word));
}

/**
 * A name of the question that the library holds but none of the best passages speaks of: they
 * match it neither by its term (nor a translation of it) nor name it, a form of it or a place
 * it stands for (`speaksOf`). Asked when Kazakhstan joined the World Trade Organization, the
 * best passages hold "world" and "trade" and never Kazakhstan: they are about something else.
 * An English passage counts as speaking of every name of a Russian question, whose names cannot be
 * compared with its own; a Russian passage speaks of an English name through the countries it names.
 */
export function unspokenName(names: readonly QueryWord[], passages: readonly NamedPassage[], places: PlaceNames): QueryWord | undefined {
  const distinct = passages.map((passage) => ({ ...passage, names: [...new Set(passage.names)] }));
  return names.find((name) => {
    const cyrillic = isMostlyCyrillic(name.word);
    // The word and its stem: "Uzbeks" is the people of Uzbekistan, as "uzbek" is its beginning.
    const spoken = (found: string) => speaksOf(name.word, found, places) || speaksOf(name.term, found, places);
    return !distinct.some((passage) => (cyrillic && !passage.cyrillic) || passage.matchedTerms.includes(name.term) || passage.names.some(spoken));
  });
}

/**
 * The names of two words a text gives, each pair of capitalised words with one space between
 * them joined as WordNet writes such a name ("United States" → United_States), so that a place's
 * other name of two words (`PlaceNames.namesOf`) can be found among them.
 */
export function namesOfTwoWords(text: string): string[] {
  const spans = wordSpans(text);
  return spans.flatMap((span, position) => {
    const next = spans[position + 1];
    return next !== undefined && next.start === span.end + 1 && text[span.end] === ' ' && /^\p{Lu}/u.test(span.word) && /^\p{Lu}/u.test(next.word) ? [`${span.word}_${next.word}`] : [];
  });
}

/** The words of a text written with a capital, in order: the names a passage may give (and the first words of its sentences). */
export function capitalisedWords(text: string): string[] {
  return wordSpans(text).flatMap(({ word }) => (/^\p{Lu}/u.test(word) ? [word] : []));
}

/** The names of a question: its words written with a capital inside it. */
export function questionNames(words: readonly QueryWord[]): string[] {
  return words.filter(isCapitalisedName).map((word) => word.word);
}
