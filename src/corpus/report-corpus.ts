import type { Logger } from '../logger.js';
import { escapeControlCharacters } from './control-characters.js';
import type { LoadedCorpus } from './types.js';

/**
 * Logs what the person keeping the folder should know after a load: each file skipped with
 * its reason, and a warning when nothing loaded, since every answer would then be empty.
 */
export function reportCorpus(corpus: LoadedCorpus, corpusDir: string, logger: Logger): void {
  const log = logger.child({ module: 'corpus' });
  // A file name is whatever the folder holds; escaped, it cannot drive the terminal that shows the log.
  for (const problem of corpus.problems) log.warn({ ...problem, file: escapeControlCharacters(problem.file) }, 'corpus file skipped');
  if (corpus.documents.length === 0) {
    log.warn({ corpusDir, skipped: corpus.problems.length }, 'the corpus has no documents: add documents (PDF, DOCX, HTML, Markdown or text) to the corpus folder (CORPUS_DIR), or point CORPUS_DIR at the folder that has them');
  }
}
