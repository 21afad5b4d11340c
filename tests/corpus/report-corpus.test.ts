import { describe, expect, it } from 'vitest';
import { reportCorpus } from '../../src/corpus/report-corpus.js';
import { logSink } from '../discord/fixtures/log-sink.js';

describe('reporting a loaded corpus', () => {
  it('warns at start that the corpus is empty, naming the folder and what to do', () => {
    const sink = logSink();
    reportCorpus({ documents: [], problems: [] }, '/srv/corpus', sink.logger);
    expect(sink.lines).toEqual([expect.objectContaining({ level: 40, module: 'corpus', corpusDir: '/srv/corpus', msg: expect.stringMatching(/no documents.*CORPUS_DIR/) })]);
  });

  it('logs each skipped file with its reason, and no empty-corpus warning when documents loaded', () => {
    const sink = logSink();
    const document = { id: 'a', file: 'a.md', title: 'A', author: null, outlet: null, published: null, publishedBasis: null, body: 'Text.', contentHash: 'x', format: 'markdown' as const, pages: null, scope: null, addition: null };
    reportCorpus({ documents: [document], problems: [{ file: 'link.md', reason: 'skipped: a symbolic link' }] }, '/srv/corpus', sink.logger);
    expect(sink.lines).toEqual([expect.objectContaining({ level: 40, file: 'link.md', reason: 'skipped: a symbolic link', msg: 'corpus file skipped' })]);
  });
});

describe('reporting a file whose name holds control characters', () => {
  it('logs the name with its control characters escaped', () => {
    const sink = logSink();
    reportCorpus({ documents: [], problems: [{ file: 'bad\u001b[2J.docx', reason: 'skipped' }] }, '/srv/corpus', sink.logger);
    expect(sink.lines[0]).toMatchObject({ file: 'bad\\u001b[2J.docx' });
  });
});
