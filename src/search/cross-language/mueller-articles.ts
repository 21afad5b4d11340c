/**
 * Reads the Russian translations out of an English–Russian article in the layout of Mueller's
 * dictionary (Debian's mueller7-dict):
 *
 *     reserve
 *        [rɪ↗zɜ:v]
 *        1. _n.
 *           1) запас, резерв; the gold reserve золотой запас; in reserve в запасе;
 *           2) (тж. _pl.) _воен. _мор. резерв; запас
 *
 * Each numbered sense lists its translations first, separated by commas and semicolons, then
 * usage examples that start with English words. Only single-word translations of the first
 * senses are kept: they are the common meanings, and a phrase ("давать взаймы") would match
 * passages by its most ordinary word.
 */
export interface TranslationLimits {
  /** How many senses of the word are read, most common first. */
  senses: number;
  /** How many translations are kept in all. */
  words: number;
}

const transcription = /\[[^\]]*\]/gu;
// A label is a word, or words joined by hyphens, and mostly a full stop: "_n.", "_эк.", "_n-card.", "_ж-д.", "_pres-p.".
const label = /_[\p{L}]+(?:-[\p{L}]+)*\.?/gu;
const aside = /\([^)]*\)|\{[^}]*\}/gu;
// "1)", "2.", "10)", and the "а)", "б)" of sub-senses start a sense.
const senseMarker = /(?:^|\s)(?:\d+[.)]|[абвгде]\))/u;
const cyrillicWord = /^[\p{Script=Cyrillic}]+(?:-[\p{Script=Cyrillic}]+)*$/u;
const latinLetter = /\p{Script=Latin}/u;

export function russianTranslations(article: string, limits: TranslationLimits): string[] {
  const body = article.split('\n').slice(1).join(' ').replace(transcription, ' ').replace(aside, ' ').replace(label, ' ');
  const senses = body.split(new RegExp(senseMarker.source, 'gu')).map((sense) => sense.trim()).filter((sense) => sense !== '');
  const words: string[] = [];
  for (const sense of senses.slice(0, limits.senses)) {
    // Examples start with the English phrase; what follows them is their translation.
    const items = sense.split(/[;,]/u);
    const firstExample = items.findIndex((item) => latinLetter.test(item));
    for (const item of firstExample === -1 ? items : items.slice(0, firstExample)) {
      const word = item.trim().toLowerCase();
      if (cyrillicWord.test(word) && !words.includes(word)) words.push(word);
    }
    if (words.length >= limits.words) break;
  }
  return words.slice(0, limits.words);
}
