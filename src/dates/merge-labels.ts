import { daysOfPartial, epochDay } from './calendar.js';
import { TermRanking } from './term-index.js';
import { contentTermReader } from './terms.js';
import type { KeyEvent, ResolvedDate } from './types.js';

/** A key event as the merge weighs it: its label's terms numbered and weighed, its date as days. */
export interface Scored {
  event: KeyEvent;
  /** The label's distinct term numbers (see TermRanking), in the order of the label: sums of weights are taken in this order. */
  terms: Int32Array;
  /** The same numbers in ascending order, to look one up. */
  sorted: Int32Array;
  /** Sum of the weights of `terms`. */
  mass: number;
  /** First and last day of the date (epoch days). */
  first: number;
  last: number;
  /** A single date, not a range: only a single date holds another. */
  single: boolean;
  /** Events whose dates have the same days and kind (and so agree with the same dates) have the same number. */
  date: number;
}

/** The events weighed for merging, and the ranking of their terms: each term weighs more the fewer labels have it. */
export function scoreEvents(events: readonly KeyEvent[]): { scored: Scored[]; ranking: TermRanking } {
  const readTerms = contentTermReader();
  const termSets = events.map((event) => new Set(readTerms(event.label)));
  const ranking = new TermRanking(termWeights(termSets));
  const weight = ranking.weights;
  const dateOf = dateNumbering();
  const scored = events.map((event, index): Scored => {
    const terms = Int32Array.from(ranking.number(termSets[index] ?? []));
    let mass = 0;
    for (const term of terms) mass += weight[term] ?? 0;
    return { event, terms, sorted: terms.slice().sort(), mass, ...dateOf(event.date) };
  });
  return { scored, ranking };
}

function termWeights(termSets: Set<string>[]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const terms of termSets) for (const term of terms) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const total = Math.max(termSets.length, 1);
  return new Map([...frequency].map(([term, count]) => [term, Math.log(1 + total / count)]));
}

type DaysOfDate = Pick<Scored, 'first' | 'last' | 'single'>;
type DateOfEvent = Pick<Scored, 'first' | 'last' | 'single' | 'date'>;

/** The days of each date, worked out once per distinct date written, and a number per distinct days and kind. */
function dateNumbering(): (date: ResolvedDate) => DateOfEvent {
  const byWriting = new Map<string, DateOfEvent>();
  const byDays = new Map<string, number>();
  return (date) => {
    const writing = `${date.start.iso}/${date.end?.iso ?? ''}`;
    let known = byWriting.get(writing);
    if (!known) {
      const [first, last] = bounds(date);
      const single = date.end === null;
      const days = `${first}:${last}:${single ? 'single' : 'range'}`;
      let number = byDays.get(days);
      if (number === undefined) {
        number = byDays.size;
        byDays.set(days, number);
      }
      known = { first, last, single, date: number };
      byWriting.set(writing, known);
    }
    return known;
  };
}

export function bounds(date: ResolvedDate): [number, number] {
  return [epochDay(daysOfPartial(date.start).first), epochDay(daysOfPartial(date.end ?? date.start).last)];
}

/**
 * Dates agree when they are the same, or when one is a single date that holds the other at a finer
 * precision: 2004 holds August 2004. A range holding a date is not agreement: the 1990s hold 1992,
 * but "in the 1990s" and "in 1992" rarely tell the same event.
 */
export function datesAgree(a: DaysOfDate, b: DaysOfDate): boolean {
  if (a.first === b.first && a.last === b.last) return true;
  return (a.single && a.first <= b.first && b.last <= a.last) || (b.single && b.first <= a.first && a.last <= b.last);
}

/**
 * Weighted overlap of two labels: the shared words' weight over the lighter label's weight. One label
 * at a time is marked, so that looking a term up in it is one read; the other is searched by halving.
 */
export class LabelOverlap {
  /** How many distinct terms the two labels last scored share. */
  shared = 0;
  private readonly stamps: Int32Array;
  private stamp = 0;
  private marked: Scored | null = null;

  constructor(private readonly weight: Float64Array) {
    this.stamps = new Int32Array(weight.length);
  }

  /** Marks the label that the next scores are taken against. */
  mark(label: Scored): void {
    if (this.marked === label) return;
    this.stamp += 1;
    for (const term of label.terms) this.stamps[term] = this.stamp;
    this.marked = label;
  }

  /**
   * The overlap of `a` and `b`, one of them marked. The shared weight is summed over the label with fewer
   * terms (`a` on a tie) in its own order, as it always has been: the same terms summed in another order
   * can differ in the last bit, and a tie between two groups is decided on those bits.
   */
  score(a: Scored, b: Scored): number {
    const aIsSmaller = a.terms.length <= b.terms.length;
    const small = aIsSmaller ? a : b;
    const large = aIsSmaller ? b : a;
    const largeIsMarked = large === this.marked;
    let shared = 0;
    let sharedWeight = 0;
    for (const term of small.terms) {
      if (largeIsMarked ? this.stamps[term] !== this.stamp : !holds(large.sorted, term)) continue;
      shared++;
      sharedWeight += this.weight[term] ?? 0;
    }
    this.shared = shared;
    const lighter = Math.min(a.mass, b.mass);
    return lighter > 0 ? sharedWeight / lighter : 0;
  }
}

/** Whether an ascending list of numbers holds one, by halving. */
function holds(sorted: Int32Array, value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = sorted[middle] as number;
    if (found === value) return true;
    if (found < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
