import type { LabelOverlap, Scored } from './merge-labels.js';
import { IdTable, GroupTermIndex, type TermRanking } from './term-index.js';

/** What the conflict rule needs of a group of merged events. */
export interface ConflictGroup {
  /** Position in creation order. */
  order: number;
  members: Scored[];
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
 * so the pairs of groups that can be are found first, once each (see `alikeLabels`), and each pair is weighed
 * member by member only when the groups are still free to take a conflict.
 */
export function attachConflicts<G extends ConflictGroup>(groups: G[], ranking: TermRanking, overlap: LabelOverlap, rule: ConflictRule): G[] {
  /** Every distinct label of every group, its position its id; a group's labels are side by side. */
  const labels: LabelOfMembers<G>[] = [];
  const alike = new Map<G, LabelOfMembers<G>[]>();
  for (const group of groups) {
    const ofGroup = labelsOfMembers(group);
    alike.set(group, ofGroup);
    for (const known of ofGroup) {
      known.id = labels.length;
      labels.push(known);
    }
  }
  const partners = alikeLabels(labels, ranking, rule);
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
  /** The groups that may take a conflict with this one: a pair of members clearly alike, and the rest of the rule. */
  const inConflictWith = (group: G): G[] => {
    const found = new Set<G>();
    for (const { id, members } of alike.get(group) ?? []) {
      for (let at = partners.starts[id] ?? 0; at < (partners.starts[id + 1] ?? 0); at++) {
        const { group: other, members: seconds } = labels[partners.ids[at] as number] as LabelOfMembers<G>;
        if (!found.has(other) && eligible(group, other) && clearlyAlike(members, seconds) && !sharesDocument(group, other)) found.add(other);
      }
    }
    return [...found];
  };
  const bySize = [...groups].sort((a, b) => b.members.length - a.members.length);
  for (const group of bySize) {
    if (absorbed.has(group)) continue;
    // Each candidate is judged on its own (absorbing one changes nothing for another), so order only matters for the list.
    for (const other of inMeetingOrder(group, inConflictWith(group))) {
      group.conflicts.push(other);
      absorbed.add(other);
    }
  }
  return groups.filter((group) => !absorbed.has(group));
}

/** For each label id, the ids of other groups' labels it may be clearly alike to: `ids` from `starts[id]` to `starts[id + 1]`. */
interface LabelPartners {
  starts: Int32Array;
  ids: Int32Array;
}

/**
 * The pairs of labels of different groups that share `rule.sharedTerms` terms and `rule.similarity` of the lighter
 * one's weight (the index finds exactly those, give or take rounding): a self-join, each label looking up the ones
 * before it and then joining the index, so each pair is found once, by the later of the two.
 */
function alikeLabels<G>(labels: LabelOfMembers<G>[], ranking: TermRanking, rule: ConflictRule): LabelPartners {
  const table = new IdTable();
  const index = new GroupTermIndex(rule.similarity, table, rule.sharedTerms);
  const pairs: number[] = [];
  const found: number[] = [];
  const degree = new Int32Array(labels.length + 1);
  for (const { id, members, group } of labels) {
    // Ranked here, once, and let go: the label is looked up and added, and never needed again.
    const first = members[0] as Scored;
    const label = ranking.rankLabel(first.terms, first.mass, rule.similarity);
    found.length = 0;
    index.candidates(label, id, found);
    for (const earlier of found) {
      if ((labels[earlier] as LabelOfMembers<G>).group === group) continue;
      pairs.push(id, earlier);
      degree[id] = (degree[id] ?? 0) + 1;
      degree[earlier] = (degree[earlier] ?? 0) + 1;
    }
    // Its members have the same terms: as one member, the bound on their share is the bound on each pair's.
    table.joined(id, label);
    index.add(id, label);
  }
  const starts = new Int32Array(labels.length + 1);
  for (let id = 0; id < labels.length; id++) starts[id + 1] = (starts[id] ?? 0) + (degree[id] ?? 0);
  const filled = starts.slice(0, labels.length);
  const ids = new Int32Array(pairs.length);
  for (let at = 0; at < pairs.length; at += 2) {
    const later = pairs[at] as number;
    const earlier = pairs[at + 1] as number;
    ids[(filled[later] as number)++] = earlier;
    ids[(filled[earlier] as number)++] = later;
  }
  return { starts, ids };
}

/** A group's members by their set of terms: members with the same words are looked up once. */
interface LabelOfMembers<G> {
  members: Scored[];
  group: G;
  /** Its id in the index of labels. */
  id: number;
}

function labelsOfMembers<G extends ConflictGroup>(group: G): LabelOfMembers<G>[] {
  // Most groups have one member: no set of terms to tell apart.
  if (group.members.length === 1) return [{ members: group.members.slice(), group, id: -1 }];
  const byTerms = new Map<string, LabelOfMembers<G>>();
  for (const member of group.members) {
    const key = member.sorted.join(' ');
    const known = byTerms.get(key);
    if (known) known.members.push(member);
    else byTerms.set(key, { members: [member], group, id: -1 });
  }
  return [...byTerms.values()];
}

/**
 * Groups in the order a walk through the terms of `group` meets them, older groups first on the
 * same term: the order in which conflicts have always been listed.
 */
function inMeetingOrder<G extends ConflictGroup>(group: G, others: G[]): G[] {
  if (others.length < 2) return others;
  // Every term of every member of the group, in the order they came.
  const position = new Map<number, number>();
  for (const member of group.members) for (const term of member.terms) if (!position.has(term)) position.set(term, position.size);
  const firstShared = (other: G) => {
    let first = Infinity;
    for (const member of other.members) for (const term of member.terms) first = Math.min(first, position.get(term) ?? Infinity);
    return first;
  };
  return others
    .map((other) => ({ other, first: firstShared(other) }))
    .sort((a, b) => a.first - b.first || a.other.order - b.other.order)
    .map(({ other }) => other);
}
