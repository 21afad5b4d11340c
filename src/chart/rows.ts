interface Interval {
  start: number;
  end: number;
}

/**
 * First-fit packing of horizontal intervals into a bounded number of rows: each interval goes
 * into the lowest row where it overlaps nothing (with `gap` pixels between). A row keeps its
 * intervals sorted, so a check is a binary search: O(rows × log n) per interval.
 */
export class RowPacker {
  private readonly rows: Interval[][];

  constructor(
    readonly maxRows: number,
    private readonly gap: number,
  ) {
    this.rows = Array.from({ length: maxRows }, () => []);
  }

  /** The row the interval was put in, or null when every row is taken there. */
  place(start: number, end: number): number | null {
    for (let row = 0; row < this.maxRows; row += 1) {
      const taken = this.rows[row] ?? [];
      const index = this.slot(taken, start, end);
      if (index !== null) {
        taken.splice(index, 0, { start, end });
        return row;
      }
    }
    return null;
  }

  /** True when some row could take the interval. */
  hasRoom(start: number, end: number): boolean {
    return this.rows.some((taken) => this.slot(taken, start, end) !== null);
  }

  /** How many rows hold anything: the height the packing needs. */
  usedRows(): number {
    let used = 0;
    this.rows.forEach((row, index) => {
      if (row.length > 0) used = index + 1;
    });
    return used;
  }

  /** Where the interval would go among a row's sorted, disjoint intervals; null when it overlaps a neighbour. */
  private slot(taken: Interval[], start: number, end: number): number | null {
    let low = 0;
    let high = taken.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((taken[middle]?.start ?? Infinity) < start) low = middle + 1;
      else high = middle;
    }
    const before = taken[low - 1];
    const after = taken[low];
    if (before !== undefined && before.end + this.gap > start) return null;
    if (after !== undefined && end + this.gap > after.start) return null;
    return low;
  }
}
