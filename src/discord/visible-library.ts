import type { TimelineEntry } from '../dates/types.js';
import { visibleDocuments, visibleTimeline } from '../library/visibility.js';
import type { CommandContext } from './command-context.js';
import type { SourceDocument } from '../corpus/types.js';

/**
 * The library as one server sees it: the shared documents and its own. `guildId` is the
 * interaction's: null in a direct message, which sees the shared documents only.
 */
export function documentsFor(context: Pick<CommandContext, 'search'>, guildId: string | null): readonly SourceDocument[] {
  return visibleDocuments(context.search.documents, guildId);
}

/** The key dates one server may see: sources from other servers' documents left out. */
export function timelineFor(context: Pick<CommandContext, 'search' | 'timeline'>, guildId: string | null): readonly TimelineEntry[] {
  return visibleTimeline(context.timeline, context.search.documents, guildId);
}
