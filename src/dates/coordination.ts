import type { PartialDate } from '../corpus/types.js';
import { coarser, daysOfPartial, epochDay, rangeAt } from './calendar.js';
import type { DateMention, ResolvedDate } from './types.js';

/**
 * What may stand between two coordinated dates: "late November and early December", "in 2015 or
 * in 2016", "May, June and July". A comma alone links dates only inside a list that ends in "and"/"or".
 */
const coordinator = /^\s*(,\s*)?(?:(and|or|&)\s+)?(?:(?:in|on|at|during)\s+)?(?:the\s+)?$/i;

type Link = 'conjunction' | 'comma' | null;

/**
 * Groups dates written as one coordinated phrase ("in late November and early December last year",
 * "polls conducted in 2015 and 2016"): they date one event, so they are told once, over the span
 * they cover together. Each group keeps its mentions in text order; a date on its own is a group of one.
 * Only calendar dates and ranges coordinate: "in 2015 and over the past two years" stays apart.
 */
export function coordinatedGroups(text: string, mentions: DateMention[]): DateMention[][] {
  const groups: DateMention[][] = [];
  let run: DateMention[] = [];
  let links: Link[] = [];
  const close = () => {
    groups.push(...splitRun(run, links));
    run = [];
    links = [];
  };
  for (const mention of mentions) {
    const previous = run.at(-1);
    const link = previous ? linkBetween(text, previous, mention) : null;
    if (previous && link === null) close();
    if (run.length > 0) links.push(link);
    run.push(mention);
  }
  if (run.length > 0) close();
  return groups;
}

function linkBetween(text: string, first: DateMention, second: DateMention): Link {
  if (!coordinates(first) || !coordinates(second) || second.start < first.end) return null;
  const match = coordinator.exec(text.slice(first.end, second.start));
  if (!match || first.end === second.start) return null;
  if (match[2]) return 'conjunction';
  return match[1] ? 'comma' : null;
}

function coordinates(mention: DateMention): boolean {
  return mention.date !== null && (mention.kind === 'date' || mention.kind === 'range');
}

/** A list joined by commas is one phrase only up to its "and"/"or"; the dates after a bare comma before that stand alone. */
function splitRun(run: DateMention[], links: Link[]): DateMention[][] {
  // For each link, whether the commas from it onwards end in "and"/"or": read once from the back.
  const endsInConjunction: boolean[] = new Array<boolean>(links.length + 1).fill(false);
  for (let index = links.length - 1; index >= 0; index--) endsInConjunction[index] = links[index] === 'comma' ? (endsInConjunction[index + 1] ?? false) : links[index] === 'conjunction';
  const groups: DateMention[][] = [];
  let current: DateMention[] = [];
  run.forEach((mention, index) => {
    current.push(mention);
    const link = links[index];
    if (link === undefined || link === null || (link === 'comma' && !endsInConjunction[index])) {
      groups.push(current);
      current = [];
    }
  });
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * The span a coordinated group covers, at the coarsest precision any of its dates has, so the
 * range claims no more than the words say: "2015 and March 2016" is 2015..2016. A month written
 * without its year takes the year written with the last date: "May and June 2024" starts in May 2024.
 */
export function spanOf(group: DateMention[]): ResolvedDate | null {
  const dates = withSharedYear(group);
  const first = dates[0];
  if (!first) return null;
  if (dates.length === 1) return first;
  let precision = first.start.precision;
  let from = Infinity;
  let to = -Infinity;
  let firstDay = daysOfPartial(first.start).first;
  let lastDay = firstDay;
  for (const date of dates) {
    for (const end of [date.start, date.end ?? date.start]) {
      precision = coarser(precision, end.precision);
      const { first: day, last } = daysOfPartial(end);
      if (epochDay(day) < from) {
        from = epochDay(day);
        firstDay = day;
      }
      if (epochDay(last) > to) {
        to = epochDay(last);
        lastDay = last;
      }
    }
  }
  return rangeAt(firstDay, lastDay, precision);
}

function yearWritten(mention: DateMention): boolean {
  return /\d{4}|\byear\b/i.test(mention.text);
}

function withSharedYear(group: DateMention[]): ResolvedDate[] {
  const last = group.at(-1);
  const lastDate = last?.date;
  const year = last && lastDate && yearWritten(last) ? lastDate.start.iso.slice(0, 4) : null;
  return group.flatMap((mention): ResolvedDate[] => {
    const date = mention.date;
    if (!date) return [];
    if (!year || !lastDate || mention === last || !mention.relative || yearWritten(mention) || date.start.precision !== 'month' || date.end) return [date];
    const moved: PartialDate = { iso: `${year}${date.start.iso.slice(4)}`, precision: 'month' };
    return [moved.iso <= lastDate.start.iso ? { start: moved, end: null } : date];
  });
}
