import { describe, expect, it } from 'vitest';
import { problemsWarnedOneByOne, reportCorpus } from '../../src/corpus/report-corpus.js';
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

describe('reporting many skipped files', () => {
  const document = { id: 'a', file: 'a.md', title: 'A', author: null, outlet: null, published: null, publishedBasis: null, body: 'Text.', contentHash: 'x', format: 'markdown' as const, pages: null, scope: null, addition: null };
  const problems = (count: number) => Array.from({ length: count }, (_, position) => ({ file: `empty-${position}.md`, reason: 'skipped: the file has no text' }));

  it('warns about each one while there are few', () => {
    const sink = logSink();
    reportCorpus({ documents: [document], problems: problems(problemsWarnedOneByOne) }, '/srv/corpus', sink.logger);
    expect(sink.lines.map((line) => line.msg)).toEqual(Array.from({ length: problemsWarnedOneByOne }, () => 'corpus file skipped'));
  });

  it('warns once with the count and a few examples when there are many, and keeps each file for debug', () => {
    const sink = logSink();
    reportCorpus({ documents: [document], problems: problems(1799) }, '/srv/corpus', sink.logger);
    const warnings = sink.lines.filter((line) => line.level === 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ module: 'corpus', skipped: 1799, msg: expect.stringMatching(/reindex/) });
    expect(warnings[0]?.examples).toEqual(problems(problemsWarnedOneByOne));
    const detail = sink.lines.filter((line) => line.level === 20 && line.msg === 'corpus file skipped');
    expect(detail.map((line) => line.file)).toEqual(problems(1799).map((problem) => problem.file));
  });
});

describe('reporting a file whose name holds control characters', () => {
  it('logs the name with its control characters escaped', () => {
    const sink = logSink();
    reportCorpus({ documents: [], problems: [{ file: 'bad\u001b[2J.docx', reason: 'skipped' }] }, '/srv/corpus', sink.logger);
    expect(sink.lines[0]).toMatchObject({ file: 'bad\\u001b[2J.docx' });
  });
});
