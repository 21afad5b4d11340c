import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servicesWith, startHarness, type Harness } from './harness.js';
import { quoteOfEmbed } from './messages.js';

/** Ids that are properties of every plain object, and a file-name id Discord cannot pass as a choice value. */
const prototypeIds = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'] as const;
const longId = `${'zebra-corridor-agreement-'.repeat(6)}annex`;

function documentAbout(id: string): string {
  return `---\ntitle: Zebra memo ${id}\n---\nThe zebra corridor memo ${id} was signed in Termez on 14 March 2024.\n`;
}

describe('document ids that break object lookups or Discord choices, through a local Discord', () => {
  let harness: Harness;
  beforeAll(async () => {
    const files = Object.fromEntries([...prototypeIds, longId].map((id) => [`${id}.md`, documentAbout(id)]));
    harness = await startHarness({ services: servicesWith(files) });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('starts with every such document loaded and indexed', () => {
    const ids = harness.services.search.documents.map((document) => document.id);
    expect(ids).toEqual(expect.arrayContaining([...prototypeIds, longId]));
    for (const id of [...prototypeIds, longId]) expect(harness.services.search.passagesOf(id)).toHaveLength(1);
  });

  it.each(prototypeIds)('answers /ask limited to the source "%s" with a quote from it', async (id) => {
    const reply = await harness.server.driver.slash('/ask', { question: 'Where was the zebra corridor memo signed?', source: id }).reply();
    expect(reply.embeds.length).toBeGreaterThan(0);
    for (const embed of reply.embeds) expect(quoteOfEmbed(embed.description)).toContain(`memo ${id}`);
  });

  it('finds every such document with /search', async () => {
    const reply = await harness.server.driver.slash('/search', { terms: 'zebra corridor' }).reply();
    expect(reply.embeds[0]?.footer?.text).toMatch(/ 6 matches$/);
    const shown = (reply.embeds[0]?.fields ?? []).map((field) => field.value.replaceAll('\\', '')).join('\n');
    for (const id of prototypeIds.slice(0, 4)) expect(shown).toContain(`memo ${id} was signed`);
  });

  it('shows /sources for "__proto__" and its key date', async () => {
    const reply = await harness.server.driver.slash('/sources', { source: '__proto__' }).reply();
    expect(reply.embeds[0]?.title?.replaceAll('\\', '')).toBe('Zebra memo __proto__');
    expect(reply.embeds[0]?.fields?.find((field) => field.name === 'Key dates (1)')?.value).toContain('<t:1710417600:D>');
  });

  it('lists the key dates of the source "constructor" with /timeline', async () => {
    const reply = await harness.server.driver.slash('/timeline', { source: 'constructor' }).reply();
    expect(JSON.stringify(reply.embeds)).toContain('memo constructor');
  });

  it('lets /ask pick a source whose id is over 100 characters through autocomplete', async () => {
    const choices = await harness.server.driver.autocomplete('/ask', { question: 'zebra', source: 'annex' }).choices();
    const choice = choices.find((candidate) => candidate.name.startsWith('Zebra memo …'));
    expect(choice).toBeDefined();
    const value = String(choice?.value);
    expect(value.length).toBeLessThanOrEqual(100);
    const reply = await harness.server.driver.slash('/ask', { question: 'Where was the zebra corridor memo signed?', source: value }).reply();
    expect(reply.embeds.length).toBeGreaterThan(0);
    for (const embed of reply.embeds) expect(quoteOfEmbed(embed.description)).toContain(`memo ${longId}`);
  });
});
