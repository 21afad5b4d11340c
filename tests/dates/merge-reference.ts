/**
 * The timeline merge as it was before candidates were indexed (every event compared with every
 * group of its year): kept here only as the reference the indexed merge must reproduce exactly.
 */
import { daysOfPartial, epochDay, isFinerThan } from '../../src/dates/calendar.js';
import { contentTerms } from '../../src/dates/terms.js';
import type { DateConflict, EventSource, KeyEvent, ResolvedDate, TimelineEntry } from '../../src/dates/types.js';

/**
 * When two key events are one event: their dates agree (one may be more precise: "2004" and
 * "August 2004") and their labels share enough distinctive words. Words are weighted by how rare
 * they are among all the events, so "Japan" and "Central Asia", present everywhere, count for little.
 */
const mergeRule = {
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
  terms: Set<string>;
  /** Sum of the weights of `terms`. */
  mass: number;
  bounds: [number, number];
}

interface Group {
  members: Scored[];
  conflicts: Group[];
}

/** Merges the key events of all documents into timeline entries: one per event, with every source that names it. */
export function mergeEventsByComparingAll(events: KeyEvent[]): TimelineEntry[] {
  const termSets = events.map((event) => new Set(contentTerms(event.label)));
  const weight = termWeights(termSets);
  const scored = events.map((event, index): Scored => {
    const terms = termSets[index] ?? new Set<string>();
    return { event, terms, mass: [...terms].reduce((sum, term) => sum + (weight.get(term) ?? 0), 0), bounds: bounds(event.date) };
  });
  // Agreeing dates always start in the same year, so only groups of that year are compared.
  const groupsByYear = new Map<number, Group[]>();
  const groups: Group[] = [];
  for (const item of scored) {
    const year = startYear(item.event.date);
    const candidates = groupsByYear.get(year) ?? [];
    let best: { group: Group; similarity: number } | null = null;
    for (const group of candidates) {
      if (!group.members.every((member) => compatibleBounds(member, item))) continue;
      const similarity = groupSimilarity(group, item, weight);
      if (similarity > 0 && (!best || similarity > best.similarity)) best = { group, similarity };
    }
    if (best) best.group.members.push(item);
    else {
      const group: Group = { members: [item], conflicts: [] };
      groups.push(group);
      groupsByYear.set(year, [...candidates, group]);
    }
  }
  return attachConflicts(groups, weight).map(toEntry);
}

function termWeights(termSets: Set<string>[]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const terms of termSets) for (const term of terms) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const total = Math.max(termSets.length, 1);
  return new Map([...frequency].map(([term, count]) => [term, Math.log(1 + total / count)]));
}

/** Weighted overlap of two labels: the shared words' weight over the lighter label's weight. */
function similarity(a: Scored, b: Scored, weight: Map<string, number>): { score: number; shared: number } {
  let shared = 0;
  let sharedWeight = 0;
  const [small, large] = a.terms.size <= b.terms.size ? [a, b] : [b, a];
  for (const term of small.terms) {
    if (!large.terms.has(term)) continue;
    shared++;
    sharedWeight += weight.get(term) ?? 0;
  }
  const lighter = Math.min(a.mass, b.mass);
  return { score: lighter > 0 ? sharedWeight / lighter : 0, shared };
}

/**
 * How well an event fits an entry: its average similarity to the entry's events, or 0 when it
 * shares too little with all of them. Averaging, rather than taking the best match, keeps a chain
 * of look-alike sentences (one company's quarterly results after another's) from becoming one entry.
 */
function groupSimilarity(group: Group, item: Scored, weight: Map<string, number>): number {
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

/** Groups from different documents that clearly tell the same event with dates that do not agree become one entry with a conflict. */
function attachConflicts(groups: Group[], weight: Map<string, number>): Group[] {
  // Only groups that share enough words can be in conflict: find them through the words.
  const groupsByTerm = new Map<string, Group[]>();
  for (const group of groups) {
    for (const term of new Set(group.members.flatMap((member) => [...member.terms]))) groupsByTerm.set(term, [...(groupsByTerm.get(term) ?? []), group]);
  }
  const absorbed = new Set<Group>();
  const bySize = [...groups].sort((a, b) => b.members.length - a.members.length);
  for (const group of bySize) {
    if (absorbed.has(group)) continue;
    const sharedCounts = new Map<Group, number>();
    for (const term of new Set(group.members.flatMap((member) => [...member.terms]))) {
      for (const other of groupsByTerm.get(term) ?? []) sharedCounts.set(other, (sharedCounts.get(other) ?? 0) + 1);
    }
    for (const [other, shared] of sharedCounts) {
      if (shared < mergeRule.conflictSharedTerms || other === group || absorbed.has(other) || other.conflicts.length > 0) continue;
      if (sharesDocument(group, other) || !clearlySame(group, other, weight)) continue;
      group.conflicts.push(other);
      absorbed.add(other);
    }
  }
  return groups.filter((group) => !absorbed.has(group));
}

function sharesDocument(a: Group, b: Group): boolean {
  const documents = new Set(a.members.map((member) => member.event.docId));
  return b.members.some((member) => documents.has(member.event.docId));
}

function clearlySame(a: Group, b: Group, weight: Map<string, number>): boolean {
  return a.members.some((first) =>
    b.members.some((second) => {
      const { score, shared } = similarity(first, second, weight);
      return score >= mergeRule.conflictSimilarity && shared >= mergeRule.conflictSharedTerms;
    }),
  );
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
