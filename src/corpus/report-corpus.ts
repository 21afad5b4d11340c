import type { Logger } from '../logger.js';
import { escapeControlCharacters } from './control-characters.js';
import type { CorpusProblem, LoadedCorpus } from './types.js';

/**
 * Up to this many skipped files are each warned about with their reason; past it, one warning
 * says how many were skipped with the first few as examples, and each file is logged at debug.
 * A Reuters folder holds about 1,800 empty articles: a warning per file at every start is noise
 * an operator cannot act on, and `/reindex` or `briefing reindex` list them all.
 */
export const problemsWarnedOneByOne = 5;

/**
 * Logs what the person keeping the folder should know after a load: the files skipped with
 * their reasons, and a warning when nothing loaded, since every answer would then be empty.
 */
export function reportCorpus(corpus: LoadedCorpus, corpusDir: string, logger: Logger): void {
  const log = logger.child({ module: 'corpus' });
  const { problems } = corpus;
  if (problems.length <= problemsWarnedOneByOne) {
    for (const problem of problems) log.warn(safeProblem(problem), 'corpus file skipped');
  } else {
    const examples = problems.slice(0, problemsWarnedOneByOne).map(safeProblem);
    log.warn({ skipped: problems.length, examples }, 'corpus files skipped; `briefing reindex` or /reindex lists each with its reason');
    if (log.isLevelEnabled('debug')) for (const problem of problems) log.debug(safeProblem(problem), 'corpus file skipped');
  }
  if (corpus.documents.length === 0) {
    log.warn({ corpusDir, skipped: problems.length }, 'the corpus has no documents: add documents (PDF, DOCX, HTML, Markdown or text) to the corpus folder (CORPUS_DIR), or point CORPUS_DIR at the folder that has them');
  }
}

/** A file name is whatever the folder holds; escaped, it cannot drive the terminal that shows the log. */
function safeProblem(problem: CorpusProblem): CorpusProblem {
  return { ...problem, file: escapeControlCharacters(problem.file) };
}
