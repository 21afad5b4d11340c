import { beforeAll, describe, expect, it } from 'vitest';
import { documentFromExtraction } from '../../src/corpus/document-file.js';
import type { SourceDocument } from '../../src/corpus/types.js';
import { extractDocument } from '../../src/extract/extract.js';
import { openSearchService, type SearchService } from '../../src/search/search-service.js';
import { makePdf } from '../extract/fixtures/make.js';
import { captureLogger, makeDocument, temporaryFolder } from './helpers.js';

/*
 * A quote's pages come from its document's page spans at the moment it is cited, for a
 * single passage and for neighbours merged into one quote across a page break.
 */

let report: SourceDocument;
let memo: SourceDocument;
let search: SearchService;
let dataDir: string;

beforeAll(async () => {
  const bytes = await makePdf({
    info: { Title: 'Copper and credit' },
    pages: [
      [['Copper and credit'], ['Opening remarks on the regional economy and its prospects for the coming decade.'], ['The Navoi copper smelter will be financed by a syndicate of Japanese', 'banks, with the first tranche of the loan paid in the spring.']],
      [['The Navoi copper smelter financing also includes export credit from', 'NEXI, which insures the Japanese banks against political risk.'], ['Closing remarks on water management in the Fergana valley.']],
    ],
  });
  report = documentFromExtraction('copper.pdf', await extractDocument({ bytes, fileName: 'copper.pdf' }), bytes);
  memo = makeDocument('memo.md', 'Memo\n\nThe Navoi region also has gold mines operated by a state company.\n');
  dataDir = await temporaryFolder();
  search = await openSearchService({ corpus: { documents: [report, memo], problems: [] }, dataDir, logger: captureLogger().logger, synonyms: false });
});

describe('pages in citations', () => {
  it('gives a passage the page it is on', () => {
    const best = search.ask('water management in the Fergana valley').passages[0];
    expect(best).toMatchObject({ docId: 'copper', page: 2 });
    expect(best).not.toHaveProperty('pageEnd');
  });

  it('gives a quote merged across a page break its first and last page, and still quotes the body exactly', () => {
    const best = search.ask('Navoi copper smelter financing by Japanese banks').passages[0];
    expect(best?.text).toContain('first tranche of the loan paid in the spring.\n\nThe Navoi copper smelter financing also includes');
    expect(best).toMatchObject({ docId: 'copper', page: 1, pageEnd: 2 });
    expect(report.body.slice(best?.start, best?.end)).toBe(best?.text);
  });

  it('gives no page to a passage of a document without pages', () => {
    const memo = search.search('gold mines').matches[0]?.passage;
    expect(memo).toMatchObject({ docId: 'memo' });
    expect(memo).not.toHaveProperty('page');
    expect(memo).not.toHaveProperty('pageEnd');
  });
});

describe('pages after a restart', () => {
  it('are the same when the index comes from the snapshot, which stores no pages: they are the document\'s', async () => {
    const { logger, lines } = captureLogger();
    const restarted = await openSearchService({ corpus: { documents: [report, memo], problems: [] }, dataDir, logger, synonyms: false });
    expect(lines.map((line) => line.msg)).toContain('search index loaded from snapshot');
    const question = 'Navoi copper smelter financing by Japanese banks';
    expect(restarted.ask(question).passages[0]).toEqual(search.ask(question).passages[0]);
  });
});
