/**
 * Finding, among many groups of labelled events, the few that a label can be similar to, without
 * comparing it with all of them (prefix filtering with a positional bound, as similarity joins do it).
 *
 * Terms are ranked rarest first. A label's *rare prefix* for a share s is its rarest terms up to the
 * point where the terms left over weigh less than s of the label. Two labels whose shared terms weigh
 * at least s of the lighter label always have a shared term in the rare prefix of that lighter label:
 * the shared terms from the first one on weigh at least s of it, so that first one is in its prefix.
 * So every label similar to another is found through one of two look-ups: the other's terms among
 * the rare prefixes, or the other's rare prefix among all the terms.
 *
 * The shared terms from that first one on are also among each label's terms from there on (its
 * *tail* there), so a pair whose lighter tail at the term weighs less than s of the lighter label
 * cannot be similar, and is passed over. Terms are numbered by rank, so a label's ranking is a
 * numeric sort and the index is an array.
 */

/** A little below the share asked for, so rounding in sums of weights can never hide a match. */
export const roundingMargin = 1 - 1e-9;

/** Terms numbered rarest first (ties by spelling), with their weights by number. */
export class TermRanking {
  readonly ids = new Map<string, number>();
  readonly weights: Float64Array;

  constructor(weight: Map<string, number>) {
    const ranked = [...weight].sort(([termA, weightA], [termB, weightB]) => weightB - weightA || (termA < termB ? -1 : termA > termB ? 1 : 0));
    this.weights = new Float64Array(ranked.length);
    ranked.forEach(([term, value], index) => {
      this.ids.set(term, index);
      this.weights[index] = value;
    });
  }

  /** The label's term numbers in its own order. */
  number(terms: Iterable<string>): number[] {
    const numbered: number[] = [];
    for (const term of terms) {
      const id = this.ids.get(term);
      if (id !== undefined) numbered.push(id);
    }
    return numbered;
  }

  /** A label ranked for a share: its terms rarest first, their tails, and how many are its rare prefix. */
  rankLabel(terms: ArrayLike<number>, mass: number, share: number): RankedLabel {
    const ranked = Int32Array.from(terms).sort();
    const tails = new Float64Array(ranked.length);
    const threshold = share * mass * roundingMargin;
    let rest = 0;
    let prefixLength = ranked.length;
    for (let position = ranked.length - 1; position >= 0; position--) {
      rest += this.weights[ranked[position] as number] ?? 0;
      tails[position] = rest;
      // Walk back from the commonest term while the terms from it onwards still weigh less than the threshold.
      if (prefixLength === position + 1 && rest < threshold) prefixLength = position;
    }
    return { ranked, tails, prefixLength, mass };
  }
}

/** A label as the index sees it. */
export interface RankedLabel {
  /** Term numbers, rarest first. */
  ranked: Int32Array;
  /** At each position, the weight of the terms from there on, itself included. */
  tails: Float64Array;
  /** The first `prefixLength` of `ranked` are the rare prefix. */
  prefixLength: number;
  mass: number;
}

/** What the index lists: anything that remembers the last look-up that found it, so each is found once. */
export interface Findable {
  foundBy: number;
}

/** A group's presence under one term: the heaviest tail and the lightest label among its members with that term. */
interface Posting<G> {
  group: G;
  tail: number;
  /** The most terms a member has from this one on, itself included. */
  termsFromHere: number;
  lightest: number;
  /** Never to be found again: dropped from its lists the next time they are read. */
  retired: boolean;
}

/** Groups found through their members' terms: all of them, and those in a member's rare prefix. */
export class GroupTermIndex<G extends Findable> {
  private readonly byTerm: (Posting<G>[] | undefined)[] = [];
  private readonly byRareTerm: (Posting<G>[] | undefined)[] = [];
  private readonly postingsOf = new Map<G, Map<number, Posting<G>>>();
  private readonly rareTermsOf = new Map<G, Set<number>>();

  /**
   * For labels alike in `share` of the lighter one's weight; with `minimumShared`, also sharing that many
   * terms in the same pair, so the first shared term has that many from it on in both.
   */
  constructor(
    private readonly share: number,
    private readonly minimumShared = 1,
  ) {}

  /** Records that `group` now has a member with this label (ranked at the index's share). */
  add(group: G, label: RankedLabel): void {
    let postings = this.postingsOf.get(group);
    if (!postings) {
      postings = new Map<number, Posting<G>>();
      this.postingsOf.set(group, postings);
    }
    let rare = this.rareTermsOf.get(group);
    if (!rare) {
      rare = new Set<number>();
      this.rareTermsOf.set(group, rare);
    }
    const rareLength = Math.min(label.prefixLength, label.ranked.length - this.minimumShared + 1);
    label.ranked.forEach((term, position) => {
      const tail = label.tails[position] ?? 0;
      const termsFromHere = label.ranked.length - position;
      let posting = postings.get(term);
      if (posting) {
        posting.tail = Math.max(posting.tail, tail);
        posting.termsFromHere = Math.max(posting.termsFromHere, termsFromHere);
        posting.lightest = Math.min(posting.lightest, label.mass);
      } else {
        posting = { group, tail, termsFromHere, lightest: label.mass, retired: false };
        postings.set(term, posting);
        append(this.byTerm, term, posting);
      }
      if (position < rareLength && !rare.has(term)) {
        rare.add(term);
        append(this.byRareTerm, term, posting);
      }
    });
  }

  /** Takes a group out of what `candidates` finds. */
  retire(group: G): void {
    for (const posting of this.postingsOf.get(group)?.values() ?? []) posting.retired = true;
  }

  /**
   * Every group with a member that may share the index's share of the lighter label's weight with
   * this label; others cannot, and some found may not. `lookUp` numbers this look-up: a group found
   * is marked with it, so it is listed once.
   */
  candidates(label: RankedLabel, lookUp: number): G[] {
    const found: G[] = [];
    const { ranked, tails, mass } = label;
    const collect = (postings: Posting<G>[] | undefined, tail: number) => {
      if (!postings) return;
      let kept = 0;
      for (const posting of postings) {
        if (posting.retired) continue;
        postings[kept++] = posting;
        if (posting.group.foundBy === lookUp || posting.termsFromHere < this.minimumShared) continue;
        if (Math.min(tail, posting.tail) < this.share * Math.min(mass, posting.lightest) * roundingMargin) continue;
        posting.group.foundBy = lookUp;
        found.push(posting.group);
      }
      postings.length = kept;
    };
    const rareLength = Math.min(label.prefixLength, ranked.length - this.minimumShared + 1);
    // The first shared term has `minimumShared` terms from it on in this label too.
    for (let position = 0; position <= ranked.length - this.minimumShared; position++) {
      const term = ranked[position] as number;
      const tail = tails[position] ?? 0;
      collect(this.byRareTerm[term], tail);
      if (position < rareLength) collect(this.byTerm[term], tail);
    }
    return found;
  }
}

function append<P>(index: (P[] | undefined)[], term: number, posting: P): void {
  const list = index[term];
  if (list) list.push(posting);
  else index[term] = [posting];
}
