import { pageLabel } from '../corpus/pages.js';
import type { Passage } from '../corpus/passage-types.js';
import type { LoadedCorpus, SourceDocument } from '../corpus/types.js';
import { timelineToIcs } from '../dates/ics.js';
import { buildTimeline, filterTimeline } from '../dates/timeline.js';
import type { EventSource, TimelineEntry } from '../dates/types.js';
import { UserError } from '../errors.js';
import { parseCommandArguments } from './arguments.js';
import { printJson, printText } from './output.js';

export interface TimelineCommandContext {
  corpus: LoadedCorpus;
  passagesOf(docId: string): Passage[];
  stdout: NodeJS.WritableStream;
  /** Where `--png` and `--svg` paths are read from; the process's folder by default. */
  cwd?: string;
  /** The corpus's timeline when it is kept elsewhere (the stored key events); built from the passages otherwise. */
  timeline?: () => readonly TimelineEntry[];
}

const timelineUsage = 'briefing timeline [--from YYYY[-MM[-DD]]] [--to YYYY[-MM[-DD]]] [--doc ID] [--topic WORDS] [--json | --ics | --png FILE --svg FILE]';
const timelineExample = 'Example: briefing timeline --from 2004 --to 2025-12 --topic summit';
const longestQuote = 220;

/**
 * `briefing timeline`: the key dates of the corpus in date order, each with its label and the
 * sentences that give it. `--json` prints the TimelineEntry array, `--ics` an iCalendar file;
 * `--png FILE` and `--svg FILE` write the picture /timeline attaches (and return a promise).
 */
export function runTimeline(args: string[], context: TimelineCommandContext): void | Promise<void> {
  const { values } = parseCommandArguments(args, {
    command: 'briefing timeline',
    usage: timelineUsage,
    example: timelineExample,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      doc: { type: 'string' },
      topic: { type: 'string' },
      json: { type: 'boolean' },
      ics: { type: 'boolean' },
      png: { type: 'string' },
      svg: { type: 'string' },
    },
  });
  const picture = values.png !== undefined || values.svg !== undefined;
  if ([values.json === true, values.ics === true, picture].filter(Boolean).length > 1) {
    throw new UserError(`Choose one output: --json for the entries as JSON, --ics for a calendar file, or --png/--svg for a picture.\nUsage: ${timelineUsage}`);
  }
  const { documents } = context.corpus;
  if (values.doc !== undefined && !documents.some((document) => document.id === values.doc)) {
    const known = documents.map((document) => document.id).join(', ') || 'none';
    throw new UserError(`There is no document "${values.doc}". Use one of these ids (briefing sources lists them): ${known}`);
  }
  const timeline = context.timeline?.() ?? buildTimeline(documents, context.passagesOf);
  const entries = filterTimeline([...timeline], { from: values.from, to: values.to, docId: values.doc, topic: values.topic });
  if (picture) {
    const title = ['Key dates', filterWords(values, documents)].filter(Boolean).join(' ');
    // The renderer and its fonts take most of a second to load: only a picture pays for them.
    return import('./timeline-picture.js').then(({ writeTimelinePicture }) =>
      writeTimelinePicture(entries, { png: values.png, svg: values.svg, title, documents, cwd: context.cwd ?? process.cwd(), stdout: context.stdout }),
    );
  }
  if (values.json) printJson(context.stdout, entries, 2);
  else if (values.ics) printText(context.stdout, timelineToIcs(entries, documents));
  else printText(context.stdout, renderTimelineText(entries, documents));
}

/** The timeline as plain text: the date and label, then each source's quote with where it is. */
function renderTimelineText(entries: readonly TimelineEntry[], documents: readonly SourceDocument[]): string {
  if (entries.length === 0) return 'No key dates match. Widen the period, drop --doc or --topic, or check that the documents have dated events.\n';
  const titles = new Map(documents.map((document) => [document.id, document.title]));
  const lines: string[] = [];
  for (const entry of entries) {
    lines.push(`${dateText(entry.date, entry.end)}  ${entry.label}`);
    for (const source of entry.sources) lines.push(citation(source, titles));
    for (const conflict of entry.conflicts) {
      lines.push(`    ! Sources disagree: dated ${dateText(conflict.date, conflict.end)} by`);
      for (const source of conflict.sources) lines.push(citation(source, titles));
    }
    lines.push('');
  }
  lines.push(`${entries.length} key date${entries.length === 1 ? '' : 's'}.`);
  return `${lines.join('\n')}\n`;
}

/** "(from 2004 · topic: summit)", as /timeline titles its picture; empty without filters. */
function filterWords(values: { from?: string; to?: string; doc?: string; topic?: string }, documents: readonly SourceDocument[]): string {
  const title = values.doc === undefined ? undefined : documents.find((document) => document.id === values.doc)?.title;
  const parts = [values.from && `from ${values.from}`, values.to && `to ${values.to}`, title && `source: ${title}`, values.topic && `topic: ${values.topic}`].filter(Boolean);
  return parts.length === 0 ? '' : `(${parts.join(' · ')})`;
}

function dateText(date: string, end: string | null): string {
  return end ? `${date} to ${end}` : date;
}

function citation(source: EventSource, titles: Map<string, string>): string {
  const quote = source.quote.replace(/\s+/g, ' ');
  const shown = quote.length > longestQuote ? `${quote.slice(0, longestQuote - 1)}…` : quote;
  const pages = pageLabel(source);
  return `    - “${shown}”\n      ${titles.get(source.docId) ?? source.docId} [${source.docId}, ${pages === null ? '' : `${pages}, `}characters ${source.start}-${source.end}]`;
}
