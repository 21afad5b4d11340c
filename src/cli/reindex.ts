import type { LoadedCorpus } from '../corpus/types.js';
import type { ChangeReport } from '../library/library.js';
import type { SearchService } from '../search/search-service.js';
import { parseCommandArguments } from './arguments.js';
import { printJson, printText } from './output.js';

const reindexUsage = 'briefing reindex [--json]';

/**
 * `briefing reindex`: checks every file of the corpus folder (reading those whose stamp moved), brings the saved index up to date
 * and says what changed since it was last saved. A running bot picks the same changes up by itself.
 */
export function runReindex(args: string[], { corpus, search, stdout }: { corpus: LoadedCorpus; search: SearchService; stdout: NodeJS.WritableStream }): void {
  const { values } = parseCommandArguments(args, { command: 'briefing reindex', usage: reindexUsage, options: { json: { type: 'boolean' } } });
  const report: ChangeReport = { ...search.openedWith, problems: corpus.problems };
  if (values.json) printJson(stdout, report);
  else printText(stdout, formatReindexReport(report));
}

function formatReindexReport(report: ChangeReport): string {
  const lines = [`${report.added.length} added, ${report.changed.length} changed, ${report.removed.length} removed, ${report.unchanged} unchanged; ${report.problems.length} skipped.`];
  const list = (name: string, ids: readonly string[]) => {
    if (ids.length > 0) lines.push(`${name}: ${ids.join(', ')}`);
  };
  list('Added', report.added);
  list('Changed', report.changed);
  list('Removed', report.removed);
  for (const problem of report.problems) lines.push(`Skipped ${problem.file}${problem.line === undefined ? '' : `:${problem.line}`}: ${problem.reason}`);
  return `${lines.join('\n')}\n`;
}
