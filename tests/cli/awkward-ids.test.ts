import { beforeAll, describe, expect, it } from 'vitest';
import { briefing, corpusWith } from './helpers.js';

const prototypeIds = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
let env: Record<string, string>;

beforeAll(async () => {
  env = await corpusWith(Object.fromEntries(prototypeIds.map((id) => [`${id}.md`, `---\ntitle: Memo ${id}\n---\nThe zebra corridor memo ${id} was signed in Termez on 14 March 2024.\n`])));
});

describe('the command line with ids that are properties of Object.prototype', () => {
  it('lists every such source', async () => {
    const { code, stdout } = await briefing(['sources', '--json'], env);
    expect(code).toBe(0);
    const { documents } = JSON.parse(stdout) as { documents: Array<{ id: string; passages: number }> };
    expect(documents.map((document) => document.id).sort()).toEqual([...prototypeIds].sort());
    for (const document of documents) expect(document.passages).toBe(1);
  });

  it.each(prototypeIds)('answers a question limited to --doc %s', async (id) => {
    const { code, stdout, stderr } = await briefing(['ask', 'Where was the zebra corridor memo signed?', '--doc', id, '--json'], env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const answer = JSON.parse(stdout) as { passages: Array<{ docId: string; text: string }> };
    expect(answer.passages.map((passage) => passage.docId)).toEqual([id]);
  });

  it('finds every such document in a lookup, twice, the second time from the saved index', async () => {
    for (let run = 0; run < 2; run += 1) {
      const { code, stdout } = await briefing(['search', 'zebra corridor', '--json', '--limit', '20'], env);
      expect(code).toBe(0);
      const results = JSON.parse(stdout) as { matches: Array<{ passage: { docId: string } }> };
      expect(results.matches.map((match) => match.passage.docId).sort()).toEqual([...prototypeIds].sort());
    }
  });

  it('lists the key dates of --doc __proto__ and puts every such document in the digest', async () => {
    const timeline = await briefing(['timeline', '--doc', '__proto__', '--json'], env);
    expect(timeline.code).toBe(0);
    expect(JSON.stringify(JSON.parse(timeline.stdout))).toContain('"docId":"__proto__"');
    const digest = await briefing(['digest', '--date', '2024-03-12', '--tz', 'UTC'], env);
    expect(digest.code).toBe(0);
    for (const id of prototypeIds) expect(digest.stdout).toContain(`[${id} @`);
  });
});
