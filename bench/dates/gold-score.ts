import type { SourceDocument } from '../../src/corpus/types.js';
import type { KeyEvent } from '../../src/dates/types.js';
import type { GoldEvent, GoldNonEvent } from '../../tests/dates/gold-timeline.js';

/** How a set of key events compares with a gold timeline. */
export interface GoldScore {
  gold: number;
  system: number;
  matched: number;
  recall: number;
  precision: number;
  /** Gold events no key event matches. */
  missed: GoldEvent[];
  /** Key events that match no gold event. */
  extra: KeyEvent[];
  /** Citation, access, bibliography, dateline or URL dates that became key events: the target is none. */
  leaks: { nonEvent: GoldNonEvent; event: KeyEvent }[];
}

/**
 * A key event matches a gold event when it comes from the same document, has exactly the same
 * date (start, end and precision) and its sentence contains the gold quote. Each side is used once.
 */
export function scoreAgainstGold(events: KeyEvent[], documents: SourceDocument[], gold: GoldEvent[], nonEvents: GoldNonEvent[]): GoldScore {
  const used = new Set<KeyEvent>();
  const missed: GoldEvent[] = [];
  for (const expected of gold) {
    const match = events.find((event) => !used.has(event) && matches(event, expected));
    if (match) used.add(match);
    else missed.push(expected);
  }
  const leaks = nonEvents.flatMap((nonEvent) => {
    const [start, end] = locate(nonEvent, documents);
    return events.filter((event) => event.docId === nonEvent.docId && event.mention.start < end && start < event.mention.end).map((event) => ({ nonEvent, event }));
  });
  const matched = used.size;
  return {
    gold: gold.length,
    system: events.length,
    matched,
    recall: gold.length ? matched / gold.length : 0,
    precision: events.length ? matched / events.length : 0,
    missed,
    extra: events.filter((event) => !used.has(event)),
    leaks,
  };
}

function matches(event: KeyEvent, expected: GoldEvent): boolean {
  return (
    event.docId === expected.docId &&
    event.date.start.iso === expected.date &&
    (event.date.end?.iso ?? undefined) === expected.end &&
    event.date.start.precision === expected.precision &&
    event.source.quote.includes(expected.quote)
  );
}

/** Where a non-event's date is in its document's body; a gold entry that cannot be found is a mistake in the gold file. */
export function locate(nonEvent: GoldNonEvent, documents: SourceDocument[]): [number, number] {
  const body = documents.find((document) => document.id === nonEvent.docId)?.body;
  const at = body?.indexOf(nonEvent.context) ?? -1;
  const within = nonEvent.context.indexOf(nonEvent.date);
  if (body === undefined || at < 0 || within < 0) throw new Error(`gold non-event not found in ${nonEvent.docId}: ${JSON.stringify(nonEvent.context)}`);
  return [at + within, at + within + nonEvent.date.length];
}
