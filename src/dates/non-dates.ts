/**
 * Numbers that look like dates but are amounts, shares, fractions or parts of addresses.
 * The recognisers ask these before reading a number as a year or a day.
 */

const quantityAfter =
  /^(?:\s|-)?(?:%|percent\b|per\s?cent\b|million\b|billion\b|trillion\b|thousand\b|hundred\b|mln\b|bn\b|people\b|persons\b|residents\b|troops\b|soldiers\b|workers\b|employees\b|students\b|specialists\b|officials\b|members\b|km\b|kilomet|miles?\b|met(?:er|re)s?\b|feet\b|ft\b|tons?\b|tonnes?\b|kg\b|mw\b|gw\b|kw\b|barrels?\b|bbl\b|dollars?\b|euros?\b|yen\b|rubles?\b|roubles?\b|yuan\b|pounds?\b|shares?\b|points?\b|units?\b|cars?\b|jobs?\b|projects?\b|products?\b|households?\b|deaths?\b|cases?\b|votes?\b|seats?\b|hectares?\b|acres?\b|square\b|sq\b|cubic\b|pages?\b|words?\b|кв(?!\p{L})|км(?!\p{L})|млн|млрд|тыс|человек|долл|руб)/iu;

const quantityBeforeWords = ['no.', 'nos.', 'number', 'p.', 'pp.', 'page', 'pages', 'vol.', 'т.', 'с.', 'стр.', 'str.', 'code', 'room', 'flight', 'route', 'highway', 'model', 'version', 'v.', 'article', 'section', 'paragraph', 'resolution', 'box', 'phone', 'tel.', 'fax', 'isbn', 'issn', 'nearly', 'almost', 'approximately', 'roughly'];
const quantityBefore = new RegExp(`(?:[$£€¥₽#№]|(?<![\\p{L}\\p{Nd}])(?:${quantityBeforeWords.map((word) => word.replace('.', '\\.')).join('|')}))\\s*$`, 'iu');

/** True when the words after a number make it an amount ("1500 troops", "2000 km", "38.6%"). */
export function isFollowedByQuantityWord(text: string, end: number): boolean {
  return quantityAfter.test(text.slice(end, end + 24));
}

/** True when the words before a number make it a code, a page or an amount ("No. 2004", "p. 1993", "$2000"). */
export function isPrecededByQuantityWord(text: string, start: number): boolean {
  return quantityBefore.test(text.slice(Math.max(0, start - 16), start));
}

const urlPattern = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"]+|\b[\w-]+(?:\.[\w-]+)+\/[^\s<>"]*|(?=[^\s<>"()]*\p{L})[^\s<>"()]*\/[^\s<>"()]*\/[^\s<>"()]*|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;

/** A run without spaces longer than this that holds an address sign is data (a long link, an encoded blob), not words. */
export const longestAddressChars = 512;
const mayHoldAddress = /[/@]|www\./i;

/**
 * The text with URLs, e-mail addresses and file paths blanked out, character for character,
 * so offsets stay valid while "…/2003/image/…" or "ria.ru/20240322/…" are not read as dates.
 * An address never holds a space, so each run without spaces is read on its own (the pattern
 * costs the square of what it reads), and a run too long to be an address is blanked whole.
 */
export function maskAddresses(text: string): string {
  if (!/[/@]/.test(text)) return text;
  return text.replace(/\S+/gu, (run) => {
    if (!mayHoldAddress.test(run)) return run;
    if (run.length > longestAddressChars) return ' '.repeat(run.length);
    return run.replace(urlPattern, (address) => ' '.repeat(address.length));
  });
}
