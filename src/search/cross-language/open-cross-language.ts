import type { Logger } from '../../logger.js';
import type { QueryExpander } from '../query-expansion.js';
import type { CrossLanguageStatus } from '../types.js';
import { DictionaryUnavailable } from './dictd.js';
import { defaultRussianDictionary, openRussianDictionary } from './russian-dictionary.js';
import { englishExpander } from './english-expander.js';
import { russianExpander } from './russian-expander.js';

/** How a person turns cross-language search on; the README says the same. */
export const crossLanguageHint = 'install Debian\'s mueller7-dict (apt-get install mueller7-dict) or set RUSSIAN_DICTIONARY to a dictd English–Russian dictionary';

/**
 * Opens the English–Russian dictionary when there is one. Without it, search works exactly
 * as before and the status says how to turn cross-language search on. `base` undefined means
 * the system's default place; null turns it off. `cacheDir` keeps what
 * its lookups need for the next process (dictd-cache.ts).
 */
export async function openCrossLanguage(base: string | null | undefined, log: Logger, { weight, cacheDir }: { weight?: number; cacheDir?: string } = {}): Promise<{ expanders: QueryExpander[]; status: CrossLanguageStatus }> {
  if (base === null) return { expanders: [], status: { enabled: false, status: 'off (RUSSIAN_DICTIONARY=off)' } };
  const path = base ?? defaultRussianDictionary;
  try {
    const dictionary = await openRussianDictionary(path, { cacheDir });
    log.info({ dictionary: path, headwords: dictionary.headwords }, 'cross-language search on: English questions also find Russian passages, and Russian questions English ones');
    return { expanders: [russianExpander(dictionary, weight), englishExpander(dictionary)], status: { enabled: true, status: `on (English–Russian dictionary at ${path}, ${dictionary.headwords.toLocaleString('en')} words)` } };
  } catch (error) {
    if (!(error instanceof DictionaryUnavailable)) throw error;
    // The default place being empty is the normal case without the package: not a warning.
    const level = base === undefined ? 'info' : 'warn';
    log[level]({ dictionary: path, reason: error.message }, 'cross-language search off');
    return { expanders: [], status: { enabled: false, status: `off: ${crossLanguageHint}` } };
  }
}
