/**
 * First-fit packing of horizontal intervals into a bounded number of rows: each interval goes
 * into the lowest row where it overlaps nothing (with `gap` pixels between). A row holds at most
 * width / (smallest interval + gap) intervals, so a placement costs O(rows × that), whatever the input size.
 */
export class RowPacker {
  private readonly rows: { start: number; end: number }[][];

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
      if (this.free(taken, start, end)) {
        taken.push({ start, end });
        return row;
      }
    }
    return null;
  }

  /** True when some row could take the interval. */
  hasRoom(start: number, end: number): boolean {
    return this.rows.some((taken) => this.free(taken, start, end));
  }

  /** How many rows hold anything: the height the packing needs. */
  usedRows(): number {
    let used = 0;
    this.rows.forEach((row, index) => {
      if (row.length > 0) used = index + 1;
    });
    return used;
  }

  private free(taken: { start: number; end: number }[], start: number, end: number): boolean {
    return taken.every((interval) => end + this.gap <= interval.start || start >= interval.end + this.gap);
  }
}
