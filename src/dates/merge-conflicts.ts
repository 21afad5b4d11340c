import type { LabelOverlap, Scored } from './merge-labels.js';
import { IdTable, GroupTermIndex, type RankedLabel, type TermRanking } from './term-index.js';

/** What the conflict rule needs of a group of merged events. */
export interface ConflictGroup {
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
 * so the groups that can be are found through an index of their members' labels at that share: each label found
 * is weighed only against the members that have it.
 */
export function attachConflicts<G extends ConflictGroup>(groups: G[], ranking: TermRanking, overlap: LabelOverlap, rule: ConflictRule): G[] {
  const table = new IdTable();
  const index = new GroupTermIndex(rule.similarity, table, rule.sharedTerms);
  /** Every distinct label of every group, its position its id in the index. */
  const labels: LabelOfMembers<G>[] = [];
  const alike = new Map<G, LabelOfMembers<G>[]>();
  for (const group of groups) {
    const ofGroup = labelsOfMembers(group, ranking, rule.similarity);
    alike.set(group, ofGroup);
    for (const known of ofGroup) {
      known.id = labels.length;
      labels.push(known);
      // Its members have the same terms: as one member, the bound on their share is the bound on each pair's.
      table.joined(known.id, known.label);
      index.add(known.id, known.label);
    }
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
  const clearlyAlike = (firsts: Scored[], seconds: Scored[]) =>
    firsts.some((first) => {
      overlap.mark(first);
      return seconds.some((second) => overlap.score(first, second) >= rule.similarity && overlap.shared >= rule.sharedTerms);
    });
  // A pair of members that share `rule.sharedTerms` terms makes their groups share as many: the rule's count of
  // terms shared by the two groups holds whenever `clearlyAlike` does, so it is not counted apart.
  const eligible = (group: G, other: G) => other !== group && !absorbed.has(other) && other.conflicts.length === 0;
  const sharesDocument = (group: G, other: G) => {
    const ofGroup = documentsOf(group);
    return other.members.some((member) => ofGroup.has(member.event.docId));
  };
  let lookUp = 0;
  const ids: number[] = [];
  /** The groups that may take a conflict with this one: a pair of members clearly alike, and the rest of the rule. */
  const inConflictWith = (group: G): G[] => {
    const found = new Set<G>();
    for (const { label, members } of alike.get(group) ?? []) {
      ids.length = 0;
      index.candidates(label, lookUp++, ids);
      for (const id of ids) {
        const { group: other, members: seconds } = labels[id] as LabelOfMembers<G>;
        if (!found.has(other) && eligible(group, other) && clearlyAlike(members, seconds) && !sharesDocument(group, other)) found.add(other);
      }
    }
    return [...found];
  };
  const retire = (group: G) => {
    for (const { id } of alike.get(group) ?? []) table.retire(id);
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
      retire(other);
    }
    if (inConflict.length > 0) retire(group);
  }
  return groups.filter((group) => !absorbed.has(group));
}

/** A group's members by their set of terms: members with the same words are looked up once. */
interface LabelOfMembers<G> {
  label: RankedLabel;
  members: Scored[];
  group: G;
  /** Its id in the index of labels. */
  id: number;
}

function labelsOfMembers<G extends ConflictGroup>(group: G, ranking: TermRanking, share: number): LabelOfMembers<G>[] {
  const byTerms = new Map<string, LabelOfMembers<G>>();
  for (const member of group.members) {
    const key = member.sorted.join(' ');
    const known = byTerms.get(key);
    if (known) known.members.push(member);
    else byTerms.set(key, { label: ranking.rankLabel(member.terms, member.mass, share), members: [member], group, id: -1 });
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
