import MiniSearch, { type Options } from 'minisearch';
import type { JsonFileWriter } from './snapshot-stream.js';

/**
 * The snapshot's index file: minisearch 7.2's own data, in arrays instead of objects.
 *
 * `MiniSearch.loadJSON` takes `toJSON`'s layout, where every posting list is an object keyed by
 * short id: `JSON.parse` builds 2.3 million keyed properties at 21,578 Reuters documents, which
 * `loadJS` then turns back into numbers with `Object.keys` and `parseInt` (about 1.25 s of a warm
 * start, bench/scale). Here a posting list is two arrays, the short ids as ascending gaps and the
 * term frequencies, which parse as packed numbers: half the bytes and half the time to load.
 * The lists are written in ascending order, the order `loadJS` gives, so a loaded index iterates
 * as it did when loaded with `loadJSON`.
 *
 *     { documentCount, nextId, dirtCount, fieldIds, averageFieldLength,
 *       documentIds: [gaps], ids: [ids], fieldLengthIds: [gaps], fieldLengths: [[length by field id]],
 *       storedFieldIds: [gaps], storedFields: [values],
 *       terms: [[term, fieldId, [short id gaps], [frequencies], fieldId, …], …] }
 */
export const indexFileLayout = 'minisearch-7.2-arrays-1';

/** The private fields of minisearch 7.2 that its `toJSON` and `loadJS` touch. */
interface MiniSearchFields {
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, unknown>;
  _dirtCount: number;
  _index: Iterable<[string, Map<number, Map<number, number>>]> & { set(term: string, data: Map<number, Map<number, number>>): unknown };
}

function internalsOf(index: MiniSearch): MiniSearchFields {
  const fields = index as unknown as MiniSearchFields;
  const maps = [fields._documentIds, fields._idToShortId, fields._fieldLength, fields._storedFields];
  if (!maps.every((map) => map instanceof Map) || typeof fields._index[Symbol.iterator] !== 'function' || typeof fields._index.set !== 'function') {
    throw new Error('minisearch: the index layout is not the one of minisearch 7.2 that the snapshot reads and writes; update src/search/index-file.ts');
  }
  return fields;
}

/** The keys in ascending order, and their values in the same order. */
function ascending<V>(map: ReadonlyMap<number, V>): { keys: number[]; values: V[] } {
  const keys = [...map.keys()].sort((a, b) => a - b);
  return { keys, values: keys.map((key) => map.get(key) as V) };
}

/** Ascending numbers as their gaps from the one before (the first from 0). */
function gaps(keys: readonly number[]): number[] {
  return keys.map((key, position) => key - (position === 0 ? 0 : (keys[position - 1] ?? 0)));
}

/**
 * Writes the index term by term through `writer`, so no copy of the whole index is held at once.
 * Without `terms`, the same index with none of its terms: the shell the postings segment keeps
 * beside them (postings-segment.ts).
 */
export function writeIndexFile(writer: Pick<JsonFileWriter, 'write'>, index: MiniSearch, { terms = true }: { terms?: boolean } = {}): void {
  const fields = internalsOf(index);
  const json = JSON.stringify;
  const documents = ascending(fields._documentIds);
  const lengths = ascending(fields._fieldLength);
  const stored = ascending(fields._storedFields);
  writer.write(`{"layout":${json(indexFileLayout)},"documentCount":${json(fields._documentCount)},"nextId":${json(fields._nextId)},"dirtCount":${json(fields._dirtCount)}`);
  writer.write(`,"fieldIds":${json(fields._fieldIds)},"averageFieldLength":${json(fields._avgFieldLength)}`);
  writer.write(`,"documentIds":${json(gaps(documents.keys))},"ids":${json(documents.values)}`);
  writer.write(`,"fieldLengthIds":${json(gaps(lengths.keys))},"fieldLengths":${json(lengths.values)}`);
  writer.write(`,"storedFieldIds":${json(gaps(stored.keys))},"storedFields":${json(stored.values)},"terms":[`);
  let first = true;
  for (const [term, fieldIndex] of terms ? fields._index : []) {
    const row: unknown[] = [term];
    for (const fieldId of [...fieldIndex.keys()].sort((a, b) => a - b)) {
      const postings = ascending(fieldIndex.get(fieldId) ?? new Map<number, number>());
      row.push(fieldId, gaps(postings.keys), postings.values);
    }
    writer.write(`${first ? '' : ','}${json(row)}`);
    first = false;
  }
  writer.write(']}');
}

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isGap = (value: unknown, position: number): value is number => Number.isSafeInteger(value) && (value as number) >= (position === 0 ? 0 : 1);

/** The ascending keys of `gapList` paired with `values`; throws when the two do not fit together. */
function pairedMap<V>(gapList: unknown, values: unknown, what: string, isValue: (value: unknown) => value is V): Map<number, V> {
  if (!Array.isArray(gapList) || !Array.isArray(values) || gapList.length !== values.length) throw new Error(`${what}: the ids and the values do not pair up`);
  const map = new Map<number, V>();
  let key = 0;
  for (let position = 0; position < gapList.length; position++) {
    const gap: unknown = gapList[position];
    const value: unknown = values[position];
    if (!isGap(gap, position) || !isValue(value)) throw new Error(`${what}: entry ${position} is not an ascending id with its value`);
    key += gap;
    map.set(key, value);
  }
  return map;
}

/**
 * MiniSearch's map from each document id to its short id, filled from the short ids at its first
 * use. A question over the postings segment's shell looks no id up unless documents changed
 * since the base: filling it for 110,000 passages was 50–75 ms of CPU of a `briefing ask` at
 * 21,578 documents. Every method fills it first, so MiniSearch meets the map an eager load gives.
 */
class ShortIdsWhenUsed extends Map<unknown, number> {
  #from: ReadonlyMap<number, unknown> | null;

  constructor(documentIds: ReadonlyMap<number, unknown>) {
    super();
    this.#from = documentIds;
  }

  #fill(): void {
    const from = this.#from;
    if (from === null) return;
    this.#from = null;
    for (const [shortId, id] of from) super.set(id, shortId);
    // The shell is sealed as written from one index, whose ids are unique: a repeated id means a file written by something else.
    if (super.size !== from.size) throw new Error('documentIds: an id is held twice');
  }

  override get size(): number {
    this.#fill();
    return super.size;
  }
  override get(id: unknown): number | undefined {
    this.#fill();
    return super.get(id);
  }
  override has(id: unknown): boolean {
    this.#fill();
    return super.has(id);
  }
  override set(id: unknown, shortId: number): this {
    this.#fill();
    return super.set(id, shortId);
  }
  override delete(id: unknown): boolean {
    this.#fill();
    return super.delete(id);
  }
  override clear(): void {
    this.#from = null;
    super.clear();
  }
  override forEach(callback: (shortId: number, id: unknown, map: Map<unknown, number>) => void, thisArgument?: unknown): void {
    this.#fill();
    super.forEach(callback, thisArgument);
  }
  override entries(): ReturnType<Map<unknown, number>['entries']> {
    this.#fill();
    return super.entries();
  }
  override keys(): ReturnType<Map<unknown, number>['keys']> {
    this.#fill();
    return super.keys();
  }
  override values(): ReturnType<Map<unknown, number>['values']> {
    this.#fill();
    return super.values();
  }
  override [Symbol.iterator](): ReturnType<Map<unknown, number>['entries']> {
    return this.entries();
  }
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isLengths = (value: unknown): value is number[] => Array.isArray(value);
const isAnything = (_value: unknown): _value is unknown => true;

/**
 * Loads an index written by `writeIndexFile` with the options it was built with; throws when the
 * text is not such a file. The gaps are checked to ascend, so a posting list cannot repeat an id.
 * With `idsWhenUsed`, for a sealed file only, the ids are mapped to short ids at their first use.
 */
export function readIndexFile<T>(text: string, options: Options<T>, { idsWhenUsed = false }: { idsWhenUsed?: boolean } = {}): MiniSearch<T> {
  const data = JSON.parse(text) as Record<string, unknown>;
  if (typeof data !== 'object' || data === null || data.layout !== indexFileLayout) throw new Error(`not an index file of layout ${indexFileLayout}`);
  const { documentCount, nextId, dirtCount, fieldIds, averageFieldLength, terms } = data;
  if (!isCount(documentCount) || !isCount(nextId) || !isCount(dirtCount)) throw new Error('the counts are not whole numbers');
  if (typeof fieldIds !== 'object' || fieldIds === null || !Array.isArray(averageFieldLength) || !Array.isArray(terms)) throw new Error('the fields or the terms are missing');
  const fieldIdList = Object.values(fieldIds);
  // loadJS makes the instance with the options' own tokenizer and term processing; its maps are filled below.
  const index = MiniSearch.loadJS<T>({ documentCount, nextId, documentIds: {}, fieldIds: fieldIds as Record<string, number>, fieldLength: {}, averageFieldLength: averageFieldLength as number[], storedFields: {}, dirtCount, index: [], serializationVersion: 2 }, options);
  const fields = internalsOf(index as MiniSearch);
  fields._documentIds = pairedMap(data.documentIds, data.ids, 'documentIds', isString);
  if (idsWhenUsed) fields._idToShortId = new ShortIdsWhenUsed(fields._documentIds);
  else {
    for (const [shortId, id] of fields._documentIds) fields._idToShortId.set(id, shortId);
    if (fields._idToShortId.size !== fields._documentIds.size) throw new Error('documentIds: an id is held twice');
  }
  fields._fieldLength = pairedMap(data.fieldLengthIds, data.fieldLengths, 'fieldLengths', isLengths);
  fields._storedFields = pairedMap(data.storedFieldIds, data.storedFields, 'storedFields', isAnything);
  for (const row of terms as unknown[]) {
    if (!Array.isArray(row) || typeof row[0] !== 'string' || row.length % 3 !== 1) throw new Error('a term is not a term with its postings');
    const byField = new Map<number, Map<number, number>>();
    for (let at = 1; at < row.length; at += 3) {
      const fieldId: unknown = row[at];
      if (!isCount(fieldId) || !fieldIdList.includes(fieldId)) throw new Error(`term "${row[0]}": an unknown field`);
      byField.set(fieldId, pairedMap(row[at + 1], row[at + 2], `term "${row[0]}"`, isCount));
    }
    fields._index.set(row[0], byField);
  }
  return index;
}
