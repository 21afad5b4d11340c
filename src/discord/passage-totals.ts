import type { SearchService } from './ports.js';

/** "passage 3 of 12" needs the 12: a document's passage count, or undefined when it is unknown. */
export function passageTotals(search: Pick<SearchService, 'passagesOf'>): (docId: string) => number | undefined {
  return (docId) => {
    try {
      return search.passagesOf(docId).length;
    } catch {
      return undefined;
    }
  };
}
