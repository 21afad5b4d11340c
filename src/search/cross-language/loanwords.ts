/**
 * A loanword and its English source are spelt alike once the Russian is written in Latin letters
 * ("саммит" → sammit ~ summit, "инвестор" → investor), and the dictionary seldom lists such a
 * word as a translation. Finds the English headwords spelt like a transliterated Russian word.
 */
export interface EnglishSpellings {
  /**
   * The headwords whose spelling, doubled letters written once, is that of `latin`, or failing
   * that, when `nearToo`, differs from it by one vowel added, dropped or changed, but not in
   * the first letter. Empty for spellings shorter than `shortestLoanword` letters, doubled
   * letters written once: short words match by chance ("поч" → poch ~ pooch).
   */
  spelledLike(latin: string, { nearToo }: { nearToo: boolean }): readonly string[];
}

/** On the Cyrillic words of the Russian questions, the shorter matches were all chance ("год" → god, "поч" → pooch). */
export const shortestLoanword = 5;

const plainLatinWord = /^[a-z]+$/u;

/** Writes a Russian word in Latin letters, lower-cased ("гранты" → granty). */
export type LatinSpelling = (russianWord: string) => string;

/**
 * The `transliteration` package's spelling, loaded only once a dictionary is open: the package
 * holds the tables of every script and takes about 60 ms to load, which a bot without the
 * dictionary should not pay.
 */
export async function loadLatinSpelling(): Promise<LatinSpelling> {
  const { transliterate } = await import('transliteration');
  return (russianWord) => transliterate(russianWord.normalize('NFC').toLowerCase()).toLowerCase();
}

/** A spelling with each run of one letter written once: Russian often doubles where English does not and back (sammit, summit → samit, sumit). */
function spellingKey(word: string): string {
  return word.replace(/(.)\1+/gu, '$1');
}

/**
 * Indexes the one-word, plain-letter headwords by spelling key, and the keys by first letter
 * and length, so that a near spelling is looked for among a few hundred keys, not all of them.
 * Linear in the headwords (46,000 in Mueller's: about 30 ms, so nothing is cached), made once.
 */
export function englishSpellings(headwords: Iterable<string>): EnglishSpellings {
  const byKey = new Map<string, string[]>();
  const keysByShape = new Map<string, string[]>();
  for (const headword of headwords) {
    if (!plainLatinWord.test(headword)) continue;
    const key = spellingKey(headword);
    if (key.length < shortestLoanword) continue;
    const same = byKey.get(key);
    if (same !== undefined) {
      if (!same.includes(headword)) same.push(headword);
      continue;
    }
    byKey.set(key, [headword]);
    const shape = shapeOf(key[0] ?? '', key.length);
    const keys = keysByShape.get(shape);
    if (keys === undefined) keysByShape.set(shape, [key]);
    else keys.push(key);
  }
  return {
    spelledLike(latin, { nearToo }) {
      const key = spellingKey(latin);
      if (key.length < shortestLoanword || !plainLatinWord.test(key)) return [];
      const same = byKey.get(key);
      if (same !== undefined || !nearToo) return same ?? [];
      const near: string[] = [];
      for (const length of [key.length - 1, key.length, key.length + 1]) {
        for (const candidate of keysByShape.get(shapeOf(key[0] ?? '', length)) ?? []) {
          if (differByOneVowel(key, candidate)) near.push(...(byKey.get(candidate) ?? []));
        }
      }
      return near;
    },
  };
}

function shapeOf(first: string, length: number): string {
  return `${first}${length}`;
}

const vowels = new Set('aeiouy');

/**
 * Whether `a` and `b` differ by one vowel added, dropped or changed. A loanword's Latin spelling
 * strays from its source mostly in vowels (sammit, summit; pretor, praetor); a consonant off
 * was chance in all 14 cases of a sample of 655 Russian words the dictionary does not
 * translate (архиве → arrive, сумел → summer). Both are spelling keys, with no letter doubled,
 * so the first difference places the edit.
 */
export function differByOneVowel(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  let start = 0;
  while (start < shorter.length && shorter[start] === longer[start]) start++;
  if (!vowels.has(longer[start] ?? '')) return false;
  if (shorter.length < longer.length) return shorter.slice(start) === longer.slice(start + 1);
  return vowels.has(shorter[start] ?? '') && shorter.slice(start + 1) === longer.slice(start + 1);
}
