import type { Passage } from '../corpus/passage-types.js';
import type { LoadedCorpus } from '../corpus/types.js';
import { formatPartialDate } from '../corpus/partial-date.js';
import type { SearchService } from '../search/search-service.js';
import { parseCommandArguments, parseWholeNumber } from './arguments.js';
import { formatAnswer, formatSearchResults, formatSources, markdownBold, terminalBold } from './format-results.js';
import { UserError } from '../errors.js';

export interface SearchCommandContext {
  corpus: LoadedCorpus;
  search: SearchService;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
}

const askUsage = 'briefing ask "<question>" [--limit N] [--doc ID] [--json]';
const searchUsage = 'briefing search "<terms>" [--json]';
const sourcesUsage = 'briefing sources [--json]';

function singleText(positionals: string[], what: string, usage: string): string {
  if (positionals.length === 0) throw new UserError(`Give the ${what} in quotes.\nUsage: ${usage}`);
  return positionals.join(' ');
}

export function runAsk(args: string[], { search, stdout }: SearchCommandContext): void {
  const { values, positionals } = parseCommandArguments(args, { limit: { type: 'string' }, doc: { type: 'string' }, json: { type: 'boolean' } }, askUsage);
  const question = singleText(positionals, 'question', askUsage);
  const limit = parseWholeNumber(values.limit, 'limit', { min: 1, max: 50, fallback: 5 });
  const answer = search.ask(question, { limit, ...(values.doc !== undefined && { docId: values.doc }) });
  if (!values.json) {
    stdout.write(formatAnswer(answer));
    return;
  }
  const passages = answer.passages.map(({ docId, title, author, outlet, published, ordinal, start, end, text, score, highlights, matchedInRussian }) => ({
    docId, title, author, outlet, published, ordinal, start, end, text, score, highlights, ...(matchedInRussian && { matchedInRussian }),
  }));
  stdout.write(`${JSON.stringify({ question: answer.question, confident: answer.confident, missingWords: answer.missingWords, passages })}\n`);
}

export function runSearch(args: string[], { search, stdout }: SearchCommandContext): void {
  const { values, positionals } = parseCommandArguments(args, { json: { type: 'boolean' }, limit: { type: 'string' } }, searchUsage);
  const terms = singleText(positionals, 'search terms', searchUsage);
  const limit = parseWholeNumber(values.limit, 'limit', { min: 1, max: 100, fallback: 10 });
  const results = search.search(terms, { limit });
  if (values.json) stdout.write(`${JSON.stringify(results)}\n`);
  else stdout.write(formatSearchResults(results, stdout.isTTY ? terminalBold : markdownBold));
}

/** Listing sources needs the corpus and its passages, not the index. */
export interface SourcesCommandContext {
  corpus: LoadedCorpus;
  passagesOf(docId: string): Passage[];
  stdout: NodeJS.WritableStream;
}

export function runSources(args: string[], { corpus, passagesOf, stdout }: SourcesCommandContext): void {
  const { values } = parseCommandArguments(args, { json: { type: 'boolean' } }, sourcesUsage);
  if (!values.json) {
    stdout.write(formatSources(corpus.documents, corpus.problems));
    return;
  }
  const documents = corpus.documents.map((document) => ({
    id: document.id,
    file: document.file,
    title: document.title,
    author: document.author,
    outlet: document.outlet,
    published: document.published?.iso ?? null,
    publishedPrecision: document.published?.precision ?? null,
    publishedDisplay: formatPartialDate(document.published),
    publishedBasis: document.publishedBasis,
    passages: passagesOf(document.id).length,
  }));
  stdout.write(`${JSON.stringify({ documents, problems: corpus.problems })}\n`);
}
