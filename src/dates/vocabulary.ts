/** Words the date recognisers share, as regular-expression sources and lookups. */

const monthNames = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const monthAbbreviations: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 };

/** A month name or its usual abbreviation ("Sept."), for use inside a larger pattern. */
export const monthPattern = `(?:${monthNames.join('|')}|(?:${Object.keys(monthAbbreviations).join('|')})\\.?)`;

/** 1-12 for a month name or abbreviation, or null. */
export function monthNumber(word: string): number | null {
  const key = word.toLowerCase().replace(/\.$/, '');
  const full = monthNames.indexOf(key);
  if (full >= 0) return full + 1;
  return monthAbbreviations[key] ?? null;
}

/** A four-digit year a text may mean as a date (1000-2099). */
export const yearPattern = '(?:1[0-9]{3}|20[0-9]{2})';

/** Prepositions and determiners that, right before a number or a month name, make it read as a time. */
export const temporalLeadPattern =
  "(?:in|since|by|until|till|from|before|after|during|through|throughout|between|around|about|circa|c\\.|of|on|to|and|or|early|late|mid|last|this|next|past|the|until|as of|starting|ending|'s)";

const numberWords: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
};
const vagueCounts = ['a few', 'few', 'several', 'some', 'many', 'a couple of', 'a number of'];

/** A count of time units: digits, number words ("twenty-five"), or a vague count ("several"). */
export const countPattern = `(?:\\d+(?:\\.\\d+)?|(?:${Object.keys(numberWords).join('|')})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|${vagueCounts.join('|')})`;

/** The number a count stands for, or null for a vague count ("several"). */
export function countValue(words: string): number | null {
  const text = words.toLowerCase().trim();
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  const [tens = '', units] = text.split('-');
  const value = numberWords[tens];
  if (value === undefined) return null;
  return units === undefined ? value : value + (numberWords[units] ?? 0);
}

/** Calendar units a duration or an offset can be counted in. */
export type TimeUnit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year' | 'decade' | 'century';

export const unitPattern = '(?:minute|hour|day|week|month|quarter|year|decade|century|centuries)';

export function unitOf(word: string): TimeUnit | null {
  const match = /^(minute|hour|day|week|month|quarter|year|decade|centur)/i.exec(word);
  if (!match?.[1]) return null;
  const stem = match[1].toLowerCase();
  return stem === 'centur' ? 'century' : (stem as TimeUnit);
}

/** The ISO 8601 duration of a count of units, as TimeML writes it: P2W, P18M, PT3H, P1DE; X for an unknown count. */
export function isoDuration(count: number | null, unit: TimeUnit): string {
  const amount = count === null ? 'X' : String(count);
  switch (unit) {
    case 'minute':
      return `PT${amount}M`;
    case 'hour':
      return `PT${amount}H`;
    case 'day':
      return `P${amount}D`;
    case 'week':
      return `P${amount}W`;
    case 'month':
      return `P${amount}M`;
    case 'quarter':
      return `P${amount}Q`;
    case 'year':
      return `P${amount}Y`;
    case 'decade':
      return `P${amount}DE`;
    case 'century':
      return `P${amount}CE`;
  }
}

const ordinals: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };
export const ordinalPattern = '(?:first|second|third|fourth|1st|2nd|3rd|4th)';
export function ordinalValue(word: string): number | null {
  return ordinals[word.toLowerCase()] ?? null;
}

const weekdays: Record<string, number> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };
const weekdayAbbreviations: Record<string, number> = { sun: 0, mon: 1, tue: 2, tues: 2, wed: 3, thu: 4, thur: 4, thurs: 4, fri: 5, sat: 6 };
/** A weekday name; abbreviations only with their period ("Fri."), because "Sun" and "Sat" are also words. */
export const weekdayPattern = `(?:${Object.keys(weekdays).join('|')}|(?:${Object.keys(weekdayAbbreviations).join('|')})\\.)`;
export function weekdayNumber(word: string): number | null {
  const key = word.toLowerCase().replace(/\.$/, '');
  return weekdays[key] ?? weekdayAbbreviations[key] ?? null;
}
