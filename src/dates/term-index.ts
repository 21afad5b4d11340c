/**
 * Finding, among many groups of labelled events, the few that a label can be similar to, without
 * comparing it with all of them (prefix filtering, as similarity joins do it).
 *
 * Terms are ranked rarest first. A label's *rare prefix* for a share s is its rarest terms up to the
 * point where the terms left over weigh less than s of the label. Two labels whose shared terms weigh
 * at least s of the lighter label always have a shared term in the rare prefix of that lighter label:
 * the shared terms from the first one on weigh at least s of it, so that first one is in its prefix.
 * So every label similar to another is found through one of two look-ups: the other's terms among
 * the rare prefixes, or the other's rare prefix among all the terms.
 */

/** A little below the share asked for, so rounding in sums of weights can never hide a match. */
const roundingMargin = 1 - 1e-9;

export class TermRanking {
  private readonly rank = new Map<string, number>();

  constructor(private readonly weight: Map<string, number>) {
    const ranked = [...weight].sort(([termA, weightA], [termB, weightB]) => weightB - weightA || (termA < termB ? -1 : termA > termB ? 1 : 0));
    ranked.forEach(([term], index) => this.rank.set(term, index));
  }

  /** The rarest terms of a label outside which less than `share` of its weight `mass` lies. */
  rarePrefix(terms: Iterable<string>, mass: number, share: number): string[] {
    const ranked = [...terms].sort((a, b) => (this.rank.get(a) ?? 0) - (this.rank.get(b) ?? 0));
    const threshold = share * mass * roundingMargin;
    let rest = 0;
    let length = ranked.length;
    // Walk back from the commonest term while the terms from it onwards still weigh less than the threshold.
    while (length > 0) {
      const term = ranked[length - 1] as string;
      const withTerm = rest + (this.weight.get(term) ?? 0);
      if (withTerm >= threshold) break;
      rest = withTerm;
      length--;
    }
    return ranked.slice(0, length);
  }
}

/** Groups found through their members' terms: all of them, and those in a member's rare prefix. */
export class GroupTermIndex<G> {
  private readonly byTerm = new Map<string, G[]>();
  private readonly byRareTerm = new Map<string, G[]>();
  private readonly termsOf = new Map<G, Set<string>>();
  private readonly rareTermsOf = new Map<G, Set<string>>();

  /** Records that `group` now has a member with these terms and this rare prefix. */
  add(group: G, terms: Iterable<string>, rarePrefix: Iterable<string>): void {
    addOnce(this.byTerm, this.termsOf, group, terms);
    addOnce(this.byRareTerm, this.rareTermsOf, group, rarePrefix);
  }

  /**
   * Every group with a member that may share `share` of the lighter label's weight with a label of
   * these terms and this rare prefix (taken at the same share); others cannot, and some found may not.
   */
  candidates(terms: Iterable<string>, rarePrefix: Iterable<string>): Set<G> {
    const found = new Set<G>();
    for (const term of terms) for (const group of this.byRareTerm.get(term) ?? []) found.add(group);
    for (const term of rarePrefix) for (const group of this.byTerm.get(term) ?? []) found.add(group);
    return found;
  }
}

function addOnce<G>(index: Map<string, G[]>, seen: Map<G, Set<string>>, group: G, terms: Iterable<string>): void {
  let known = seen.get(group);
  if (!known) {
    known = new Set<string>();
    seen.set(group, known);
  }
  for (const term of terms) {
    if (known.has(term)) continue;
    known.add(term);
    const list = index.get(term);
    if (list) list.push(group);
    else index.set(term, [group]);
  }
}
