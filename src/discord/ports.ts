/*
 * The types (and the names of answer kinds) this edge takes from the Discord-free core,
 * gathered in one place: commands and renderers import them from here, so the seam between
 * the two sides stays visible.
 */
import type { DigestScheduler } from '../digest/scheduler.js';
import type { ChangeReport } from '../library/library.js';

export type { Answer, CitedPassage, SearchMatch, SearchResults } from '../search/types.js';
export { answerTypeNames } from '../search/answer-type.js';

export type { SearchService } from '../search/search-service.js';

/** What `/digest` asks of the digest scheduler. */
export type DigestControl = Pick<DigestScheduler, 'reload' | 'status'>;

export type { ChangeReport } from '../library/library.js';

/** What `/reindex` asks of the library: the full check of the corpus folder. */
export interface LibraryControl {
  reindex(): Promise<ChangeReport>;
}
