import { ConfigError, loadConfig } from '../config.js';
import { loadCorpus } from '../corpus/load-corpus.js';
import { isUserError, UserError } from '../errors.js';
import { createLogger, type Logger } from '../logger.js';
import { openSearchService } from '../search/search-service.js';
import { runAsk, runSearch, runSources } from './search-commands.js';

export const usage = `briefing: cited answers and key dates from the documents in the corpus folder

  briefing ask "<question>" [--limit N] [--doc ID] [--json]   passages that answer a question, with citations
  briefing search "<terms>" [--json]                          quick lookup, matched terms marked
  briefing sources [--json]                                   the documents and their metadata

Configuration comes from the environment or a .env file: see .env.example.
`;

/** What the command line runs against; tests pass their own streams and environment. */
export interface CliEnvironment {
  env: Record<string, string | undefined>;
  cwd: string;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  logger?: Logger;
}

const searchCommands = { ask: runAsk, search: runSearch, sources: runSources } as const;
type SearchCommandName = keyof typeof searchCommands;

function isSearchCommand(command: string): command is SearchCommandName {
  return Object.hasOwn(searchCommands, command);
}

async function dispatch(argv: string[], environment: CliEnvironment): Promise<void> {
  const [command, ...args] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    environment.stdout.write(usage);
    return;
  }
  if (!isSearchCommand(command)) throw new UserError(`Unknown command "${command}".\n\n${usage}`);

  // A command's output is the answer; progress lines would only clutter it, so the CLI logs warnings and up unless told otherwise.
  const config = loadConfig({ ...environment.env, LOG_LEVEL: environment.env.LOG_LEVEL ?? 'warn' }, environment.cwd);
  const logger = environment.logger ?? createLogger({ level: config.logLevel });
  const corpus = await loadCorpus(config.corpusDir, { maxFileBytes: config.corpusMaxFileBytes });
  for (const problem of corpus.problems) logger.warn({ module: 'corpus', ...problem }, 'corpus file skipped');
  if (corpus.documents.length === 0 && command !== 'sources') {
    throw new UserError(`The corpus folder ${config.corpusDir} has no documents to search. Add .md or .txt files to it, or set CORPUS_DIR to the folder that has them.`);
  }
  const search = await openSearchService({ corpus, dataDir: config.dataDir, logger });
  searchCommands[command](args, { corpus, search, stdout: environment.stdout });
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
      environment.stderr.write(`${error.message}\n`);
      return 1;
    }
    environment.stderr.write(`briefing failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 70;
  }
}
