import type { LabelOverlap, Scored } from './merge-labels.js';
import { GroupTermIndex, type Findable, type RankedLabel, type TermRanking } from './term-index.js';

/** What the conflict rule needs of a group of merged events. */
export interface ConflictGroup extends Findable {
  /** Position in creation order. */
  order: number;
  members: Scored[];
  /** Every term of every member, in the order they came (with how many members have it). */
  terms: Map<number, number>;
  conflicts: ConflictGroup[];
}

/** Sources this alike on what happened, but not on when, tell the same event in conflict. */
export interface ConflictRule {
  similarity: number;
  sharedTerms: number;
}

/**
 * Groups from different documents that clearly tell the same event with dates that do not agree become one entry
 * with a conflict. Clearly the same means a pair of members alike in at least `rule.similarity` of their weight,
 * so the groups that can be are found through an index of terms at that share.
 */
export function attachConflicts<G extends ConflictGroup>(groups: G[], ranking: TermRanking, overlap: LabelOverlap, rule: ConflictRule): G[] {
  const index = new GroupTermIndex<G>(rule.similarity, rule.sharedTerms);
  const alike = new Map<G, LabelOfMembers[]>();
  for (const group of groups) {
    group.foundBy = -1;
    alike.set(group, labelsOfMembers(group, ranking, rule.similarity));
    for (const { label } of alike.get(group) ?? []) index.add(group, label);
  }
  const absorbed = new Set<G>();
  const documents = new Map<G, Set<string>>();
  const documentsOf = (group: G): Set<string> => {
    let found = documents.get(group);
    if (!found) {
      found = new Set(group.members.map((member) => member.event.docId));
      documents.set(group, found);
    }
    return found;
  };
  const clearlyAlike = (firsts: Scored[], other: G) =>
    firsts.some((first) => {
      overlap.mark(first);
      return other.members.some((second) => overlap.score(first, second) >= rule.similarity && overlap.shared >= rule.sharedTerms);
    });
  // A pair of members that share `rule.sharedTerms` terms makes their groups share as many: the rule's count of
  // terms shared by the two groups holds whenever `clearlyAlike` does, so it is not counted apart.
  const eligible = (group: G, other: G) => other !== group && !absorbed.has(other) && other.conflicts.length === 0;
  const sharesDocument = (group: G, other: G) => {
    const ofGroup = documentsOf(group);
    return other.members.some((member) => ofGroup.has(member.event.docId));
  };
  let lookUp = 0;
  /** The groups that may take a conflict with this one: a pair of members clearly alike, and the rest of the rule. */
  const inConflictWith = (group: G): G[] => {
    const found = new Set<G>();
    for (const { label, members } of alike.get(group) ?? []) {
      for (const other of index.candidates(label, lookUp++)) {
        if (!found.has(other) && eligible(group, other) && clearlyAlike(members, other) && !sharesDocument(group, other)) found.add(other);
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

/** A group's members by their set of terms: members with the same words are looked up once. */
interface LabelOfMembers {
  label: RankedLabel;
  members: Scored[];
}

function labelsOfMembers(group: ConflictGroup, ranking: TermRanking, share: number): LabelOfMembers[] {
  const byTerms = new Map<string, LabelOfMembers>();
  for (const member of group.members) {
    const key = member.sorted.join(' ');
    const known = byTerms.get(key);
    if (known) known.members.push(member);
    else byTerms.set(key, { label: ranking.rankLabel(member.terms, member.mass, share), members: [member] });
  }
  return [...byTerms.values()];
}

/**
 * Groups in the order a walk through the terms of `group` meets them, older groups first on the
 * same term: the order in which conflicts have always been listed.
 */
function inMeetingOrder<G extends ConflictGroup>(group: G, others: G[]): G[] {
  if (others.length < 2) return others;
  const position = new Map<number, number>();
  for (const term of group.terms.keys()) position.set(term, position.size);
  const firstShared = (other: G) => {
    let first = Infinity;
    for (const term of other.terms.keys()) first = Math.min(first, position.get(term) ?? Infinity);
    return first;
  };
  return others
    .map((other) => ({ other, first: firstShared(other) }))
    .sort((a, b) => a.first - b.first || a.other.order - b.other.order)
    .map(({ other }) => other);
}
