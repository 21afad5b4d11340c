import { readFile } from 'node:fs/promises';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { splitPassages } from '../../src/corpus/passages.js';
import { readIndexFile, writeIndexFile } from '../../src/search/index-file.js';
import { createPassageIndex, passageIndexOptions, toIndexedPassages } from '../../src/search/passage-index.js';
import { unsealJson, writeJsonFile } from '../../src/search/snapshot-stream.js';
import { makeDocument, temporaryFolder } from './helpers.js';

const loans = () => makeDocument('loans.md', 'Loans to Uzbekistan\n\nJapan agreed to loan Uzbekistan 39 billion yen in 2024, according to the agency.\n\nThe loan supports the transition to a market economy, the agency said.\n');
const summit = () => makeDocument('summit.md', 'Summit news\n\nThe summit planned for August was cancelled because of the threat of an earthquake, officials said.\n');
const harvest = () => makeDocument('harvest.md', 'Harvest report\n\nThe cotton harvest in Fergana reached a record, the ministry reported.\n\nWheat yields fell after the drought.\n');

function sampleIndex() {
  const index = createPassageIndex();
  for (const document of [loans(), summit(), harvest()]) index.addAll(toIndexedPassages(document, splitPassages(document)));
  // A discarded passage leaves its postings behind until a vacuum: the file keeps them too.
  index.discard('summit\u00011');
  return index;
}

async function written(index: MiniSearch): Promise<string> {
  const file = path.join(await temporaryFolder(), 'index.json');
  writeJsonFile(file, (writer) => writeIndexFile(writer, index));
  const unsealed = unsealJson(await readFile(file, 'utf8'));
  if ('broken' in unsealed) throw new Error('the index file does not match its seal');
  return unsealed.json;
}

describe('the index file', () => {
  it('reads back the index that minisearch would load from its own JSON', async () => {
    const index = sampleIndex();
    const loaded = readIndexFile(await written(index), passageIndexOptions);
    const ownWay = MiniSearch.loadJSON(JSON.stringify(index), passageIndexOptions);
    expect(JSON.stringify(loaded)).toBe(JSON.stringify(ownWay));
    expect(loaded.dirtCount).toBe(1);
    expect(loaded.has('summit\u00011')).toBe(false);
    expect(loaded.search('cotton harvest').map((result) => result.id)).toEqual(ownWay.search('cotton harvest').map((result) => result.id));
  });

  it('reads back an index that can still be changed and vacuumed', async () => {
    const loaded = readIndexFile(await written(sampleIndex()), passageIndexOptions);
    await loaded.vacuum();
    loaded.addAll(toIndexedPassages(summit(), splitPassages(summit())).filter((passage) => passage.id === 'summit\u00011'));
    expect(loaded.search('earthquake').map((result) => result.id)).toContain('summit\u00011');
  });

  it('maps ids to short ids at their first use as an eager load does, through lookups, discards and additions', async () => {
    const text = await written(sampleIndex());
    const eager = readIndexFile(text, passageIndexOptions);
    const whenUsed = readIndexFile(text, passageIndexOptions, { idsWhenUsed: true });
    for (const index of [eager, whenUsed]) {
      index.discard('loans\u00012');
      index.addAll(toIndexedPassages(summit(), splitPassages(summit())).filter((passage) => passage.id === 'summit\u00011'));
    }
    expect(whenUsed.has('harvest\u00011')).toBe(true);
    expect(whenUsed.has('loans\u00012')).toBe(false);
    expect(JSON.stringify(whenUsed)).toBe(JSON.stringify(eager));
    expect(whenUsed.search('earthquake loan')).toEqual(eager.search('earthquake loan'));
    expect(() => whenUsed.add({ id: 'harvest\u00011', text: 'again', context: '', heading: '', title: '' })).toThrow(/duplicate ID/);
  });

  it.each([
    ['minisearch’s own JSON', (text: string, index: MiniSearch) => JSON.stringify(index)],
    ['a posting list whose ids do not ascend', (text: string) => text.replace(/\[("[a-z]+"),0,\[(\d+),1\]/, '[$1,0,[$2,0]')],
    ['ids and frequencies of different lengths', (text: string) => text.replace(/\],\[1\]\]/, '],[1,1]]')],
    ['a truncated file', (text: string) => text.slice(0, Math.floor(text.length / 2))],
  ])('refuses %s', async (_name, spoil) => {
    const index = sampleIndex();
    const text = await written(index);
    const spoiled = spoil(text, index);
    expect(spoiled).not.toBe(text);
    expect(() => readIndexFile(spoiled, passageIndexOptions)).toThrow();
  });
});
