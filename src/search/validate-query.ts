import { UserError } from '../errors.js';
import { splitWords } from './tokenizer.js';

/** The longest question or lookup accepted, in characters (Discord's option limit is set to match). */
export const maximumQueryLength = 300;

/**
 * Checks a question or lookup before searching, and returns it trimmed. Anything with at
 * least one word is searched as it is: emoji, regex characters, mentions and other scripts
 * are only text here.
 */
export function validateQuery(text: string, what: 'question' | 'search terms'): string {
  const trimmed = text.trim();
  if (trimmed === '') {
    throw new UserError(`The ${what} is empty. Type a few words, e.g. "Japan loan to Uzbekistan".`);
  }
  if (trimmed.length > maximumQueryLength) {
    throw new UserError(`The ${what} is ${trimmed.length} characters long; the limit is ${maximumQueryLength}. Shorten it to the key words.`);
  }
  if (splitWords(trimmed).length === 0) {
    throw new UserError(`The ${what} has no words, only punctuation or symbols. Type words to look for, e.g. "ODA to Tajikistan".`);
  }
  return trimmed;
}
