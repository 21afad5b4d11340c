import { percentile } from '../fit.js';

export { percentile };

/** nDCG@k with binary relevance, as BEIR computes it for SciFact. */
export function ndcgAt(k: number, ranked: string[], relevant: Set<string>): number {
  let dcg = 0;
  ranked.slice(0, k).forEach((id, index) => {
    if (relevant.has(id)) dcg += 1 / Math.log2(index + 2);
  });
  let ideal = 0;
  for (let index = 0; index < Math.min(k, relevant.size); index += 1) ideal += 1 / Math.log2(index + 2);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** Share of the relevant documents found in the first k. */
export function recallAt(k: number, ranked: string[], relevant: Set<string>): number {
  if (relevant.size === 0) return 0;
  const found = ranked.slice(0, k).filter((id) => relevant.has(id)).length;
  return found / relevant.size;
}

export const median = (values: number[]): number => percentile(values, 50);

export const mean = (values: number[]): number => (values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length);
