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
    const weights = new Float64Array(ranked.length);
    const tails = new Float64Array(ranked.length);
    const threshold = share * mass * roundingMargin;
    let rest = 0;
    let prefixLength = ranked.length;
    for (let position = ranked.length - 1; position >= 0; position--) {
      weights[position] = this.weights[ranked[position] as number] ?? 0;
      rest += weights[position] ?? 0;
      tails[position] = rest;
      // Walk back from the commonest term while the terms from it onwards still weigh less than the threshold.
      if (prefixLength === position + 1 && rest < threshold) prefixLength = position;
    }
    return { ranked, weights, tails, prefixLength, mass };
  }
}

/** A label as the index sees it. */
export interface RankedLabel {
  /** Term numbers, rarest first. */
  ranked: Int32Array;
  /** At each position, the weight of that term. */
  weights: Float64Array;
  /** At each position, the weight of the terms from there on, itself included. */
  tails: Float64Array;
  /** The first `prefixLength` of `ranked` are the rare prefix. */
  prefixLength: number;
  mass: number;
}

/**
 * What the indexes of one search know of each id (a small whole number, its position in the caller's list),
 * shared by the indexes one look-up may search: how many members it has and the lightest of them, as the caller
 * tells them; and for the current look-up, whether it was found and the weight it shares with the label so far.
 * Kept in one row of 64 bytes per id, so that weighing a posting never touches the object the id stands for, and
 * reads one line of memory for all it needs of the id: look-ups jump from id to id, and most of their time was
 * spent waiting for memory when each of these was a column of its own.
 */
export class IdTable {
  private words = new Int32Array(rowWords * 1024);
  private reals = new Float64Array(this.words.buffer);

  constructor() {
    this.clear(0, 1024);
  }

  /** Records that `id` has one more member, with this label. */
  joined(id: number, label: RankedLabel): void {
    if (rowWords * id >= this.words.length) this.grow(id);
    const row = rowWords * id;
    this.words[row + membersWord] = (this.words[row + membersWord] ?? 0) + 1;
    this.reals[row / 2 + lightestReal] = Math.min(this.reals[row / 2 + lightestReal] ?? Infinity, label.mass);
    for (const term of label.ranked) {
      const bit = signatureBit(term);
      const word = row + signatureWord + (bit >> 5);
      this.words[word] = (this.words[word] ?? 0) | (1 << (bit & 31));
    }
  }

  /** False when no member of `id` has the term; true when one may. */
  mayHave(id: number, term: number): boolean {
    const bit = signatureBit(term);
    return ((this.words[rowWords * id + signatureWord + (bit >> 5)] ?? 0) & (1 << (bit & 31))) !== 0;
  }

  /** Records the shelf `id` is on (a small whole number the caller gives), for look-ups that search some shelves only. */
  shelve(id: number, shelf: number): void {
    if (rowWords * id >= this.words.length) this.grow(id);
    this.words[rowWords * id + shelfWord] = shelf;
  }

  shelfOf(id: number): number {
    return this.words[rowWords * id + shelfWord] ?? 0;
  }

  memberCount(id: number): number {
    return this.words[rowWords * id + membersWord] ?? 0;
  }

  lightestOf(id: number): number {
    return this.reals[(rowWords / 2) * id + lightestReal] ?? Infinity;
  }

  /** Marks `id` as found by `lookUp`; false when it already was. */
  mark(id: number, lookUp: number): boolean {
    const word = rowWords * id + foundByWord;
    if (this.words[word] === lookUp) return false;
    this.words[word] = lookUp;
    return true;
  }

  /** Adds a shared term, `weight` times the number of members that have it, to what `id` shares in this look-up. */
  share(id: number, lookUp: number, weight: number): void {
    const row = rowWords * id;
    const real = row / 2 + sharedWeightReal;
    if (this.words[row + weighedByWord] !== lookUp) {
      this.words[row + weighedByWord] = lookUp;
      this.reals[real] = weight;
      this.words[row + sharedTermsWord] = 1;
      return;
    }
    this.reals[real] = (this.reals[real] ?? 0) + weight;
    this.words[row + sharedTermsWord] = (this.words[row + sharedTermsWord] ?? 0) + 1;
  }

  sharedWeightOf(id: number, lookUp: number): number {
    const row = rowWords * id;
    return this.words[row + weighedByWord] === lookUp ? (this.reals[row / 2 + sharedWeightReal] ?? 0) : 0;
  }

  sharedTermsOf(id: number, lookUp: number): number {
    const row = rowWords * id;
    return this.words[row + weighedByWord] === lookUp ? (this.words[row + sharedTermsWord] ?? 0) : 0;
  }

  /** Sets what `id` shares in this look-up, once all of it is known. */
  setShared(id: number, lookUp: number, weight: number, terms: number): void {
    const row = rowWords * id;
    this.words[row + weighedByWord] = lookUp;
    this.reals[row / 2 + sharedWeightReal] = weight;
    this.words[row + sharedTermsWord] = terms;
  }

  private grow(id: number): void {
    const rows = Math.max(id + 1, (2 * this.words.length) / rowWords);
    const words = new Int32Array(rowWords * rows);
    words.set(this.words);
    const from = this.words.length / rowWords;
    this.words = words;
    this.reals = new Float64Array(words.buffer);
    this.clear(from, rows);
  }

  /** Rows from `from` to `to`: no members, none lighter than any label, never found nor weighed. */
  private clear(from: number, to: number): void {
    for (let id = from; id < to; id++) {
      this.reals[(rowWords / 2) * id + lightestReal] = Infinity;
      this.words[rowWords * id + foundByWord] = -1;
      this.words[rowWords * id + weighedByWord] = -1;
    }
  }
}

/** An IdTable row: 16 words of 32 bits; the two numbers with fractions take two words each. */
const rowWords = 16;
/** In 64-bit units of the row. */
const sharedWeightReal = 0;
const lightestReal = 1;
/** In 32-bit words of the row. */
const membersWord = 4;
const foundByWord = 5;
const weighedByWord = 6;
const sharedTermsWord = 7;
/** Two words, with one bit set for each term the id's members have: a bit not set tells a term it lacks. */
const signatureWord = 8;
const shelfWord = 10;

/** One of 64 bits for a term, spread by a multiplicative hash. */
function signatureBit(term: number): number {
  return Math.imul(term, 0x9e3779b1) >>> 26;
}

/**
 * The postings of one term, in one array of numbers that a look-up reads in a row: for each id with a member
 * that has the term, five cells: the id, the heaviest tail there, the most terms from there on, the lightest
 * label and how many members have it. One array, not one object per posting: an index holds hundreds of
 * thousands of these, mostly short.
 */
class Postings {
  readonly cells: number[] = [];
  /** The slots whose term is in a member's rare prefix: none, for most terms of most indexes, until one is. */
  rare: number[] | null = null;

  get size(): number {
    return this.cells.length / cellsPerPosting;
  }

  push(id: number, tail: number, termsFromHere: number, lightest: number): number {
    this.cells.push(id, tail, termsFromHere, lightest, 1);
    return this.size - 1;
  }

  widen(slot: number, tail: number, termsFromHere: number, lightest: number): void {
    const at = slot * cellsPerPosting;
    const cells = this.cells;
    cells[at + 1] = Math.max(cells[at + 1] ?? 0, tail);
    cells[at + 2] = Math.max(cells[at + 2] ?? 0, termsFromHere);
    cells[at + 3] = Math.min(cells[at + 3] ?? Infinity, lightest);
    cells[at + 4] = (cells[at + 4] ?? 0) + 1;
  }

  id(slot: number): number {
    return this.cells[slot * cellsPerPosting] as number;
  }

  tail(slot: number): number {
    return this.cells[slot * cellsPerPosting + 1] as number;
  }

  termsFromHere(slot: number): number {
    return this.cells[slot * cellsPerPosting + 2] as number;
  }

  lightest(slot: number): number {
    return this.cells[slot * cellsPerPosting + 3] as number;
  }

  count(slot: number): number {
    return this.cells[slot * cellsPerPosting + 4] as number;
  }
}

const cellsPerPosting = 5;

/**
 * For each id and term of an index: the term's slot in its postings, doubled, plus one once the term is in a
 * member's rare prefix; and how many of the id's members have the term. A table open to linear probing, each
 * entry four numbers side by side in one typed array, not a Map per id: adding a label allocates nothing most of
 * the time, and a look-up reads one line of memory or two.
 */
class SlotTable {
  /** Small at first: an index is made for each date of a year, and most hold few labels. */
  private cells = new Int32Array(cellsPerEntry * 64).fill(-1);
  private filled = 0;

  /** The cell that holds the pair, or the empty cell where it goes: valid until the next `put`. */
  cellOf(id: number, term: number): number {
    const mask = this.cells.length / cellsPerEntry - 1;
    let entry = pairHash(id, term) & mask;
    for (;;) {
      const cell = cellsPerEntry * entry;
      const held = this.cells[cell] as number;
      if (held === -1 || (held === id && this.cells[cell + 1] === term)) return cell;
      entry = (entry + 1) & mask;
    }
  }

  /** The slot in a cell, or -1 when the cell is empty. */
  slotAt(cell: number): number {
    return this.cells[cell] === -1 ? -1 : (this.cells[cell + 2] as number);
  }

  /** How many members have the term, in a cell that holds one. */
  countAt(cell: number): number {
    return this.cells[cell + 3] as number;
  }

  /** Sets the pair's slot and count, in the cell `cellOf` gave for it. */
  put(cell: number, id: number, term: number, slot: number, count: number): void {
    const cells = this.cells;
    const added = cells[cell] === -1;
    cells[cell] = id;
    cells[cell + 1] = term;
    cells[cell + 2] = slot;
    cells[cell + 3] = count;
    // Kept at most half full, so that a probe meets an empty cell soon.
    if (added && 2 * ++this.filled * cellsPerEntry > cells.length) this.grow();
  }

  private grow(): void {
    const old = this.cells;
    this.cells = new Int32Array(2 * old.length).fill(-1);
    for (let from = 0; from < old.length; from += cellsPerEntry) {
      if (old[from] === -1) continue;
      const to = this.cellOf(old[from] as number, old[from + 1] as number);
      this.cells.set(old.subarray(from, from + cellsPerEntry), to);
    }
  }
}

const cellsPerEntry = 4;

/** Mixes both numbers into all the bits, so that neighbouring ids and terms spread over the table. */
function pairHash(first: number, second: number): number {
  const mixed = Math.imul(first ^ Math.imul(second, 0x85ebca6b), 0x9e3779b1);
  return mixed ^ (mixed >>> 15);
}

/**
 * Ids (of groups, or of labels) found through their members' terms: all of them, and those in a member's rare
 * prefix. Each id's members are also counted in the index's IdTable, by the caller.
 */
export class GroupTermIndex {
  /** A Map, not an array by term: most indexes hold a few of the many terms, and a sparse array is slow to read. */
  private readonly byTerm = new Map<number, Postings>();
  /** By id and term: the term's slot in its postings, doubled, plus one once the term is in a member's rare prefix. */
  private readonly slots = new SlotTable();

  /**
   * For labels alike in `share` of the lighter one's weight; with `minimumShared`, also sharing that many
   * terms in the same pair, so the first shared term has that many from it on in both; with `idSharedTerms`,
   * ids whose members together share fewer terms than that are not found. `table` keeps each look-up from
   * listing an id twice, and what it shares with the label.
   */
  constructor(
    private readonly share: number,
    private readonly table: IdTable,
    private readonly minimumShared = 1,
    private readonly idSharedTerms = minimumShared,
  ) {}

  /** Records that `id` now has a member with this label (ranked at the index's share). */
  add(id: number, label: RankedLabel): void {
    const rareLength = this.rareLength(label);
    for (let position = 0; position < label.ranked.length; position++) {
      const term = label.ranked[position] as number;
      const tail = label.tails[position] ?? 0;
      const termsFromHere = label.ranked.length - position;
      let postings = this.byTerm.get(term);
      if (!postings) {
        postings = new Postings();
        this.byTerm.set(term, postings);
      }
      const cell = this.slots.cellOf(id, term);
      let slot = this.slots.slotAt(cell);
      const count = slot < 0 ? 1 : this.slots.countAt(cell) + 1;
      if (slot < 0) slot = 2 * postings.push(id, tail, termsFromHere, label.mass);
      else postings.widen(slot >> 1, tail, termsFromHere, label.mass);
      if (position < rareLength && (slot & 1) === 0) {
        (postings.rare ??= []).push(slot >> 1);
        slot |= 1;
      }
      this.slots.put(cell, id, term, slot, count);
    }
  }

  /** Whether `id`'s shelf is one of `onShelves` (marked 1 by shelf position); every shelf when none are given. */
  private onShelves(id: number, onShelves: Uint8Array | null): boolean {
    return onShelves === null || onShelves[this.table.shelfOf(id)] === 1;
  }

  /**
   * Adds to `found` every id whose members may share, on average, the index's share of the lighter label's weight
   * with this label (and `minimumShared` terms in one pair, `idSharedTerms` in all); others cannot, and some found may not. `lookUp` numbers this look-up.
   *
   * Through the label's rare prefix every id with the term is read, so the weight each id shares with the prefix
   * is known when the look-up ends; the few terms after it are looked up in each id found, unless its signature
   * says it lacks them. So the weight each id found shares with the label, times how many of its members share
   * each term, is known, and an id for which that is too little is left out: as a share of the lighter label
   * averaged over the members, it is at least the share of each member. For each id found, the table then holds
   * that weight and the number of distinct terms shared (see IdTable.sharedWeightOf), for the caller to rank them.
   */
  candidates(label: RankedLabel, lookUp: number, found: number[], onShelves: Uint8Array | null = null): void {
    const { ranked, tails, weights, mass } = label;
    const from = found.length;
    const rareLength = this.rareLength(label);
    // The first shared term has `minimumShared` terms from it on in this label too.
    for (let position = 0; position <= ranked.length - this.minimumShared; position++) {
      const term = ranked[position] as number;
      const postings = this.byTerm.get(term);
      if (!postings) continue;
      const tail = tails[position] ?? 0;
      if (position < rareLength) {
        // The rare postings of the term are among these.
        const weight = weights[position] ?? 0;
        for (let slot = 0; slot < postings.size; slot++) {
          const id = postings.id(slot);
          if (!this.onShelves(id, onShelves)) continue;
          this.table.share(id, lookUp, weight * postings.count(slot));
          this.collect(postings, slot, mass, tail, lookUp, found);
        }
        continue;
      }
      if (postings.rare) {
        for (const slot of postings.rare) if (this.onShelves(postings.id(slot), onShelves)) this.collect(postings, slot, mass, tail, lookUp, found);
      }
    }
    this.keepReachable(found, from, label, rareLength, lookUp);
  }

  private rareLength(label: RankedLabel): number {
    return Math.min(label.prefixLength, label.ranked.length - this.minimumShared + 1);
  }

  private collect(postings: Postings, slot: number, mass: number, tail: number, lookUp: number, found: number[]): void {
    if (postings.termsFromHere(slot) < this.minimumShared) return;
    if (Math.min(tail, postings.tail(slot)) < this.share * Math.min(mass, postings.lightest(slot)) * roundingMargin) return;
    const id = postings.id(slot);
    if (!this.table.mark(id, lookUp)) return;
    found.push(id);
  }

  /**
   * Leaves out of `found`, from `from` on, the ids that cannot share enough with the label (see `candidates`): first
   * as if every member had every term after the prefix that the signature allows, then, for those still in, exactly.
   */
  private keepReachable(found: number[], from: number, label: RankedLabel, rareLength: number, lookUp: number): void {
    const enoughTerms = Math.max(this.minimumShared, this.idSharedTerms);
    let kept = from;
    for (let index = from; index < found.length; index++) {
      const id = found[index] as number;
      const members = this.table.memberCount(id);
      const lighter = Math.min(this.table.lightestOf(id), label.mass);
      const enoughWeight = lighter > 0 ? this.share * members * lighter * roundingMargin : -Infinity;
      const prefixWeight = this.table.sharedWeightOf(id, lookUp);
      const prefixTerms = this.table.sharedTermsOf(id, lookUp);
      let mayWeigh = 0;
      let mayTerms = 0;
      for (let position = rareLength; position < label.ranked.length; position++) {
        if (!this.table.mayHave(id, label.ranked[position] as number)) continue;
        mayWeigh += label.weights[position] ?? 0;
        mayTerms++;
      }
      if (prefixTerms + mayTerms < enoughTerms || prefixWeight + members * mayWeigh < enoughWeight) continue;
      if (mayTerms > 0 && !this.sharesEnoughAfter(id, label, rareLength, prefixWeight, prefixTerms, enoughWeight, enoughTerms, lookUp)) continue;
      found[kept++] = id;
    }
    found.length = kept;
  }

  /**
   * Whether the terms after the prefix that `id` has, as many times as its members have them, bring it to enough;
   * what it shares in all is recorded in the table.
   */
  private sharesEnoughAfter(id: number, label: RankedLabel, rareLength: number, weight: number, terms: number, enoughWeight: number, enoughTerms: number, lookUp: number): boolean {
    for (let position = rareLength; position < label.ranked.length; position++) {
      const term = label.ranked[position] as number;
      if (!this.table.mayHave(id, term)) continue;
      const cell = this.slots.cellOf(id, term);
      if (this.slots.slotAt(cell) < 0) continue;
      weight += (label.weights[position] ?? 0) * this.slots.countAt(cell);
      terms++;
    }
    this.table.setShared(id, lookUp, weight, terms);
    return terms >= enoughTerms && weight >= enoughWeight;
  }

}
