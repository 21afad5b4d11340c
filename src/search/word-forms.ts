/** Replaces `suffix` by each of `replacements`, for a word long enough to keep a stem of three letters. */
function stripped(word: string, suffix: string, ...replacements: string[]): string[] {
  return word.length > suffix.length + 2 && word.endsWith(suffix) ? replacements.map((replacement) => word.slice(0, -suffix.length) + replacement) : [];
}

/** The singulars an English plural may stand for, the word itself first: "studies" → "study", "hospitals" → "hospital". */
export function nounForms(word: string): string[] {
  return [word, ...stripped(word, 'ies', 'y'), ...stripped(word, 'es', '', 'e'), ...stripped(word, 's', '')];
}

/** A stem that doubled its last consonant before "-ed" or "-ing" ("travell", "stopp"), without the double. */
function undoubled(stem: string): string[] {
  return /([b-df-hj-np-tv-z])\1$/u.test(stem) && stem.length > 3 ? [stem.slice(0, -1)] : [];
}

/**
 * The forms a dictionary may list an inflected English word under, the word itself first:
 * "reserves" → "reserve", "studies" → "study", "visited" → "visit", "visiting" → "visit",
 * and last a consonant doubled before the ending: "travelled" → "travel", "stopping" → "stop".
 */
export function dictionaryForms(word: string): string[] {
  const verbStems = [...stripped(word, 'ed', ''), ...stripped(word, 'ing', '')];
  return [...nounForms(word), ...stripped(word, 'ied', 'y'), ...stripped(word, 'ed', '', 'e'), ...stripped(word, 'ing', '', 'e'), ...verbStems.flatMap(undoubled)];
}

/** The adjectives a comparative or superlative may stand for (WordNet's rules): "warmer" → "warm", "larger" → "large". */
export function adjectiveForms(word: string): string[] {
  return [...stripped(word, 'er', '', 'e'), ...stripped(word, 'est', '', 'e')];
}
