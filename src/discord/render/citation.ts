import { pageLabel } from '../../corpus/pages.js';
import type { CitedPassage } from '../ports.js';
import { messageDate } from './dates.js';
import { escapeText } from './escape.js';
import { clampLine } from './truncate.js';

/** Where a passage sits: "p. 4, passage 3 of 12" (the page for paged documents), with its heading when it has one. */
export function passagePlace(passage: Pick<CitedPassage, 'ordinal' | 'heading' | 'kind' | 'page' | 'pageEnd'>, totalPassages: number | undefined): string {
  const noun = passage.kind === 'footnote' ? 'footnote, passage' : passage.kind === 'reference' ? 'reference, passage' : 'passage';
  const pages = pageLabel(passage);
  const place = `${pages === null ? '' : `${pages}, `}${totalPassages === undefined ? `${noun} ${passage.ordinal}` : `${noun} ${passage.ordinal} of ${totalPassages}`}`;
  return passage.heading === null ? place : `${place}, under “${escapeText(clampLine(passage.heading, 80))}”`;
}

/**
 * The citation under a quote: title, author, outlet, date at its true precision, and the
 * passage's place in the document. Every part from the source is escaped, and each is
 * clamped so that the line always fits in an embed field (1,024) even when escaping doubles it.
 */
export function citationLine(passage: CitedPassage, totalPassages: number | undefined): string {
  const parts = [
    `*${escapeText(clampLine(passage.title, 150))}*`,
    passage.author === null ? 'author unknown' : escapeText(clampLine(passage.author, 80)),
    passage.outlet === null ? null : escapeText(clampLine(passage.outlet, 80)),
    messageDate(passage.published, passage.publishedPrecision),
    passagePlace(passage, totalPassages),
  ];
  return `— ${parts.filter((part) => part !== null).join(' · ')}`;
}
