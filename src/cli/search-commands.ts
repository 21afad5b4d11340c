import type { Passage } from '../corpus/passage-types.js';
import type { LoadedCorpus } from '../corpus/types.js';
import { formatPartialDate } from '../corpus/partial-date.js';
import type { SearchService } from '../search/search-service.js';
import { parseCommandArguments, parseWholeNumber } from './arguments.js';
import { printJson, printText } from './output.js';
import { formatAnswer, formatSearchResults, formatSources, markdownBold, terminalBold } from './format-results.js';

export interface SearchCommandContext {
  corpus: LoadedCorpus;
  search: SearchService;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
}

const askUsage = 'briefing ask "<question>" [--limit N] [--doc ID] [--json]';
const searchUsage = 'briefing search "<terms>" [--json]';
const sourcesUsage = 'briefing sources [--json]';

export function runAsk(args: string[], { search, stdout }: SearchCommandContext): void {
  const { values, text: question } = parseCommandArguments(args, { command: 'briefing ask', usage: askUsage, text: 'question', options: { limit: { type: 'string' }, doc: { type: 'string' }, json: { type: 'boolean' } } });
  const limit = parseWholeNumber(values.limit, 'limit', { min: 1, max: 50, fallback: 5 });
  const answer = search.ask(question, { limit, ...(values.doc !== undefined && { docId: values.doc }) });
  if (!values.json) {
    printText(stdout, formatAnswer(answer));
    return;
  }
  // `page` and `pageEnd` only for paged formats (PDF), `pageEnd` only when the quote runs onto a later page: other tools rely on these names.
  const passages = answer.passages.map(({ docId, title, author, outlet, published, ordinal, start, end, page, pageEnd, text, score, highlights, matchedInRussian }) => ({
    docId, title, author, outlet, published, ordinal, start, end, ...(page !== undefined && { page }), ...(pageEnd !== undefined && { pageEnd }), text, score, highlights, ...(matchedInRussian && { matchedInRussian }),
  }));
  printJson(stdout, { question: answer.question, confident: answer.confident, missingWords: answer.missingWords, untranslatedWords: answer.untranslatedWords, notInClosest: answer.notInClosest, noAnswerOfKind: answer.noAnswerOfKind, passages });
}

export function runSearch(args: string[], { search, stdout }: SearchCommandContext): void {
  const { values, text: terms } = parseCommandArguments(args, { command: 'briefing search', usage: searchUsage, text: 'search terms', options: { json: { type: 'boolean' }, limit: { type: 'string' } } });
  const limit = parseWholeNumber(values.limit, 'limit', { min: 1, max: 100, fallback: 10 });
  const results = search.search(terms, { limit });
  if (values.json) printJson(stdout, results);
  // The marks are the only escapes printed; formatSearchResults makes the document text around them inert itself.
  else stdout.write(formatSearchResults(results, stdout.isTTY ? terminalBold : markdownBold));
}

/** Listing sources needs the corpus and its passages, not the index. */
export interface SourcesCommandContext {
  corpus: LoadedCorpus;
  passagesOf(docId: string): Passage[];
  stdout: NodeJS.WritableStream;
}

export function runSources(args: string[], { corpus, passagesOf, stdout }: SourcesCommandContext): void {
  const { values } = parseCommandArguments(args, { command: 'briefing sources', usage: sourcesUsage, options: { json: { type: 'boolean' } } });
  if (!values.json) {
    printText(stdout, formatSources(corpus.documents, corpus.problems));
    return;
  }
  const documents = corpus.documents.map((document) => ({
    id: document.id,
    file: document.file,
    format: document.format,
    title: document.title,
    author: document.author,
    outlet: document.outlet,
    published: document.published?.iso ?? null,
    publishedPrecision: document.published?.precision ?? null,
    publishedDisplay: formatPartialDate(document.published),
    publishedBasis: document.publishedBasis,
    passages: passagesOf(document.id).length,
  }));
  printJson(stdout, { documents, problems: corpus.problems });
}
