import ICAL from 'ical.js';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTimeline } from '../../src/cli/timeline.js';
import type { Passage } from '../../src/corpus/passage-types.js';
import type { SourceDocument } from '../../src/corpus/types.js';
import type { TimelineEntry } from '../../src/dates/types.js';
import { UserError } from '../../src/errors.js';
import { ids, seedCorpus } from './helpers.js';

let documents: SourceDocument[];
let passagesOf: (docId: string) => Passage[];

beforeAll(async () => {
  ({ documents, passagesOf } = await seedCorpus());
});

function run(args: string[]): string {
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  void runTimeline(args, { corpus: { documents, problems: [] }, passagesOf, stdout });
  return text;
}

describe('briefing timeline', () => {
  it('prints each date with its label and then the quoted sources', () => {
    const text = run(['--from', '2025-12', '--to', '2025-12']);
    expect(text).toContain('2025-12-19 to 2025-12-20  Tokyo hosted the first summit of the Central Asia + Japan Dialogue');
    expect(text).toContain('“On 19–20 December last year, Tokyo hosted the first summit');
    expect(text).toContain(`[${ids.shamsuddinov}, characters `);
  });

  it('prints the entries as JSON with --json', () => {
    const entries = JSON.parse(run(['--json', '--doc', ids.tca])) as TimelineEntry[];
    expect(entries.length).toBeGreaterThan(0);
    expect(entries[0]).toEqual({ date: expect.any(String), end: null, precision: expect.any(String), label: expect.any(String), sources: expect.any(Array), conflicts: [] });
  });

  it('writes an iCalendar file with --ics', () => {
    const ics = run(['--ics', '--topic', 'summit']);
    expect(new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').length).toBeGreaterThan(0);
  });

  it('says so when nothing matches', () => {
    expect(run(['--from', '1800', '--to', '1801'])).toMatch(/^No key dates match/);
  });

  it.each([
    [['--from', '2025-13'], /"from" must be a real date/],
    [['--doc', 'no-such-doc'], /There is no document "no-such-doc"/],
    [['--json', '--ics'], /Choose one output/],
    [['--when', '2025'], /Usage: briefing timeline/],
    [['2025'], /takes only options/],
  ])('turns bad arguments %j into a UserError that says what to do', (args, message) => {
    expect(() => run(args)).toThrow(UserError);
    expect(() => run(args)).toThrow(message);
  });
});
