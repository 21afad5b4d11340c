import { isFinerThan } from './calendar.js';
import { attachConflicts, type ConflictGroup } from './merge-conflicts.js';
import { bounds, datesAgree, LabelOverlap, scoreEvents, type Scored } from './merge-labels.js';
import { IdTable, GroupTermIndex, roundingMargin, type RankedLabel } from './term-index.js';
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

interface Group extends ConflictGroup {
  members: Scored[];
  /** The smallest mass of a member. */
  lightest: number;
  /** One member for each distinct date among the members: an event agrees with all members when it agrees with these. */
  dates: Scored[];
  conflicts: Group[];
  /** The shelf of its first member's date. */
  shelf: DateShelf | null;
}

/** The groups whose first member has one date, and the index of their terms. */
interface DateShelf {
  /** That first member: its date stands for all of them when an event's date is checked against it. */
  sample: Scored;
  index: GroupTermIndex;
  /** Its position among the shelves of its year. */
  position: number;
}

/** The groups of one start year: by the date of their first member, and all of them in one index of terms. */
interface YearShelves {
  /** By date number (see Scored.date). */
  shelves: Map<number, DateShelf>;
  /** The same shelves in the order they came. */
  shelfList: DateShelf[];
  index: GroupTermIndex;
  /** By date number, the shelves that agree with it. */
  agreeing: Map<number, Agreeing>;
}

/** The shelves of a year that agree with one date, how many of the year's shelves have been checked for it, and by position, 1 for those that agree. */
interface Agreeing {
  shelves: DateShelf[];
  checked: number;
  marks: Uint8Array;
}

/**
 * Above this many agreeing shelves, the year's index is searched once, passing over the groups whose shelf does not
 * agree, instead of searching each shelf: a date as coarse as "1987" agrees with hundreds of shelves, and looking the same
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
  const { scored, ranking } = scoreEvents(events);
  const overlap = new LabelOverlap(ranking.weights);
  const merge: Merge = { years: new Map(), groups: [], table: new IdTable(), found: [] };
  scored.forEach((item, lookUp) => {
    // Agreeing dates always start in the same year, so only groups of that year are candidates.
    const year = shelvesOfYear(merge, item);
    const label = ranking.rankLabel(item.terms, item.mass, mergeRule.minimumSimilarity);
    const best = mostSimilarGroup(candidatesOfYear(merge, year, item, label, lookUp), item, merge.table, lookUp, overlap);
    const group = best ?? newGroup(merge.groups.length);
    if (!best) merge.groups.push(group);
    join(group, item);
    merge.table.joined(group.order, label);
    if (!group.shelf) {
      group.shelf = shelfOf(merge, year, item);
      merge.table.shelve(group.order, group.shelf.position);
    }
    group.shelf.index.add(group.order, label);
    year.index.add(group.order, label);
  });
  const rule = { similarity: mergeRule.conflictSimilarity, sharedTerms: mergeRule.conflictSharedTerms };
  return attachConflicts(merge.groups, ranking, overlap, rule).map(toEntry);
}

/** The state of one merge: the groups by creation order (their ids in the indexes), and by year. */
interface Merge {
  years: Map<number, YearShelves>;
  groups: Group[];
  /** Shared by all the indexes, since one look-up may search several shelves. */
  table: IdTable;
  /** Ids found by the current look-up, reused from one event to the next. */
  found: number[];
}

function shelvesOfYear(merge: Merge, item: Scored): YearShelves {
  const year = startYear(item.event.date);
  let shelves = merge.years.get(year);
  if (!shelves) {
    shelves = { shelves: new Map(), shelfList: [], index: new GroupTermIndex(mergeRule.minimumSimilarity, merge.table, 1, mergeRule.minimumSharedTerms), agreeing: new Map() };
    merge.years.set(year, shelves);
  }
  return shelves;
}

function shelfOf(merge: Merge, year: YearShelves, item: Scored): DateShelf {
  let shelf = year.shelves.get(item.date);
  if (!shelf) {
    shelf = { sample: item, index: new GroupTermIndex(mergeRule.minimumSimilarity, merge.table, 1, mergeRule.minimumSharedTerms), position: year.shelfList.length };
    year.shelves.set(item.date, shelf);
    year.shelfList.push(shelf);
  }
  return shelf;
}

function newGroup(order: number): Group {
  return { order, members: [], lightest: Infinity, dates: [], conflicts: [], shelf: null };
}

function join(group: Group, item: Scored): void {
  group.members.push(item);
  if (!group.dates.some((sample) => sample.date === item.date)) group.dates.push(item);
  group.lightest = Math.min(group.lightest, item.mass);
}

/** The groups of the year, on a shelf whose date agrees with the event's, that may be similar enough to it. */
function candidatesOfYear(merge: Merge, year: YearShelves, item: Scored, label: RankedLabel, lookUp: number): Group[] {
  const agreeing = agreeingShelves(year, item);
  const { found, groups } = merge;
  found.length = 0;
  if (agreeing.shelves.length <= shelvesSearchedOneByOne) for (const shelf of agreeing.shelves) shelf.index.candidates(label, lookUp, found);
  else year.index.candidates(label, lookUp, found, agreeing.shelves.length === year.shelfList.length ? null : agreeing.marks);
  const candidates: Group[] = [];
  for (const id of found) candidates.push(groups[id] as Group);
  return candidates;
}

/**
 * The year's shelves whose date agrees with the event's. Agreement depends on the two dates alone, and shelves
 * are only ever added, so each date's list is kept and only the shelves added since are checked.
 */
function agreeingShelves(year: YearShelves, item: Scored): Agreeing {
  let known = year.agreeing.get(item.date);
  if (!known) {
    known = { shelves: [], checked: 0, marks: new Uint8Array(16) };
    year.agreeing.set(item.date, known);
  }
  if (known.marks.length < year.shelfList.length) {
    const marks = new Uint8Array(2 * year.shelfList.length);
    marks.set(known.marks);
    known.marks = marks;
  }
  for (; known.checked < year.shelfList.length; known.checked++) {
    const shelf = year.shelfList[known.checked] as DateShelf;
    if (!datesAgree(shelf.sample, item)) continue;
    known.shelves.push(shelf);
    known.marks[shelf.position] = 1;
  }
  return known;
}

/**
 * The group an event joins: of the candidates whose every date agrees with its own, the one it is most similar
 * to (the older on a tie), when that is similar enough. Each candidate has an upper bound on its similarity, from
 * what the index found it shares with the event; taken by falling bound, the exact similarity is only worked out
 * while the bound could still beat the best so far, so most candidates are never weighed member by member.
 */
function mostSimilarGroup(candidates: Group[], item: Scored, table: IdTable, lookUp: number, overlap: LabelOverlap): Group | null {
  const reachable: { group: Group; bound: number }[] = [];
  for (const group of candidates) {
    if (!agreesWithAll(group, item)) continue;
    const bound = similarityBound(group, item, table, lookUp);
    if (bound !== null) reachable.push({ group, bound });
  }
  reachable.sort((a, b) => b.bound - a.bound);
  overlap.mark(item);
  let best: Group | null = null;
  let bestSimilarity = 0;
  for (const { group, bound } of reachable) {
    // The bound is summed in another order than the similarity: the margin keeps a tie in reach.
    if (bound < bestSimilarity * roundingMargin) break;
    const similarity = groupSimilarity(group, item, overlap);
    if (similarity > bestSimilarity || (best !== null && similarity === bestSimilarity && group.order < best.order)) {
      best = group;
      bestSimilarity = similarity;
    }
  }
  return best;
}

/** The first date is its shelf's, which agrees, or the group would not be a candidate: only the others are checked. */
function agreesWithAll(group: Group, item: Scored): boolean {
  for (let index = 1; index < group.dates.length; index++) if (!datesAgree(group.dates[index] as Scored, item)) return false;
  return true;
}

/**
 * An upper bound on how similar a candidate group can be to an event, or null when it cannot be similar at all:
 * the weight its members share with it (each term as many times as members have it), which the index worked out
 * on finding it, over the lightest label, on average. The index found only groups whose members share at least
 * two of its terms between them and enough weight, so a candidate's bound is already in reach.
 */
function similarityBound(group: Group, item: Scored, table: IdTable, lookUp: number): number | null {
  const lighter = Math.min(group.lightest, item.mass);
  if (lighter <= 0) return null;
  return table.sharedWeightOf(group.order, lookUp) / (group.members.length * lighter);
}

/**
 * How well an event fits an entry: its average similarity to the entry's events, or 0 when it
 * shares too little with all of them. Averaging, rather than taking the best match, keeps a chain
 * of look-alike sentences (one company's quarterly results after another's) from becoming one entry.
 */
function groupSimilarity(group: Group, item: Scored, overlap: LabelOverlap): number {
  let total = 0;
  let enoughShared = false;
  for (const member of group.members) {
    total += overlap.score(member, item);
    if (overlap.shared >= mergeRule.minimumSharedTerms) enoughShared = true;
  }
  const average = total / group.members.length;
  return enoughShared && average >= mergeRule.minimumSimilarity ? average : 0;
}

/** Whether two dates agree (see datesAgree). */
export function compatible(a: ResolvedDate, b: ResolvedDate): boolean {
  const days = (date: ResolvedDate) => {
    const [first, last] = bounds(date);
    return { first, last, single: date.end === null };
  };
  return datesAgree(days(a), days(b));
}

function startYear(date: ResolvedDate): number {
  return Number(date.start.iso.slice(0, 4));
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
    if (finer || (samePrecision && member.last - member.first < best.last - best.first)) best = member;
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
