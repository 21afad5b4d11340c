import { nounForms } from '../word-forms.js';
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
 * saying "phrase" or "date".
 */
export function namesConcreteKind(wordnet: WordNet, word: string): boolean {
  for (const form of nounForms(word.toLowerCase())) {
    const noun = wordnet.synsetsOf(form).find((entry) => entry.pos === 'noun');
    const mostFrequent = noun?.offsets[0];
    if (mostFrequent === undefined) continue;
    const synset = wordnet.synset('noun', mostFrequent);
    return synset !== null && concreteFiles.has(synset.lexicalFile);
  }
  return false;
}
