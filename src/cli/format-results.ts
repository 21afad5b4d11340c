import { escapeControlCharacters } from '../corpus/control-characters.js';
import { pageLabel } from '../corpus/pages.js';
import { formatIsoDate, formatPartialDate } from '../corpus/partial-date.js';
import type { CorpusProblem, SourceDocument } from '../corpus/types.js';
import { answerTypeNames } from '../search/answer-type.js';
import type { Answer, CitedPassage, SearchResults } from '../search/types.js';

/** How the terminal shows a matched word: bold on a terminal, Markdown-style in a pipe. */
export type Emphasis = (text: string) => string;
export const terminalBold: Emphasis = (text) => `\u001b[1m${text}\u001b[22m`;
export const markdownBold: Emphasis = (text) => `**${text}**`;

export function citationLine(passage: CitedPassage): string {
  const published = formatIsoDate(passage.published, passage.publishedPrecision);
  const pages = pageLabel(passage);
  const place = `${pages === null ? '' : `${pages}, `}passage ${passage.ordinal}${passage.heading ? `, under "${passage.heading}"` : ''}, characters ${passage.start}–${passage.end}`;
  return ['—', [passage.title, passage.author, passage.outlet, published].filter(Boolean).join(' · '), `(${passage.docId}, ${place})`].join(' ');
}

function quoteBlock(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join('\n');
}

/** "a", "a or b", "a, b or c": the words no source or passage mentions, as the reader would say them. */
const eitherOf = new Intl.ListFormat('en-GB', { type: 'disjunction' });

export function formatAnswer(answer: Answer): string {
  const lines: string[] = [];
  if (answer.passages.length === 0) return 'No passage of the sources matches this question. Try other words, or list the sources with: briefing sources\n';
  const untranslated = answer.untranslatedWords.length === 0 ? '' : `No translation is known for ${eitherOf.format(answer.untranslatedWords.map((word) => `"${word}"`))}, so the English sources were not searched for ${answer.untranslatedWords.length === 1 ? 'it' : 'them'}. `;
  if (!answer.confident && answer.missingWords.length > 0) lines.push(`No source mentions ${eitherOf.format(answer.missingWords.map((word) => `"${word}"`))}. ${untranslated}These are the closest passages, which may not answer it:\n`);
  else if (!answer.confident && untranslated !== '') lines.push(`${untranslated}These are the closest passages, which may not answer it:\n`);
  else if (!answer.confident && answer.notInClosest.length > 0) lines.push(`The closest passages do not mention ${eitherOf.format(answer.notInClosest.map((word) => `"${word}"`))}, so they may not answer it:\n`);
  else if (!answer.confident && answer.noAnswerOfKind !== null) lines.push(`The closest passages give no ${answerTypeNames[answer.noAnswerOfKind]} where they match the question, so they may not answer it:\n`);
  else if (!answer.confident) lines.push('No passage answers this well. These are the closest, which may not answer it:\n');
  for (const passage of answer.passages) {
    lines.push(quoteBlock(passage.text));
    if (passage.matchedInRussian) lines.push(`(matched in Russian: ${passage.matchedInRussian.join(' ')})`);
    lines.push(citationLine(passage), '');
  }
  return `${lines.join('\n')}`;
}

/**
 * Quick-lookup matches with their terms marked. Unlike the other formatters its output is
 * printed as it is, so that the terminal's bold survives: every piece of document text is made
 * inert here, before the marks go in.
 */
export function formatSearchResults(results: SearchResults, emphasis: Emphasis): string {
  const inert = escapeControlCharacters;
  if (results.matches.length === 0) return inert(`Nothing in the sources matches "${results.terms}".\n`);
  const lines = results.matches.map(({ passage, marks }) => {
    let marked = '';
    let cursor = 0;
    for (const mark of [...marks].sort((a, b) => a.start - b.start)) {
      if (mark.start < cursor) continue;
      marked += inert(passage.text.slice(cursor, mark.start)) + emphasis(inert(passage.text.slice(mark.start, mark.end)));
      cursor = mark.end;
    }
    marked += inert(passage.text.slice(cursor));
    return `${quoteBlock(marked)}\n${inert(citationLine(passage))}\n`;
  });
  return `${lines.join('\n')}`;
}

export function formatSources(documents: SourceDocument[], problems: CorpusProblem[]): string {
  const lines = documents.map((document) =>
    [`${document.id}`, `  ${document.title}`, `  ${[document.author ?? 'author unknown', document.outlet ?? 'outlet unknown', formatPartialDate(document.published)].join(' · ')}`].join('\n'),
  );
  if (documents.length === 0) lines.push('The corpus has no documents yet. Add documents (PDF, DOCX, HTML, Markdown or text) to the corpus folder.');
  for (const problem of problems) lines.push(`! ${problem.file}: ${problem.reason}`);
  return `${lines.join('\n\n')}\n`;
}
