import { normalizeTerm } from '../tokenizer.js';
import { nounForms } from '../word-forms.js';

/**
 * Russian writes units and large numbers abbreviated ("3 882 000 кв. км", "450 млрд долларов"),
 * and a dictionary translates "kilometres" and "billion" only to the full words (километр,
 * миллиард). The abbreviations come from the CLDR data built into Node's Intl, for English
 * unit names in American and British spelling, singular and plural, and for the English names
 * of thousand, million, billion and trillion.
 */
let shared: Map<string, string[]> | undefined;

/**
 * Looks up the index terms of the Russian abbreviations of an English unit or number word
 * ("kilometres" → км, "billions" → млрд; none for other words). The table is read from Intl
 * once per process (about 25 ms), when the first expander is made, not at a question.
 */
export function russianAbbreviations(): (englishWord: string) => readonly string[] {
  const byWord = (shared ??= readAbbreviations());
  return (englishWord) => {
    for (const form of nounForms(englishWord.toLowerCase())) {
      const terms = byWord.get(form);
      if (terms) return terms;
    }
    return [];
  };
}

function readAbbreviations(): Map<string, string[]> {
  const byWord = new Map<string, string[]>();
  const add = (english: string, russian: string) => {
    const term = abbreviationTerm(russian);
    if (term === null) return;
    const key = english.toLowerCase();
    const known = byWord.get(key) ?? [];
    if (!known.includes(term)) byWord.set(key, [...known, term]);
  };
  for (const unit of Intl.supportedValuesOf('unit')) {
    const russian = unitText('ru', unit, 'short', 5);
    for (const locale of ['en-US', 'en-GB']) for (const count of [1, 2]) add(unitText(locale, unit, 'long', count), russian);
  }
  for (const power of [3, 6, 9, 12]) add(compactText('en', power, 'long'), compactText('ru', power, 'short'));
  return byWord;
}

/**
 * An abbreviation of two Cyrillic letters or more, as an index term: one letter ("м", "л", "ч")
 * stands for too many other words in Russian text to be read as a unit, "%" or "°" is no word,
 * and a Node built without Russian locale data writes English ones ("km").
 */
function abbreviationTerm(russian: string): string | null {
  const letters = russian.replace(/\.$/u, '');
  return /^\p{Script=Cyrillic}{2,}$/u.test(letters) ? normalizeTerm(letters.toLowerCase()) : null;
}

/** The unit's name as Intl writes it beside a number: "kilometres", "км". */
function unitText(locale: string, unit: string, unitDisplay: 'long' | 'short', count: number): string {
  const parts = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay }).formatToParts(count);
  return parts.filter((part) => part.type === 'unit').map((part) => part.value).join(' ');
}

/** The name of 10^power as Intl writes it in compact notation: "million", "млн". */
function compactText(locale: string, power: number, compactDisplay: 'long' | 'short'): string {
  const parts = new Intl.NumberFormat(locale, { notation: 'compact', compactDisplay }).formatToParts(5 * 10 ** power);
  return parts.filter((part) => part.type === 'compact').map((part) => part.value).join(' ');
}
