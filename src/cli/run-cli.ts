import path from 'node:path';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { reportCorpus } from '../corpus/report-corpus.js';
import type { Passage } from '../corpus/passage-types.js';
import { splitPassages } from '../corpus/passages.js';
import type { LoadedCorpus } from '../corpus/types.js';
import type { TimelineEntry } from '../dates/types.js';
import { createLibrary } from '../library/library.js';
import { isUserError, UserError } from '../errors.js';
import { environmentWithDotEnv } from '../dot-env.js';
import { createLogger, type Logger } from '../logger.js';
import { dataDirError, prepareDataDir } from '../runtime-folder.js';
import { openSearchService, type SearchService } from '../search/search-service.js';
import type { LibraryCommandContext } from './library-commands.js';
import { printText } from './output.js';
import { runAsk, runSearch, runSources } from './search-commands.js';
import { withStoredDocuments } from './stored-documents.js';

export const usage = `briefing: cited answers and key dates from the documents in the corpus folder

  briefing ask "<question>" [--limit N] [--doc ID] [--json]   passages that answer a question, with citations
  briefing search "<terms>" [--json]                          quick lookup, matched terms marked
  briefing sources [--json]                                   the documents and their metadata
  briefing timeline [--from YYYY[-MM[-DD]]] [--to …] [--doc ID] [--topic WORDS] [--json | --ics | --png FILE --svg FILE]
                                                              key dates, each quoted from its sources, or their picture
  briefing digest [--date YYYY-MM-DD] [--tz ZONE] [--window DAYS] [--json]
                                                              the digest a server would get on a day
  briefing reindex [--json]                                   read the folder again, update the index, say what changed
  briefing add <file|url> [--title …] [--author …] [--outlet …] [--published YYYY[-MM[-DD]]] [--json]
                                                              add a PDF, Word, HTML, Markdown or text document for every server
  briefing remove <id>                                        remove a document added with /add or briefing add
  briefing export <dir> [--json]                              write the added documents out as files with front matter
  briefing timex                                              TempEval-3 adapter: JSON lines in, dates out

Configuration comes from the environment or a .env file: see .env.example.
`;

/** What the command line runs against; tests pass their own streams and environment. */
export interface CliEnvironment {
  env: Record<string, string | undefined>;
  /** A .env file to read variables from (relative to `cwd`); the real environment's win. None when not given. */
  dotEnvFile?: string;
  cwd: string;
  stdin?: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  logger?: Logger;
}

interface CorpusCommandContext {
  config: Config;
  logger: Logger;
  corpus: LoadedCorpus;
  passagesOf(docId: string): Passage[];
  stdout: CliEnvironment['stdout'];
  cwd: string;
}

type CorpusCommand = (args: string[], context: CorpusCommandContext) => Promise<void> | void;

/*
 * Each command's own modules are imported when it runs: a `briefing ask` does not load the
 * document extractors (mammoth, readability), the date recognisers or the digest.
 */

/** The commands that change the added documents: they read the folder, but not the added documents, up front. */
const libraryCommands: Record<string, (args: string[], context: LibraryCommandContext) => Promise<void>> = {
  add: async (args, context) => (await import('./library-commands.js')).runAdd(args, context),
  remove: async (args, context) => (await import('./library-commands.js')).runRemove(args, context),
  export: async (args, context) => (await import('./library-commands.js')).runExport(args, context),
};

const corpusCommands: Record<string, CorpusCommand> = {
  // One question reads only its terms' postings; a lookup expands prefixes, in the loaded index's order.
  ask: withSearch(runAsk, { expandQuestions: true, readByTerm: true }),
  search: withSearch(runSearch, { expandQuestions: false }),
  sources: (args, { corpus, passagesOf, stdout }) => runSources(args, { corpus, passagesOf, stdout }),
  timeline: withStoredTimeline(async (args, { corpus, passagesOf, stdout, cwd }, timeline) => (await import('./timeline.js')).runTimeline(args, { corpus, passagesOf, stdout, cwd, timeline })),
  reindex: withSearch(async (args, context) => (await import('./reindex.js')).runReindex(args, context), { expandQuestions: false }),
  digest: withStoredTimeline(async (args, { corpus, stdout }, timeline) => (await import('./digest.js')).runDigest(args, { corpus, timeline: timeline(), stdout })),
};

/**
 * The timeline from the key events stored under DATA_DIR: only documents changed since are extracted, and an
 * unchanged library is not merged again. What was extracted or merged is stored for the next command.
 */
function withStoredTimeline(run: (args: string[], context: CorpusCommandContext, timeline: () => readonly TimelineEntry[]) => Promise<void> | void): CorpusCommand {
  return async (args, context) => {
    const { config, logger, corpus, passagesOf } = context;
    const [{ readKeyEvents }, { createTimelineCache, timelineSaver }] = await Promise.all([import('../library/key-event-store.js'), import('../library/timeline-cache.js')]);
    const cache = createTimelineCache(corpus.documents, passagesOf, await readKeyEvents(config.dataDir, logger));
    await run(args, context, () => cache.timeline());
    await timelineSaver(config.dataDir, cache, logger)();
  };
}

/**
 * A command over the search index. Only `ask` widens a question with WordNet and the Russian
 * dictionary: a lookup or a check of the folder does not open them (6 MB of WordNet indexes, 3 MB of dictionary).
 */
function withSearch(run: (args: string[], context: { corpus: LoadedCorpus; search: SearchService; stdout: CliEnvironment['stdout'] }) => Promise<void> | void, { expandQuestions, readByTerm = false }: { expandQuestions: boolean; readByTerm?: boolean }): CorpusCommand {
  return async (args, { config, logger, corpus, stdout }) => {
    await prepareDataDir(config.dataDir);
    const expansion = expandQuestions ? { russianDictionary: config.russianDictionary } : { russianDictionary: null, synonyms: false as const };
    const search = await openSearchService({ corpus, dataDir: config.dataDir, logger, readByTerm, ...expansion }).catch((error: unknown) => {
      throw dataDirError(error, config.dataDir) ?? error;
    });
    await run(args, { corpus, search, stdout });
  };
}

async function dispatch(argv: string[], environment: CliEnvironment): Promise<void> {
  const [command, ...args] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    environment.stdout.write(usage);
    return;
  }
  // The TempEval adapter reads its documents from stdin and needs neither configuration nor corpus.
  if (command === 'timex') return (await import('./timex.js')).runTimex(environment.stdin ?? process.stdin, environment.stdout);
  const run = Object.hasOwn(corpusCommands, command) ? corpusCommands[command] : undefined;
  const change = Object.hasOwn(libraryCommands, command) ? libraryCommands[command] : undefined;
  if (run === undefined && change === undefined) throw new UserError(`Unknown command "${command}".\n\n${usage}`);

  // A command's output is the answer; progress lines would only clutter it, so the CLI logs warnings and up unless told otherwise.
  const env = environment.dotEnvFile === undefined ? environment.env : environmentWithDotEnv(environment.env, path.resolve(environment.cwd, environment.dotEnvFile));
  const config = loadConfig({ ...env, LOG_LEVEL: env.LOG_LEVEL ?? 'warn' }, environment.cwd);
  const logger = environment.logger ?? createLogger({ level: config.logLevel });
  // Through the library, as the bot reads it: a file whose stamp is as remembered under DATA_DIR is not read again.
  const library = createLibrary({ directory: config.corpusDir, maxFileBytes: config.corpusMaxFileBytes, dataDir: config.dataDir, logger });
  await library.reload();
  const folder: LoadedCorpus = { documents: library.documents(), problems: library.problems() };
  reportCorpus(folder, config.corpusDir, logger);
  if (change !== undefined) {
    await prepareDataDir(config.dataDir);
    return change(args, { config, logger, folder, stdout: environment.stdout, cwd: environment.cwd });
  }
  if (run === undefined) return;
  const corpus = await withStoredDocuments(folder, config, logger);
  // Listing and checking an empty folder are answers; the rest have nothing to answer from.
  if (corpus.documents.length === 0 && command !== 'sources' && command !== 'reindex') {
    throw new UserError(`The corpus folder ${config.corpusDir} has no documents, and none were added. Add documents (PDF, DOCX, HTML, Markdown or text) to it (or run \`briefing add <file|url>\`), or set CORPUS_DIR to the folder that has them.`);
  }
  await run(args, { config, logger, corpus, passagesOf: memoisedPassages(corpus), stdout: environment.stdout, cwd: environment.cwd });
}

function memoisedPassages(corpus: LoadedCorpus): (docId: string) => Passage[] {
  const byId = new Map(corpus.documents.map((document) => [document.id, document]));
  const cache = new Map<string, Passage[]>();
  return (docId) => {
    const document = byId.get(docId);
    if (document === undefined) return [];
    const passages = cache.get(docId) ?? splitPassages(document);
    cache.set(docId, passages);
    return passages;
  };
}

/**
 * Runs one command line and returns the exit code: 0 on success, 1 when the user asked
 * for something wrong (the message says what to do), 70 on a bug.
 */
export async function runCli(argv: string[], environment: CliEnvironment): Promise<number> {
  try {
    await dispatch(argv, environment);
    return 0;
  } catch (error) {
    if (isUserError(error) || error instanceof ConfigError) {
      printText(environment.stderr, `${error.message}\n`);
      return 1;
    }
    environment.stderr.write(`briefing failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 70;
  }
}
