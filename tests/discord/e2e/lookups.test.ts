import { MessageFlags } from 'discord.js';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterTimeline } from '../../../src/dates/timeline.js';
import { startHarness, type Harness } from './harness.js';
import { customIds } from './messages.js';

describe('/search, /sources, /timeline and /help through a local Discord', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('marks the searched words in bold in each match', async () => {
    const reply = await harness.server.driver.slash('/search', { terms: 'Uzbekistan' }).reply();
    expect(reply.flags ?? 0).toBe(MessageFlags.Ephemeral);
    const values = reply.embeds[0]?.fields?.map((field) => field.value) ?? [];
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) expect(value).toMatch(/\*\*Uzbek[^*]*\*\*/i);
  });

  it('pages search matches', async () => {
    const first = await harness.server.driver.slash('/search', { terms: 'Japan' }).reply();
    const next = customIds(first).find((id) => id.startsWith('search:page:') && id.endsWith(':1'));
    expect(next).toBeDefined();
    const second = await harness.server.driver.click(first, next ?? '').reply();
    expect(second.embeds[0]?.footer?.text).toMatch(/^Page 2 of/);
  });

  it('lists every source with its metadata', async () => {
    const reply = await harness.server.driver.slash('/sources').reply();
    const names = reply.embeds[0]?.fields?.map((field) => field.name) ?? [];
    expect(names).toHaveLength(harness.services.search.documents.length);
  });

  it('shows one source with its key dates', async () => {
    const reply = await harness.server.driver.slash('/sources', { source: 'tca-2025-08-bridges-not-blocs' }).reply();
    const fields = reply.embeds[0]?.fields ?? [];
    expect(fields.map((field) => field.name)).toEqual(expect.arrayContaining(['Author', 'Outlet', 'Published', 'Passages']));
    expect(fields.find((field) => field.name.startsWith('Key dates'))).toBeDefined();
  });

  it('lists key dates, pages them, and attaches the calendar file when asked', async () => {
    const handle = harness.server.driver.slash('/timeline', { calendar: true });
    const reply = await handle.reply();
    expect(reply.embeds[0]?.title).toBe('Key dates');
    expect(reply.attachments.map((attachment) => attachment.filename)).toEqual(['key-dates.png', 'key-dates.ics']);
    const file = harness.server.state.attachments.get(reply.attachments[1]?.id ?? '');
    const calendar = new ICAL.Component(ICAL.parse(file?.data.toString('utf8') ?? ''));
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(harness.services.timeline.length);
    const next = customIds(reply).find((id) => id.startsWith('timeline:page:') && id.endsWith(':1'));
    if (next !== undefined) expect((await harness.server.driver.click(reply, next).reply()).embeds[0]?.footer?.text).toMatch(/^Page 2 of/);
  });

  it('attaches a picture of the selected dates by default, with alt text listing them, and keeps it while paging', async () => {
    const reply = await harness.server.driver.slash('/timeline', { from: '2024', topic: 'Japan' }).reply();
    const [picture] = reply.attachments;
    expect(picture).toMatchObject({ filename: 'key-dates.png', content_type: 'image/png', width: 1200 });
    const entries = filterTimeline([...harness.services.timeline], { from: '2024', topic: 'Japan' });
    expect(entries.length).toBeGreaterThanOrEqual(3);
    expect(picture?.description).toMatch(new RegExp(`^Key dates \\(from 2024 · topic: Japan\\): ${entries.length} dates from `));
    expect(picture?.description).toContain('19 December 2025 to 20 December 2025: Tokyo hosted the first summit');
    const bytes = harness.server.state.attachments.get(picture?.id ?? '')?.data;
    expect(bytes?.subarray(1, 4).toString('latin1')).toBe('PNG');
    const next = customIds(reply).find((id) => id.startsWith('timeline:page:') && id.endsWith(':1'));
    expect(next).toBeDefined();
    const second = await harness.server.driver.click(reply, next ?? '').reply();
    expect(second.attachments.map((attachment) => attachment.id)).toEqual([picture?.id]);
  });

  it('leaves the picture out when asked, and for fewer than three dates unless asked', async () => {
    const off = await harness.server.driver.slash('/timeline', { picture: false }).reply();
    expect(off.attachments).toEqual([]);
    const single = { topic: 'terrorist attacks' };
    expect(filterTimeline([...harness.services.timeline], single)).toHaveLength(1);
    expect((await harness.server.driver.slash('/timeline', single).reply()).attachments).toEqual([]);
    const one = await harness.server.driver.slash('/timeline', { ...single, picture: true }).reply();
    expect(one.attachments.map((attachment) => attachment.filename)).toEqual(['key-dates.png']);
    expect(one.attachments[0]?.description).toMatch(/: 1 date\. 11 September 2001: /);
  });

  it('says there is no picture when no date matches', async () => {
    const reply = await harness.server.driver.slash('/timeline', { topic: 'zeppelin', picture: true }).reply();
    expect(reply.attachments).toEqual([]);
    expect(reply.content).toContain('No key dates (topic: zeppelin), so there is no picture to draw.');
  });

  it('sends the calendar file from the timeline\'s button', async () => {
    const reply = await harness.server.driver.slash('/timeline', { from: '2004', to: '2004' }).reply();
    const button = customIds(reply).find((id) => id.startsWith('timeline:ics:')) ?? '';
    const file = await harness.server.driver.click(reply, button).reply();
    expect(file.attachments[0]?.filename).toBe('key-dates.ics');
  });

  it('refuses a malformed period with what to type instead', async () => {
    const reply = await harness.server.driver.slash('/timeline', { from: 'yesterday' }).reply();
    expect(reply.flags ?? 0).toBe(MessageFlags.Ephemeral);
    expect(reply.embeds).toEqual([]);
    expect(reply.content).toMatch(/YYYY/);
  });

  it('explains each command with an example', async () => {
    const reply = await harness.server.driver.slash('/help').reply();
    const fields = reply.embeds[0]?.fields ?? [];
    expect(fields.map((field) => field.name.split(' ')[0])).toEqual(['/ask', '/search', '/sources', '/timeline', '/add', '/remove', '/library', '/digest', '/reindex', '/status', '/help', 'Apps']);
    for (const field of fields) expect(field.value).toContain('Example:');
    // Whether English questions also search Russian text depends on the dictionary being installed; it is said either way.
    expect(reply.embeds[0]?.description).toMatch(/Cross-language search \(English questions also find Russian passages, and Russian questions English ones\): (on \(|off: install Debian's mueller7-dict)/);
  });

  it('refuses /reindex on a bot that serves a fixed set of documents, saying so', async () => {
    const reply = await harness.server.driver.slash('/reindex').reply();
    expect(reply.content).toMatch(/^This bot serves a fixed set of documents/);
  });
});
