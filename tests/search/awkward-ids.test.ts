import { describe, expect, it } from 'vitest';
import { openSearchService } from '../../src/search/search-service.js';
import { captureLogger, makeDocument, temporaryFolder } from './helpers.js';

/** Names every plain object already has: as object keys they would find the prototype's value. */
const prototypeIds = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];

const documents = () => prototypeIds.map((id) => makeDocument(`${id}.md`, `Memo ${id}\n\nThe zebra corridor memo ${id} was signed in Termez in March 2024.\n`));

async function open(dataDir: string) {
  const { logger, lines } = captureLogger();
  const corpus = documents();
  const service = await openSearchService({ corpus: { documents: corpus, problems: [] }, dataDir, logger });
  return { service, messages: lines.map((line) => String(line.msg)) };
}

describe('document ids that are properties of Object.prototype', () => {
  it('builds the index, then reuses its snapshot for every such document', async () => {
    const dataDir = await temporaryFolder();
    expect((await open(dataDir)).messages).toContain('search index built and saved');
    const second = await open(dataDir);
    expect(second.messages).toContain('search index loaded from snapshot');
    expect(second.messages).not.toContain('search index snapshot is unusable; rebuilding it');
    for (const id of prototypeIds) expect(second.service.passagesOf(id)).toHaveLength(1);
  });

  it.each(prototypeIds)('answers a question limited to the document "%s"', async (id) => {
    const { service } = await open(await temporaryFolder());
    const answer = service.ask('Where was the zebra corridor memo signed?', { docId: id });
    expect(answer.passages.map((passage) => passage.docId)).toEqual([id]);
    expect(answer.passages[0]?.text).toContain(`memo ${id} was signed`);
  });

  it('finds every such document in a lookup', async () => {
    const { service } = await open(await temporaryFolder());
    const found = service.search('zebra corridor', { limit: 20 }).matches.map((match) => match.passage.docId);
    expect(found.sort()).toEqual([...prototypeIds].sort());
  });

  it('has no passages, and refuses a question, for a prototype name that is not a document', async () => {
    const { service } = await open(await temporaryFolder());
    const only = makeDocument('memo.md', 'Memo\n\nThe zebra corridor memo was signed.\n');
    const plain = await openSearchService({ corpus: { documents: [only], problems: [] }, dataDir: await temporaryFolder(), logger: captureLogger().logger });
    expect(plain.passagesOf('constructor')).toEqual([]);
    expect(() => plain.ask('zebra', { docId: 'toString' })).toThrow(/no source with the id "toString"/);
    expect(service.passagesOf('propertyIsEnumerable')).toEqual([]);
  });
});
