import { adjectiveForms, nounForms } from '../word-forms.js';
import type { WordNet } from './wordnet.js';

/**
 * WordNet's lexicographer files of nouns for things one can point at: animals, artifacts,
 * body parts, foods, natural objects, people, plants and substances ("hospital", "museum",
 * "sushi", "teacher"), as against acts, ideas, quantities and times ("phrase", "share", "date").
 */
const concreteFiles = new Set([5, 6, 8, 13, 17, 18, 20, 27]);

/**
 * True when the word is a noun whose most frequent sense in WordNet is a concrete kind of thing
 * ("hospitals", "museums"). A library that never names such a kind names no thing of it either,
 * so it cannot say which hospitals were built; a passage can state a phrase or a date without
 * saying "phrase" or "date". A comparative names no kind even where WordNet has a noun of that
 * spelling: "How much warmer …" asks by how much it is warm, not about foot warmers.
 */
export function namesConcreteKind(wordnet: WordNet, word: string): boolean {
  const lower = word.toLowerCase();
  if (adjectiveForms(lower).some((form) => wordnet.synsetsOf(form, 'adj').length > 0)) return false;
  for (const form of nounForms(lower)) {
    const [noun] = wordnet.synsetsOf(form, 'noun');
    const mostFrequent = noun?.offsets[0];
    if (mostFrequent === undefined) continue;
    const synset = wordnet.synset('noun', mostFrequent);
    return synset !== null && concreteFiles.has(synset.lexicalFile);
  }
  return false;
}
