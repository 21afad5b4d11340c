import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InteractionResponseType, MessageFlags, type APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import type { OptionValue } from '../../../src/local-discord/index.js';
import type { SeedGuild } from '../../../src/local-discord/seed.js';
import { makePdf, reportPdfSpec } from '../../extract/fixtures/make.js';
import { addedArticle } from '../fixtures/added-article.js';
import { startHarness, type Harness } from './harness.js';
import { buttonWithLabel, customIds } from './messages.js';

/** Two servers: the second shows what another server's digest sees of a document added in the first. */
const guilds: SeedGuild[] = [
  {
    name: 'Briefing HQ',
    roles: [
      { name: 'Admin', permissions: ['ManageGuild'] },
      { name: 'Analyst', permissions: [] },
    ],
    channels: [{ name: 'general' }],
    members: [
      { username: 'ada', globalName: 'Ada', roles: ['Admin'] },
      { username: 'bob', globalName: 'Bob' },
      { username: 'carl', globalName: 'Carl', roles: ['Analyst'] },
      { username: 'olive', globalName: 'Olive', owner: true },
    ],
  },
  {
    name: 'Other Desk',
    roles: [{ name: 'Admin', permissions: ['ManageGuild'] }],
    channels: [{ name: 'desk' }],
    members: [{ username: 'dora', globalName: 'Dora', roles: ['Admin'] }],
  },
];

const sixteenMinutes = 16 * 60_000;
/** How long the local Discord's attachment links work: long enough for a prompt download, short enough to let one expire. */
const attachmentUrlLifetimeMs = 60_000;
/** The library's size cap (ADD_MAX_BYTES), far below the 20 MB default so a test file can exceed it. */
const maxBytes = 128 * 1024;
const pptxType = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

describe('/add, /remove and /library role through a local Discord, with the real discord.js client and the real intake over SQLite', () => {
  let harness: Harness;
  let pages: Server;
  let link: string;
  /** Requests the page server has answered: what shows whether /add fetched the link. */
  let pageRequests = 0;
  let clockOffsetMs = 0;
  const clock = () => new Date(Date.now() + clockOffsetMs);
  /** The local Discord's own clock: moved on to let an attachment link expire. */
  let discordOffsetMs = 0;

  const add = (options: Record<string, OptionValue>, user = 'ada', unchecked = false) => harness.server.driver.slash('/add', options, { user, unchecked });
  const embedText = (message: APIMessage) => JSON.stringify(message.embeds);
  const addedWith = (title: string) => harness.services.search.documents.filter((document) => document.title === title);
  const storedCount = async () => Number((await harness.db.kysely.selectFrom('added_documents').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow()).count);

  beforeAll(async () => {
    pages = createServer((request, response) => {
      pageRequests += 1;
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      // A live page: each request differs in a comment, as news pages do (ads, timestamps), so
      // the same link added twice is caught by its link and not by its bytes.
      if (url.pathname === '/article.html') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`${addedArticle.html}<!-- request ${pageRequests} -->\n`);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
    link = `http://127.0.0.1:${(pages.address() as AddressInfo).port}/article.html`;
    harness = await startHarness({
      server: { guilds, timings: { attachmentUrlLifetimeMs }, now: () => Date.now() + discordOffsetMs },
      library: { allowPrivate: ['127.0.0.1'], adding: { maxBytes } },
      bot: { clock },
    });
  });

  afterAll(async () => {
    await harness?.close();
    await new Promise((resolve) => pages?.close(resolve));
  });

  it('hides /add from a member without Manage Server, and refuses it when a server shows it anyway', async () => {
    expect(() => add({ link }, 'bob')).toThrow(/default_member_permissions/);
    const refused = await add({ link }, 'bob', true).reply();
    expect(refused.content).toBe('You need the Manage Server permission to add documents. Ask a server admin to do it, or to name your role with /library role.');
    expect(pageRequests).toBe(0);
  });

  it('asks for exactly one of a file or a link', async () => {
    const reply = await add({}).reply();
    expect(reply.content).toBe('Give exactly one of `file` (attach the document) or `link` (paste its address), not both and not neither.');
  });

  it('refuses a publication date that is not one before fetching anything', async () => {
    const reply = await add({ link, published: 'spring 25' }).reply();
    expect(reply.content).toBe('“spring 25” is not a publication date. Write it as 2025, 2025-05 or 2025-05-05, as precisely as you know it.');
    expect(pageRequests).toBe(0);
  });

  let preview: APIMessage;

  it('previews a link only to the person who ran it: the metadata found, the passage count and the first passage, with Add, Edit and Cancel', async () => {
    const handle = add({ link });
    expect((await handle.callback()).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    preview = await handle.reply();
    expect(preview.flags ?? 0).toBe(MessageFlags.Ephemeral);
    const [embed] = preview.embeds;
    expect(embed?.title).toBe(`Preview: ${addedArticle.title}`);
    const field = (name: string) => embed?.fields?.find((candidate) => candidate.name === name)?.value;
    expect(field('Author')).toBe(addedArticle.author);
    expect(field('Outlet')).toBe(addedArticle.outlet);
    expect(field('Published')).toBe(`<t:${Date.UTC(2025, 2, 4, 12) / 1000}:D> (article:published\\_time meta tag)`);
    expect(field('Format')).toBe('HTML');
    expect(Number(field('Passages'))).toBe(4);
    expect(field('First passage')).toBe(`> ${addedArticle.firstSentence}`);
    expect(field('From')).toBe(`\`${link}\``);
    expect(customIds(preview).map((customId) => customId.split(':').slice(0, 2).join(':'))).toEqual(['add:commit', 'add:edit', 'add:cancel']);
    for (const label of ['Add', 'Edit', 'Cancel']) expect(buttonWithLabel(preview, label)).toMatch(/^add:/);
    // Fetched once, and nothing stored or served before Add.
    expect(pageRequests).toBe(1);
    expect(await storedCount()).toBe(0);
    expect(addedWith(addedArticle.title)).toEqual([]);
  });

  it('opens the Edit form prefilled with the title, author, outlet and date', async () => {
    const callback = await harness.server.driver.click(preview, buttonWithLabel(preview, 'Edit')).callback();
    expect(callback.type).toBe(InteractionResponseType.Modal);
    const data = callback.data as { title: string; custom_id: string; components: { components: { custom_id: string; value: string; required: boolean }[] }[] };
    expect(data.custom_id).toMatch(/^add:revise:/);
    expect(data.components.map((row) => [row.components[0]?.custom_id, row.components[0]?.value, row.components[0]?.required])).toEqual([
      ['title', addedArticle.title, true],
      ['author', addedArticle.author, false],
      ['outlet', addedArticle.outlet, false],
      ['published', '2025-03-04', false],
    ]);
  });

  it('adds the document with Add, once however often it is clicked, says it is answerable now with its id, and /ask then quotes it word for word', async () => {
    const first = harness.server.driver.click(preview, buttonWithLabel(preview, 'Add'));
    const second = harness.server.driver.click(preview, buttonWithLabel(preview, 'Add'));
    const added = await first.reply();
    expect((await second.reply()).content).toBe('This document is being added or already is: one click on Add is enough. Run /sources to see it.');
    expect(await storedCount()).toBe(1);
    expect(addedWith(addedArticle.title)).toHaveLength(1);
    expect(added.id).toBe(preview.id);
    expect(added.components).toEqual([]);
    const id = /id `([^`]+)`/.exec(added.content)?.[1] ?? '';
    expect(added.content).toBe(`Added *${addedArticle.title}* (id \`${id}\`, 4 passages). It is answerable now: try \`/ask question: … source: ${id}\`. Only this server sees it.`);
    const answer = await harness.server.driver.slash('/ask', { question: 'When was the Ferghana Valley water accord signed?' }, { user: 'bob' }).reply();
    expect(embedText(answer)).toContain(addedArticle.firstSentence);
    expect(embedText(answer)).toContain(addedArticle.title);
    addedLinkId = id;
  });

  let addedLinkId = '';

  it('refuses the same link added twice, naming the document already added and its id, though the page has changed since', async () => {
    const before = pageRequests;
    const again = await add({ link }).reply();
    expect(pageRequests).toBe(before + 1);
    expect(again.content).toBe(`A document from the same link is already in the library: “${addedArticle.title}” (id ${addedLinkId}). Nothing was added.`);
    expect(again.components ?? []).toEqual([]);
    expect(await storedCount()).toBe(1);
  });

  it('lists the new document in the digest preview with who added it, and not in another server\'s', async () => {
    const ours = await harness.server.driver.slash('/digest preview', {}, { user: 'ada' }).reply();
    const section = ours.embeds.find((embed) => embed.title === 'New documents')?.description ?? '';
    expect(section).toBe(`• *${addedArticle.title}* (${addedLinkId}), added by Ada`);
    const theirs = await harness.server.driver.slash('/digest preview', {}, { user: 'dora', guild: 'Other Desk' }).reply();
    expect(JSON.stringify(theirs)).not.toContain(addedArticle.title);
  });

  it('lets members of the role named with /library role add, until the role is cleared', async () => {
    const analyst = harness.server.state.guild('Briefing HQ').roles.find((role) => role.name === 'Analyst')?.id ?? '';
    const named = await harness.server.driver.slash('/library role', { role: analyst }, { user: 'ada' }).reply();
    expect(named.content).toMatch(new RegExp(`^Members with <@&${analyst}> may now add and remove documents, as members with Manage Server can\\. Discord still hides /add and /remove`));
    const carls = await add({ link: `${link}?copy=carl`, title: 'Carl\'s copy' }, 'carl', true).reply();
    expect(carls.embeds[0]?.title).toBe('Preview: Carl\'s copy');
    const cancelled = await harness.server.driver.click(carls, buttonWithLabel(carls, 'Cancel')).reply();
    expect(cancelled.content).toBe('Cancelled: *Carl\'s copy* was not added.');
    expect(cancelled.components).toEqual([]);

    const cleared = await harness.server.driver.slash('/library role', {}, { user: 'ada' }).reply();
    expect(cleared.content).toBe(`Cleared: <@&${analyst}> may no longer add or remove documents. Now only members with Manage Server may. Name a role again with \`/library role role:\`.`);
    const refused = await add({ link: `${link}?copy=carl` }, 'carl', true).reply();
    expect(refused.content).toMatch(/^You need the Manage Server permission to add documents/);
    const unset = await harness.server.driver.slash('/library role', {}, { user: 'ada' }).reply();
    expect(unset.content).toBe('No role is named: only members with Manage Server may add and remove documents. Name one with `/library role role:`.');
  });

  it('refuses /library role to a member without Manage Server', async () => {
    const refused = await harness.server.driver.slash('/library role', {}, { user: 'bob', unchecked: true }).reply();
    expect(refused.content).toBe('You need the Manage Server permission to choose who may add and remove documents. Ask a server admin to do it.');
  });

  it('says an expired preview has expired and how to retry, and adds nothing', async () => {
    const late = await add({ link: `${link}?copy=late`, title: 'Too late' }).reply();
    clockOffsetMs = sixteenMinutes;
    try {
      const expired = await harness.server.driver.click(late, buttonWithLabel(late, 'Add')).reply();
      expect(expired.content).toBe('This preview has expired and nothing was added. Run /add again with the same link, or attach the file again (its old Discord link has expired too).');
      expect(expired.components).toEqual([]);
    } finally {
      clockOffsetMs = 0;
    }
    expect(addedWith('Too late')).toEqual([]);
    expect(await storedCount()).toBe(1);
  });

  it('suggests only documents added with /add for /remove', async () => {
    const choices = await harness.server.driver.autocomplete('/remove', { source: '' }, 'source', { user: 'ada' }).choices();
    expect(choices.map((choice) => choice.value)).toEqual([addedLinkId]);
  });

  it('tells how to remove a folder document instead of removing it', async () => {
    const reply = await harness.server.driver.slash('/remove', { source: 'tca-2025-08-bridges-not-blocs' }, { user: 'ada' }).reply();
    expect(reply.content).toBe('“Bridges, Not Blocs: Japan\'s Central Asia Approach” comes from the corpus folder (tca-2025-08-bridges-not-blocs.md), not from /add. Remove it by deleting that file; the bot notices within seconds.');
    expect(harness.services.search.documents.some((document) => document.id === 'tca-2025-08-bridges-not-blocs')).toBe(true);
  });

  it('removes an added document only after confirmation, and /ask no longer finds it', async () => {
    const [choice] = await harness.server.driver.autocomplete('/remove', { source: 'ferghana' }, 'source', { user: 'ada' }).choices();
    const id = String(choice?.value);
    expect(id).toBe(addedLinkId);
    const first = await harness.server.driver.slash('/remove', { source: id }, { user: 'ada' }).reply();
    expect(first.flags ?? 0).toBe(MessageFlags.Ephemeral);
    expect(first.embeds[0]?.title).toBe(`Remove ${addedArticle.title}?`);
    expect(first.embeds[0]?.description).toContain('Added by Ada.');
    expect(first.embeds[0]?.description).toContain('its 4 passages, its key dates and its digest mentions');
    const kept = await harness.server.driver.click(first, buttonWithLabel(first, 'Keep it')).reply();
    expect(kept.content).toBe(`Kept *${addedArticle.title}*: nothing was removed.`);
    expect(harness.services.search.documents.some((document) => document.id === id)).toBe(true);

    const second = await harness.server.driver.slash('/remove', { source: id }, { user: 'ada' }).reply();
    const removed = await harness.server.driver.click(second, buttonWithLabel(second, 'Remove')).reply();
    expect(removed.content).toBe(`Removed *${addedArticle.title}* (id \`${id}\`). It no longer answers questions.`);
    expect(customIds(removed)).toEqual([]);
    expect(await storedCount()).toBe(0);
    const answer = await harness.server.driver.slash('/ask', { question: 'When was the Ferghana Valley water accord signed?' }, { user: 'bob' }).reply();
    expect(JSON.stringify(answer)).not.toContain(addedArticle.firstSentence);
  });

  let report: Uint8Array;
  const reportTitle = reportPdfSpec.info?.Title ?? '';
  const pdfFile = () => ({ data: Buffer.from(report), filename: 'decade-report.pdf', contentType: 'application/pdf' });
  let pdfPreview: APIMessage;
  let editing: ReturnType<Harness['server']['driver']['click']>;

  it('previews an attached PDF, downloaded at once from its expiring link, with its title, author and page count', async () => {
    report = await makePdf(reportPdfSpec);
    pdfPreview = await add({ file: pdfFile() }).reply();
    const [embed] = pdfPreview.embeds;
    expect(embed?.title).toBe(`Preview: ${reportTitle}`);
    const field = (name: string) => embed?.fields?.find((candidate) => candidate.name === name)?.value;
    expect(field('Author')).toBe('Keiko Tanaka');
    expect(field('Format')).toBe('PDF');
    expect(Number(field('Passages'))).toBeGreaterThan(0);
    expect(customIds(pdfPreview).map((customId) => customId.split(':').slice(0, 2).join(':'))).toEqual(['add:commit', 'add:edit', 'add:cancel']);
  });

  it('refuses an impossible date typed in the Edit form, saying how to write it, and keeps the preview as it was', async () => {
    editing = harness.server.driver.click(pdfPreview, buttonWithLabel(pdfPreview, 'Edit'));
    await editing.modal();
    const refused = await harness.server.driver.submitModal(editing, { published: '2025-13-40' }).reply();
    expect(refused.content).toBe('“2025-13-40” is not a publication date. Write it as 2025, 2025-05 or 2025-05-05, as precisely as you know it.');
    expect(refused.flags ?? 0).toBe(MessageFlags.Ephemeral);
    const unchanged = harness.server.state.messages.get(pdfPreview.id)?.message;
    expect(unchanged?.embeds[0]?.title).toBe(`Preview: ${reportTitle}`);
  });

  it('updates the preview with the title and date submitted in the Edit form', async () => {
    editing = harness.server.driver.click(pdfPreview, buttonWithLabel(pdfPreview, 'Edit'));
    await editing.modal();
    const updated = await harness.server.driver.submitModal(editing, { title: 'A decade of dialogue (annotated)', published: '2025-06-07' }).reply();
    expect(updated.id).toBe(pdfPreview.id);
    const [embed] = updated.embeds;
    expect(embed?.title).toBe('Preview: A decade of dialogue (annotated)');
    const published = embed?.fields?.find((candidate) => candidate.name === 'Published')?.value ?? '';
    expect(published).toContain(`<t:${Date.UTC(2025, 5, 7, 12) / 1000}:D>`);
    expect(published).toContain('set by the person who added it');
    pdfPreview = updated;
  });

  it('adds the PDF with Add, and /ask quotes it word for word with its page', async () => {
    const added = await harness.server.driver.click(pdfPreview, buttonWithLabel(pdfPreview, 'Add')).reply();
    expect(added.content).toMatch(/^Added \*A decade of dialogue \(annotated\)\* \(id `[^`]+`, \d+ passages\)\. It is answerable now/);
    const answer = await harness.server.driver.slash('/ask', { question: 'How large was the yen loan for the modernisation of the power grid?' }, { user: 'bob' }).reply();
    const embed = answer.embeds.find((candidate) => JSON.stringify(candidate).includes('A decade of dialogue (annotated)'));
    const description = embed?.description ?? '';
    expect(description).toContain('Uzbekistan received a yen loan of 39 billion yen for the modernisation of its power grid.');
    expect(description).toMatch(/\*A decade of dialogue \(annotated\)\* · Keiko Tanaka · .* · p\. 2, passage \d+ of \d+/);
  });

  it('refuses the same file attached twice, naming the document already added and its id', async () => {
    const [stored] = addedWith('A decade of dialogue (annotated)');
    const again = await add({ file: { ...pdfFile(), filename: 'copy of the report.pdf' } }).reply();
    expect(again.content).toBe(`The same document is already in the library: “A decade of dialogue (annotated)” (id ${stored?.id ?? '?'}). Nothing was added.`);
    // Only the PDF: the link's document was removed above.
    expect(await storedCount()).toBe(1);
  });

  it('names the supported formats for an unsupported file (.pptx)', async () => {
    const deck = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'ppt/presentation.xml': strToU8('<p:presentation/>') });
    const reply = await add({ file: { data: Buffer.from(deck), filename: 'deck.pptx', contentType: pptxType } }).reply();
    expect(reply.content).toMatch(/^\\?`\.pptx\\?` is not supported; supported are PDF, DOCX, HTML, Markdown and text\.$/);
  });

  it('asks for the file again when its Discord link has expired before the bot downloads it', async () => {
    const handle = add({ file: { data: Buffer.from('# Notes\n\nThe corridor opened in May 2025.\n'), filename: 'notes.md', contentType: 'text/markdown' } });
    // The bot downloads right after it defers: Discord's clock moves past the link's lifetime in between.
    const stopWatching = harness.server.events.on('interaction-response', (response) => {
      if (response.interactionId === handle.record.id) discordOffsetMs += attachmentUrlLifetimeMs + 1_000;
    });
    const reply = await handle.reply().finally(stopWatching);
    expect(discordOffsetMs).toBeGreaterThan(attachmentUrlLifetimeMs);
    expect(reply.content).toBe('"notes.md" could no longer be downloaded: Discord\'s link to it has expired or the file was deleted. Attach the file again and run /add again.');
    expect(await storedCount()).toBe(1);
  });

  it('refuses an attachment over the library\'s configured size cap (ADD_MAX_BYTES), by its size as Discord states it', async () => {
    const big = Buffer.from(`# Long notes\n\n${'The corridor opened in May 2025. '.repeat(5000)}\n`);
    expect(big.length).toBeGreaterThan(maxBytes);
    const reply = await add({ file: { data: big, filename: 'long-notes.md', contentType: 'text/markdown' } }).reply();
    // The download's own words (the extractor's differ): the cap is the configured one, not a constant of the download.
    expect(reply.content).toBe('"long-notes.md" is 161 KB, over the 128 KB limit for documents. Add a smaller file or split it.');
    expect(await storedCount()).toBe(1);
  });
});
