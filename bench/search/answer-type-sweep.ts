/**
 * The sweep behind `answerTypeRule`: Hit@1, Hit@3, MRR, answerable questions flagged and
 * off-topic questions not confident with answer-type matching off, then for each kind alone and
 * both together over a grid of bonus and candidates, then the chosen one with the answer check
 * reading 0, 1, 3 or 5 first quotes, on the tuning half (used to choose) and the held-out half
 * (only reported). `--changes` lists the questions whose rank moved against "off".
 * Run: npx tsx bench/search/answer-type-sweep.ts [--changes]
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { createLogger } from '../../src/logger.js';
import { answerTypeRule, type AnswerTypeRule } from '../../src/search/answer-type.js';
import { openSearchService } from '../../src/search/search-service.js';
import { evaluateHalf } from './ranking-evaluation.js';

const { values } = parseArgs({ options: { changes: { type: 'boolean', default: false } } });
const corpus = await loadCorpus('corpus');
const logger = createLogger({ level: 'silent' });
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'briefing-answer-type-'));

const kinds: Array<AnswerTypeRule['types']> = [['date'], ['quantity'], ['date', 'quantity']];
const rules: Array<AnswerTypeRule | false> = [false];
for (const types of kinds) for (const candidates of [3, 5, 10, 15]) for (const bonus of [0.1, 0.2, 0.3, 0.4, 0.5]) rules.push({ ...answerTypeRule, bonus, candidates, types });
// The answer check, over the chosen ranking rule: how many first quotes must give an answer of the kind.
for (const quotesChecked of [0, 1, 3, 5]) rules.push({ ...answerTypeRule, quotesChecked });

const cell = (value: number) => value.toFixed(3);
console.log('rule                                   | tuning H@1  H@3    MRR    flagged off-topic | held-out H@1  H@3    MRR    flagged off-topic');
let off: Map<string, number | null> | null = null;
for (const rule of rules) {
  const service = await openSearchService({ corpus, dataDir, logger, answerTypes: rule });
  const reports = (['tuning', 'held-out'] as const).map((half) => evaluateHalf(service, half));
  const label = rule === false ? 'off' : `${rule.types.join('+')} bonus ${rule.bonus} candidates ${rule.candidates} check ${rule.quotesChecked}`;
  const chosen = JSON.stringify(rule) === JSON.stringify(answerTypeRule) ? ' (chosen)' : '';
  const cells = reports.map(({ ranking, offTopic }) => `${cell(ranking.hitAt1)} ${cell(ranking.hitAt3)}  ${cell(ranking.meanReciprocalRank)}  ${cell(ranking.flagged)}   ${cell(offTopic.notConfident)}`);
  console.log(`${label.padEnd(38)} | ${cells.join('   | ')}${chosen}`);
  const ranks = new Map(reports.flatMap((report) => report.ranking.outcomes.map((outcome) => [`${report.half}: ${outcome.question}`, outcome.rank] as const)));
  off ??= ranks;
  if (values.changes) for (const [question, rank] of ranks) if (rank !== off.get(question)) console.log(`    ${off.get(question) ?? '-'} -> ${rank ?? '-'}  ${question}`);
}
