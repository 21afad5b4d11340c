import type { ChangeReport } from '../ports.js';
import { escapeText } from './escape.js';
import { discordLimits } from './limits.js';
import { noMentions, type MessagePayload } from './payload.js';
import { clampLine } from './truncate.js';

const listedLines = 10;

/** What a full check of the corpus folder changed: counts, the ids that changed, and each skipped file with its reason. */
export function renderReindexReport(report: ChangeReport): MessagePayload {
  const counts = `${report.added.length} added, ${report.changed.length} changed, ${report.removed.length} removed, ${report.unchanged} unchanged; ${report.problems.length} skipped.`;
  const fields = [
    idsField('Added', report.added),
    idsField('Changed', report.changed),
    idsField('Removed', report.removed),
    report.problems.length === 0 ? null : linesField('Skipped files', report.problems.map((problem) => escapeText(clampLine(`${problem.file}: ${problem.reason}`, 300)))),
  ].flatMap((field) => (field ? [field] : []));
  return {
    embeds: [{ title: 'Corpus folder checked', description: counts, fields }],
    allowedMentions: noMentions,
  };
}

function idsField(name: string, ids: readonly string[]) {
  return ids.length === 0 ? null : linesField(name, ids.map((id) => escapeText(clampLine(id, 100))));
}

/** Up to ten lines, as many as fit in one field, then how many more there are. */
function linesField(name: string, lines: readonly string[]) {
  const shown: string[] = [];
  let length = 0;
  for (const [index, line] of lines.entries()) {
    const more = `…and ${lines.length - index} more`;
    if (index >= listedLines || length + line.length + 1 + more.length > discordLimits.fieldValue) {
      shown.push(more);
      break;
    }
    shown.push(line);
    length += line.length + 1;
  }
  return { name, value: shown.join('\n') };
}
