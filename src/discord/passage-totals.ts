import type { SearchService } from './ports.js';

/**
 * "passage 3 of 12" needs the 12: a document's passage count, or undefined when it is unknown.
 * A document removed since the answer was given has none: its quotes, kept in the answer,
 * still show, as "passage 3", never "passage 3 of 0".
 */
export function passageTotals(search: Pick<SearchService, 'passagesOf'>): (docId: string) => number | undefined {
  return (docId) => {
    try {
      const total = search.passagesOf(docId).length;
      return total === 0 ? undefined : total;
    } catch {
      return undefined;
    }
  };
}
