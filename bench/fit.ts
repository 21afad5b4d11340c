/** Helpers the benchmarks share: medians, growth exponents, tables, timings, fingerprints. */
import { sha256Hex } from '../src/search/snapshot-stream.js';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The p-th percentile (0–100) of some numbers, nearest-rank; NaN for none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/**
 * The exponent k of the best fit time ≈ c·size^k (least squares on the logarithms): 1 is linear,
 * 2 quadratic. Null with fewer than two sizes or a time of zero.
 */
export function growthExponent(points: { size: number; seconds: number }[]): number | null {
  const usable = points.filter((point) => point.size > 0 && point.seconds > 0);
  if (usable.length < 2) return null;
  const xs = usable.map((point) => Math.log(point.size));
  const ys = usable.map((point) => Math.log(point.seconds));
  const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / ys.length;
  let numerator = 0;
  let denominator = 0;
  xs.forEach((x, index) => {
    numerator += (x - meanX) * ((ys[index] ?? 0) - meanY);
    denominator += (x - meanX) ** 2;
  });
  return denominator === 0 ? null : numerator / denominator;
}

/** A plain-text table: the first row is the header, columns padded to their widest cell. */
export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ')).join('\n');
}

/** Wall-clock and CPU seconds of one call: on a shared machine CPU time is the steadier of the two. */
export function timed<T>(run: () => T): { result: T; wall: number; cpu: number } {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = run();
  const wall = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  return { result, wall, cpu: (cpu.user + cpu.system) / 1e6 };
}

/** Milliseconds until `condition` holds, polled every 5 ms, for at most 30 s. */
export async function until(condition: () => boolean): Promise<number> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > 30_000) throw new Error('not within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return performance.now() - started;
}

/** A short hash of a result's JSON: two runs that print the same fingerprint produced the same result (bench:scale's and bench:merge's `timelineFingerprint`). */
export function fingerprint(result: unknown): string {
  return sha256Hex(JSON.stringify(result)).slice(0, 16);
}
