/**
 * `npm run bench:quality`: Hit@1, Hit@3 and MRR of `ask` on the ranking set, the Russian-only
 * and vocabulary-gap questions and the questions asked in Russian of English passages, and how
 * many off-topic and near-miss questions are flagged as not confident, each on the tuning half
 * and the held-out half. "bold" is the share of the questions answered among the first three
 * quotes whose quote has the answer in its bold answering sentences (or is one sentence, unmarked).
 * Parameters are chosen on the tuning half; the held-out half is only reported.
 * Usage: npm run bench:quality -- [--corpus DIR] [--out FILE] [--misses] [--no-dictionary] [--commonness S]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { createLogger } from '../../src/logger.js';
import { openSearchService } from '../../src/search/search-service.js';
import { evaluateHalf, type HalfReport } from './ranking-evaluation.js';

const { values } = parseArgs({ options: { corpus: { type: 'string', default: 'corpus' }, out: { type: 'string', default: 'data/bench/quality.json' }, misses: { type: 'boolean', default: false }, 'no-dictionary': { type: 'boolean', default: false }, commonness: { type: 'string' } } });

const corpus = await loadCorpus(values.corpus);
const service = await openSearchService({
  corpus,
  dataDir: await mkdtemp(path.join(os.tmpdir(), 'briefing-quality-')),
  logger: createLogger({ level: 'silent' }),
  ...(values['no-dictionary'] && { russianDictionary: null }),
  ...(values.commonness !== undefined && { commonness: { strength: Number(values.commonness) } }),
});
const reports = (['tuning', 'held-out'] as const).map((half) => evaluateHalf(service, half));

const cell = (value: number) => value.toFixed(3);
console.log(`Ranking set over ${corpus.documents.length} documents; cross-language dictionary: ${service.crossLanguage.status}`);
console.log('half      answerable  Hit@1  Hit@3  MRR    flagged bold  | russian H@1 H@3 | vocab H@1 H@3 | off-topic not-conf | near-miss not-conf');
for (const report of reports) {
  const { ranking, russian, vocabulary, offTopic, nearMiss } = report;
  console.log(
    `${report.half.padEnd(9)} ${String(ranking.questions).padEnd(11)} ${cell(ranking.hitAt1)}  ${cell(ranking.hitAt3)}  ${cell(ranking.meanReciprocalRank)}  ${cell(ranking.flagged)}   ${cell(ranking.answerInBold)} | ${cell(russian.hitAt1)} ${cell(russian.hitAt3)}     | ${cell(vocabulary.hitAt1)} ${cell(vocabulary.hitAt3)}   | ${cell(offTopic.notConfident)} (${offTopic.questions})       | ${cell(nearMiss.notConfident)} (${nearMiss.questions})`,
  );
}
console.log('half      Russian questions  Hit@1  Hit@3  MRR    flagged bold  | Russian near-miss not-conf');
for (const { half, russianQuestions, russianNearMiss } of reports) {
  console.log(`${half.padEnd(9)} ${String(russianQuestions.questions).padEnd(18)} ${cell(russianQuestions.hitAt1)}  ${cell(russianQuestions.hitAt3)}  ${cell(russianQuestions.meanReciprocalRank)}  ${cell(russianQuestions.flagged)}   ${cell(russianQuestions.answerInBold)} | ${cell(russianNearMiss.notConfident)} (${russianNearMiss.questions})`);
}
if (values.misses) for (const report of reports) printMisses(report);

function printMisses(report: HalfReport): void {
  console.log(`\n${report.half}: not first`);
  for (const outcome of [...report.ranking.outcomes, ...report.russianQuestions.outcomes].filter((candidate) => candidate.rank !== 1)) {
    console.log(`  rank ${outcome.rank ?? '-'}  ${outcome.question}\n          top: ${outcome.top}`);
  }
  console.log(`${report.half}: answerable but flagged`);
  for (const outcome of report.ranking.outcomes.filter((candidate) => !candidate.confident)) console.log(`  ${outcome.question}`);
  console.log(`${report.half}: answer among the first three quotes, not in its bold sentences`);
  for (const outcome of [...report.ranking.outcomes, ...report.russianQuestions.outcomes].filter((candidate) => candidate.inBold === false)) console.log(`  ${outcome.question}`);
  console.log(`${report.half}: off-topic but confident`);
  for (const question of [...report.offTopic.confidentAbout, ...report.russianNearMiss.confidentAbout]) console.log(`  ${question}`);
}

mkdirSync(path.dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify({ date: new Date().toISOString(), crossLanguage: service.crossLanguage.status, halves: reports }, null, 2)}\n`);
console.log(`\nJSON written to ${values.out}`);
