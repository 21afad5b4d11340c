import { daysOfPartial, epochDay, isFinerThan } from './calendar.js';
import { GroupTermIndex, roundingMargin, TermRanking, type Findable, type RankedLabel } from './term-index.js';
import { contentTerms } from './terms.js';
import type { DateConflict, EventSource, KeyEvent, ResolvedDate, TimelineEntry } from './types.js';

/** Bumped with any change to what the merge gives, so that a stored timeline is merged again. */
export const mergeVersion = 1;

/**
 * When two key events are one event: their dates agree (one may be more precise: "2004" and
 * "August 2004") and their labels share enough distinctive words. Words are weighted by how rare
 * they are among all the events, so "Japan" and "Central Asia", present everywhere, count for little.
 */
export const mergeRule = {
  /** Weighted share of the smaller label's words found in the other (0 to 1), averaged over the entry's events. */
  minimumSimilarity: 0.22,
  /** Distinct shared words needed, so one rare word alone does not merge two events. */
  minimumSharedTerms: 2,
  /** Sources that agree this strongly on what happened, but not on when, are the same event in conflict. */
  conflictSimilarity: 0.75,
  conflictSharedTerms: 4,
} as const;

interface Scored {
  event: KeyEvent;
  /** The label's distinct term numbers (see TermRanking), in the order of the label: sums of weights are taken in this order. */
  terms: number[];
  /** The same numbers in ascending order, to look one up. */
  sorted: Int32Array;
  /** Sum of the weights of `terms`. */
  mass: number;
  bounds: [number, number];
}

interface Group extends Findable {
  /** Position in creation order: candidates are weighed in this order, so a tie goes to the older group, as it always has. */
  order: number;
  members: Scored[];
  /** Every term of every member, in the order they came, with how many members have it. */
  terms: Map<number, number>;
  /** The smallest mass of a member. */
  lightest: number;
  /** One member for each distinct date among the members: an event agrees with all members when it agrees with these. */
  dates: Map<string, Scored>;
  conflicts: Group[];
  /** The shelf of its first member's date. */
  shelf: DateShelf | null;
}

/** The groups whose first member has one date, and the index of their terms. */
interface DateShelf extends Findable {
  /** That first member: its date stands for all of them when an event's date is checked against it. */
  sample: Scored;
  index: GroupTermIndex<Group>;
}

/** The groups of one start year: by the date of their first member, and all of them in one index of terms. */
interface YearShelves {
  shelves: Map<string, DateShelf>;
  /** The same shelves in the order they came. */
  shelfList: DateShelf[];
  index: GroupTermIndex<Group>;
  /** By date (see dateKey), the shelves that agree with it, and how many of the year's shelves have been checked for it. */
  agreeing: Map<string, { shelves: DateShelf[]; checked: number }>;
}

/**
 * Above this many agreeing shelves, the year's index is searched once and its finds kept when their shelf agrees,
 * instead of searching each shelf: a date as coarse as "1987" agrees with hundreds of shelves, and looking the same
 * terms up on each was most of the merge. Both ways find the same groups.
 */
const shelvesSearchedOneByOne = 8;

/**
 * Merges the key events of all documents into timeline entries: one per event, with every source that names it.
 * An event joins the group of its start year it is most similar to, among those whose every member's date agrees
 * with its own and which have a member similar enough to it. So the groups of the year are shelved by the date of
 * their first member, and only the shelves whose date agrees are searched, each through an index of terms (see
 * term-index.ts), rather than weighing every group of the year: the result is the same, found far sooner.
 */
export function mergeEvents(events: KeyEvent[]): TimelineEntry[] {
  const termSets = events.map((event) => new Set(contentTerms(event.label)));
  const ranking = new TermRanking(termWeights(termSets));
  const weight = ranking.weights;
  const scored = events.map((event, index): Scored => {
    const terms = ranking.number(termSets[index] ?? []);
    return { event, terms, sorted: Int32Array.from(terms).sort(), mass: terms.reduce((sum, term) => sum + (weight[term] ?? 0), 0), bounds: bounds(event.date) };
  });
  // Agreeing dates always start in the same year, so only groups of that year are candidates.
  const years = new Map<number, YearShelves>();
  const groups: Group[] = [];
  scored.forEach((item, lookUp) => {
    const year = startYear(item.event.date);
    let shelvesOfYear = years.get(year);
    if (!shelvesOfYear) {
      shelvesOfYear = { shelves: new Map<string, DateShelf>(), shelfList: [], index: new GroupTermIndex<Group>(mergeRule.minimumSimilarity), agreeing: new Map() };
      years.set(year, shelvesOfYear);
    }
    const label = ranking.rankLabel(item.terms, item.mass, mergeRule.minimumSimilarity);
    let best: { group: Group; similarity: number } | null = null;
    for (const group of candidatesOfYear(shelvesOfYear, item, label, lookUp).sort((a, b) => a.order - b.order)) {
      if (!agreesWithAll(group, item) || !mayReachSimilarity(group, item, weight)) continue;
      const similarity = groupSimilarity(group, item, weight);
      if (similarity > 0 && (!best || similarity > best.similarity)) best = { group, similarity };
    }
    const group = best?.group ?? { order: groups.length, members: [], terms: new Map<number, number>(), lightest: Infinity, dates: new Map<string, Scored>(), conflicts: [], shelf: null, foundBy: -1 };
    if (!best) groups.push(group);
    group.members.push(item);
    if (!group.dates.has(dateKey(item))) group.dates.set(dateKey(item), item);
    for (const term of item.terms) group.terms.set(term, (group.terms.get(term) ?? 0) + 1);
    group.lightest = Math.min(group.lightest, item.mass);
    if (!group.shelf) {
      const { shelves, shelfList } = shelvesOfYear;
      let shelf = shelves.get(dateKey(item));
      if (!shelf) {
        shelf = { sample: item, index: new GroupTermIndex<Group>(mergeRule.minimumSimilarity), foundBy: -1 };
        shelves.set(dateKey(item), shelf);
        shelfList.push(shelf);
      }
      group.shelf = shelf;
    }
    group.shelf.index.add(group, label);
    shelvesOfYear.index.add(group, label);
  });
  return attachConflicts(groups, ranking).map(toEntry);
}

/** The groups of the year, on a shelf whose date agrees with the event's, that may be similar enough to it. */
function candidatesOfYear(year: YearShelves, item: Scored, label: RankedLabel, lookUp: number): Group[] {
  const agreeing = agreeingShelves(year, item);
  if (agreeing.length <= shelvesSearchedOneByOne) return agreeing.flatMap((shelf) => shelf.index.candidates(label, lookUp));
  for (const shelf of agreeing) shelf.foundBy = lookUp;
  const found = year.index.candidates(label, lookUp);
  return agreeing.length === year.shelfList.length ? found : found.filter((group) => group.shelf?.foundBy === lookUp);
}

/**
 * The year's shelves whose date agrees with the event's. Agreement depends on the two dates alone, and shelves
 * are only ever added, so each date's list is kept and only the shelves added since are checked.
 */
function agreeingShelves(year: YearShelves, item: Scored): DateShelf[] {
  const key = dateKey(item);
  let known = year.agreeing.get(key);
  if (!known) {
    known = { shelves: [], checked: 0 };
    year.agreeing.set(key, known);
  }
  for (; known.checked < year.shelfList.length; known.checked++) {
    const shelf = year.shelfList[known.checked] as DateShelf;
    if (compatibleBounds(shelf.sample, item)) known.shelves.push(shelf);
  }
  return known.shelves;
}

/** What decides whether two dates agree: their first and last days, and whether the date is single or a range. */
function dateKey(item: Scored): string {
  return `${item.bounds[0]}:${item.bounds[1]}:${item.event.date.end === null ? 'single' : 'range'}`;
}

function agreesWithAll(group: Group, item: Scored): boolean {
  for (const member of group.dates.values()) if (!compatibleBounds(member, item)) return false;
  return true;
}

function termWeights(termSets: Set<string>[]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const terms of termSets) for (const term of terms) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const total = Math.max(termSets.length, 1);
  return new Map([...frequency].map(([term, count]) => [term, Math.log(1 + total / count)]));
}

/** Weighted overlap of two labels: the shared words' weight over the lighter label's weight. */
function similarity(a: Scored, b: Scored, weight: Float64Array): { score: number; shared: number } {
  let shared = 0;
  let sharedWeight = 0;
  const [small, large] = a.terms.length <= b.terms.length ? [a, b] : [b, a];
  for (const term of small.terms) {
    if (!holds(large.sorted, term)) continue;
    shared++;
    sharedWeight += weight[term] ?? 0;
  }
  const lighter = Math.min(a.mass, b.mass);
  return { score: lighter > 0 ? sharedWeight / lighter : 0, shared };
}

/**
 * Whether a group of several members can reach the similarity needed, by a bound that costs one look
 * per term of the event: the members share at least two of its terms between them, and the weight
 * they share with it, over the lightest label, is enough on average. Exact when it says no.
 */
function mayReachSimilarity(group: Group, item: Scored, weight: Float64Array): boolean {
  if (group.members.length < 2) return true;
  let sharedTerms = 0;
  let sharedWeight = 0;
  for (const term of item.terms) {
    const count = group.terms.get(term);
    if (count === undefined) continue;
    sharedTerms++;
    sharedWeight += (weight[term] ?? 0) * count;
  }
  const lighter = Math.min(group.lightest, item.mass);
  if (sharedTerms < mergeRule.minimumSharedTerms || lighter <= 0) return false;
  return sharedWeight / (group.members.length * lighter) >= mergeRule.minimumSimilarity * roundingMargin;
}

/**
 * How well an event fits an entry: its average similarity to the entry's events, or 0 when it
 * shares too little with all of them. Averaging, rather than taking the best match, keeps a chain
 * of look-alike sentences (one company's quarterly results after another's) from becoming one entry.
 */
function groupSimilarity(group: Group, item: Scored, weight: Float64Array): number {
  let total = 0;
  let enoughShared = false;
  for (const member of group.members) {
    const { score, shared } = similarity(member, item, weight);
    total += score;
    if (shared >= mergeRule.minimumSharedTerms) enoughShared = true;
  }
  const average = total / group.members.length;
  return enoughShared && average >= mergeRule.minimumSimilarity ? average : 0;
}

/**
 * Dates agree when they are the same, or when one is a single date that holds the other at a finer
 * precision: 2004 holds August 2004. A range holding a date is not agreement: the 1990s hold 1992,
 * but "in the 1990s" and "in 1992" rarely tell the same event.
 */
export function compatible(a: ResolvedDate, b: ResolvedDate): boolean {
  return agree(a, bounds(a), b, bounds(b));
}

function compatibleBounds(a: Scored, b: Scored): boolean {
  return agree(a.event.date, a.bounds, b.event.date, b.bounds);
}

function agree(a: ResolvedDate, [aFirst, aLast]: [number, number], b: ResolvedDate, [bFirst, bLast]: [number, number]): boolean {
  if (aFirst === bFirst && aLast === bLast) return true;
  return (a.end === null && aFirst <= bFirst && bLast <= aLast) || (b.end === null && bFirst <= aFirst && aLast <= bLast);
}

function bounds(date: ResolvedDate): [number, number] {
  return [epochDay(daysOfPartial(date.start).first), epochDay(daysOfPartial(date.end ?? date.start).last)];
}

function startYear(date: ResolvedDate): number {
  return Number(date.start.iso.slice(0, 4));
}

/**
 * Groups from different documents that clearly tell the same event with dates that do not agree become one entry
 * with a conflict. Clearly the same means a pair of members alike in at least `conflictSimilarity` of their weight,
 * so the groups that can be are found through an index of terms at that share.
 */
function attachConflicts(groups: Group[], ranking: TermRanking): Group[] {
  const weight = ranking.weights;
  const index = new GroupTermIndex<Group>(mergeRule.conflictSimilarity, mergeRule.conflictSharedTerms);
  /** Per group, its members by their set of terms: members with the same words are looked up once. */
  const alike = new Map<Group, { label: RankedLabel; members: Scored[] }[]>();
  for (const group of groups) {
    group.foundBy = -1;
    const byTerms = new Map<string, { label: RankedLabel; members: Scored[] }>();
    for (const member of group.members) {
      const key = member.sorted.join(' ');
      const known = byTerms.get(key);
      if (known) {
        known.members.push(member);
        continue;
      }
      const label = ranking.rankLabel(member.terms, member.mass, mergeRule.conflictSimilarity);
      byTerms.set(key, { label, members: [member] });
      index.add(group, label);
    }
    alike.set(group, [...byTerms.values()]);
  }
  const absorbed = new Set<Group>();
  const eligible = (group: Group, other: Group) =>
    other !== group && !absorbed.has(other) && other.conflicts.length === 0 && sharedTermCount(group, other) >= mergeRule.conflictSharedTerms && !sharesDocument(group, other);
  const clearlyAlike = (firsts: Scored[], other: Group) =>
    firsts.some((first) =>
      other.members.some((second) => {
        const { score, shared } = similarity(first, second, weight);
        return score >= mergeRule.conflictSimilarity && shared >= mergeRule.conflictSharedTerms;
      }),
    );
  let lookUp = 0;
  /** The groups that may take a conflict with this one: a pair of members clearly alike, and the rest of the rule. */
  const inConflictWith = (group: Group): Group[] => {
    const found = new Set<Group>();
    for (const { label, members } of alike.get(group) ?? []) {
      for (const other of index.candidates(label, lookUp++)) {
        if (!found.has(other) && eligible(group, other) && clearlyAlike(members, other)) found.add(other);
      }
    }
    return [...found];
  };
  const bySize = [...groups].sort((a, b) => b.members.length - a.members.length);
  for (const group of bySize) {
    if (absorbed.has(group)) continue;
    // Each candidate is judged on its own (absorbing one changes nothing for another), so order only matters for the list.
    const inConflict = inConflictWith(group);
    for (const other of inMeetingOrder(group, inConflict)) {
      group.conflicts.push(other);
      absorbed.add(other);
      // Neither can be found again: one is absorbed, the other holds conflicts.
      index.retire(other);
    }
    if (inConflict.length > 0) index.retire(group);
  }
  return groups.filter((group) => !absorbed.has(group));
}

function sharedTermCount(a: Group, b: Group): number {
  const [small, large] = a.terms.size <= b.terms.size ? [a.terms, b.terms] : [b.terms, a.terms];
  let shared = 0;
  for (const term of small.keys()) if (large.has(term)) shared++;
  return shared;
}

/**
 * Groups in the order a walk through the terms of `group` meets them, older groups first on the
 * same term: the order in which conflicts have always been listed.
 */
function inMeetingOrder(group: Group, others: Group[]): Group[] {
  if (others.length < 2) return others;
  const position = new Map<number, number>();
  for (const term of group.terms.keys()) position.set(term, position.size);
  const firstShared = (other: Group) => {
    let first = Infinity;
    for (const term of other.terms.keys()) first = Math.min(first, position.get(term) ?? Infinity);
    return first;
  };
  return others
    .map((other) => ({ other, first: firstShared(other) }))
    .sort((a, b) => a.first - b.first || a.other.order - b.other.order)
    .map(({ other }) => other);
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

function sharesDocument(a: Group, b: Group): boolean {
  const documents = new Set(a.members.map((member) => member.event.docId));
  return b.members.some((member) => documents.has(member.event.docId));
}

function toEntry(group: Group): TimelineEntry {
  const lead = mostPrecise(group.members);
  return {
    date: lead.event.date.start.iso,
    end: lead.event.date.end?.iso ?? null,
    precision: lead.event.date.start.precision,
    label: lead.event.label,
    sources: uniqueSources(group.members),
    conflicts: group.conflicts.map(toConflict),
  };
}

function toConflict(group: Group): DateConflict {
  const lead = mostPrecise(group.members);
  return { date: lead.event.date.start.iso, end: lead.event.date.end?.iso ?? null, precision: lead.event.date.start.precision, sources: uniqueSources(group.members) };
}

/** The finest date any source gives ("August 2004" over "2004"), the first such source on a tie. */
function mostPrecise(members: Scored[]): Scored {
  let best = members[0] as Scored;
  for (const member of members.slice(1)) {
    const finer = isFinerThan(member.event.date.start.precision, best.event.date.start.precision);
    const samePrecision = member.event.date.start.precision === best.event.date.start.precision;
    if (finer || (samePrecision && member.bounds[1] - member.bounds[0] < best.bounds[1] - best.bounds[0])) best = member;
  }
  return best;
}

function uniqueSources(members: Scored[]): EventSource[] {
  const seen = new Set<string>();
  const sources: EventSource[] = [];
  for (const { event } of members) {
    const key = `${event.source.docId}:${event.source.start}:${event.source.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    sources.push(event.source);
  }
  return sources;
}
