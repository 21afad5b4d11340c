import { ButtonStyle, type APIButtonComponent } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { renderAnswerPage, type AnswerView } from '../../../src/discord/render/answer.js';
import { limitViolations } from '../../../src/discord/render/limits.js';
import { answerOf, citedPassage, unquote } from '../fixtures/passages.js';

const view = (overrides: Partial<AnswerView> = {}): AnswerView => ({
  answer: answerOf([citedPassage()]),
  page: 0,
  sessionId: 'AbCdEfGh',
  ephemeral: true,
  passageTotal: () => 12,
  ...overrides,
});

const buttons = (payload: ReturnType<typeof renderAnswerPage>): APIButtonComponent[] => (payload.components ?? []).flatMap((row) => row.components);
const label = (button: APIButtonComponent) => ('label' in button ? button.label : undefined);
const quoteOf = (description: string | undefined) => unquote((description ?? '').split('\n— ')[0] ?? '');

describe('renderAnswerPage', () => {
  it('quotes the passage word for word, followed by its full citation', () => {
    const passage = citedPassage({ heading: 'Background' });
    const payload = renderAnswerPage(view({ answer: answerOf([passage]) }));
    const description = payload.embeds?.[0]?.description ?? '';
    expect(quoteOf(description)).toBe(passage.text);
    const citation = description.split('\n').at(-1) ?? '';
    expect(citation).toContain('*Bridges, not blocs*');
    expect(citation).toContain('A. Writer');
    expect(citation).toContain('The Times of Central Asia');
    expect(citation).toContain(`<t:${Date.UTC(2025, 7, 20, 12) / 1000}:D>`);
    expect(citation).toContain('passage 3 of 12, under “Background”');
  });

  it('cites the page of a quote from a paged document, and both pages when it runs onto the next', () => {
    const onePage = renderAnswerPage(view({ answer: answerOf([citedPassage({ page: 4 })]) })).embeds?.[0]?.description ?? '';
    expect(onePage.split('\n').at(-1)).toContain('· p. 4, passage 3 of 12');
    const twoPages = renderAnswerPage(view({ answer: answerOf([citedPassage({ page: 4, pageEnd: 5 })]) })).embeds?.[0]?.description ?? '';
    expect(twoPages.split('\n').at(-1)).toContain('· pp. 4–5, passage 3 of 12');
    const unpaged = renderAnswerPage(view()).embeds?.[0]?.description ?? '';
    expect(unpaged).not.toMatch(/\bpp?\. \d/);
  });

  it('gives a month-precision date as the month, never as a day', () => {
    const payload = renderAnswerPage(view({ answer: answerOf([citedPassage({ published: '2025-05', publishedPrecision: 'month' })]) }));
    const description = payload.embeds?.[0]?.description ?? '';
    expect(description).toContain('May 2025');
    expect(description).not.toContain('<t:');
  });

  it('says the date is unknown when the source has none', () => {
    const payload = renderAnswerPage(view({ answer: answerOf([citedPassage({ published: null, publishedPrecision: null })]) }));
    expect(payload.embeds?.[0]?.description).toContain('date unknown');
  });

  it('says plainly when nothing answers the question well, and still shows the closest passages', () => {
    const payload = renderAnswerPage(view({ answer: answerOf([citedPassage()], false) }));
    expect(payload.content).toContain('Nothing in the sources answers this well');
    expect(payload.embeds).toHaveLength(1);
  });

  it('says nothing matches and offers no buttons when there is no passage at all', () => {
    const payload = renderAnswerPage(view({ answer: answerOf([], false) }));
    expect(payload.content).toContain('Nothing in the sources matches this');
    expect(payload.embeds).toBeUndefined();
    expect(payload.components).toBeUndefined();
  });

  it('cuts a 6,000-character paragraph at a sentence boundary and says the quote was shortened', () => {
    const sentence = 'Japan and the five Central Asian states agreed to expand cooperation on logistics and energy. ';
    const long = sentence.repeat(Math.ceil(6000 / sentence.length)).slice(0, 6000).trim();
    const payload = renderAnswerPage(view({ answer: answerOf([citedPassage({ text: long }), citedPassage({ text: long, ordinal: 4 }), citedPassage({ text: long, ordinal: 5 })]) }));
    expect(limitViolations(payload)).toEqual([]);
    const description = payload.embeds?.[0]?.description ?? '';
    expect(description).toContain('energy. …');
    expect(description).toContain('Quote shortened here');
    const shown = quoteOf(description.split('\n*Quote shortened')[0]).replace(/ …$/, '');
    expect(long.startsWith(shown)).toBe(true);
  });

  it('escapes Markdown from sources and questions, and never lets a mention ping', () => {
    const passage = citedPassage({ text: '**Breaking** @everyone <@123456789012345678> ||spoiler|| [click](https://evil.example) # Heading', title: '__Title__ `code`' });
    const payload = renderAnswerPage(view({ answer: answerOf([passage], true, 'Who is **really** in charge? @here') }));
    expect(payload.allowedMentions).toEqual({ parse: [] });
    const description = payload.embeds?.[0]?.description ?? '';
    expect(description).toContain('\\*\\*Breaking\\*\\*');
    expect(description).toContain('\\|\\|spoiler\\|\\|');
    expect(description).toContain('\\[click](https://evil.example)');
    expect(description).toContain('\\_\\_Title\\_\\_ \\`code\\`');
    expect(payload.content).toContain('\\*\\*really\\*\\*');
    expect(quoteOf(description)).toBe(passage.text);
  });

  it('pages through further passages with buttons that name the page they lead to', () => {
    const passages = Array.from({ length: 8 }, (_, index) => citedPassage({ ordinal: index + 1, text: `Passage number ${index + 1}.` }));
    const first = renderAnswerPage(view({ answer: answerOf(passages) }));
    const [previous, next] = buttons(first);
    expect(previous?.disabled).toBe(true);
    expect(next?.disabled).toBe(false);
    expect(next && 'custom_id' in next ? next.custom_id : '').toBe('ask:page:AbCdEfGh:1');
    const last = renderAnswerPage(view({ answer: answerOf(passages), page: 2 }));
    expect(last.embeds?.map((embed) => quoteOf(embed.description))).toEqual(['Passage number 7.', 'Passage number 8.']);
    expect(last.embeds?.at(-1)?.footer?.text).toBe('Page 3 of 3 · passages 7–8 of 8');
    expect(buttons(last)[1]?.disabled).toBe(true);
  });

  it('shows a page beyond the end as the last page instead of failing', () => {
    const passages = Array.from({ length: 4 }, (_, index) => citedPassage({ ordinal: index + 1 }));
    expect(renderAnswerPage(view({ answer: answerOf(passages), page: 99 })).embeds?.at(-1)?.footer?.text).toBe('Page 2 of 2 · passages 4–4 of 4');
  });

  it('offers "Post to channel" on an ephemeral answer only', () => {
    const privateLabels = buttons(renderAnswerPage(view({ ephemeral: true }))).map(label);
    const publicLabels = buttons(renderAnswerPage(view({ ephemeral: false }))).map(label);
    expect(privateLabels).toContain('Post to channel');
    expect(publicLabels).not.toContain('Post to channel');
    expect(buttons(renderAnswerPage(view())).find((button) => label(button) === 'Post to channel')?.style).toBe(ButtonStyle.Primary);
  });

  it('carries 👍 and 👎 feedback buttons on their own row', () => {
    const rows = renderAnswerPage(view()).components ?? [];
    expect(rows).toHaveLength(2);
    expect(rows[1]?.components.map((button) => ('emoji' in button ? button.emoji?.name : undefined))).toEqual(['👍', '👎']);
  });

  it('stays within every Discord limit with the longest titles, headings and quotes', () => {
    const huge = 'x'.repeat(5000);
    const passages = Array.from({ length: 12 }, (_, index) =>
      citedPassage({ ordinal: index + 1, title: `*${huge}`, author: `_${huge}`, outlet: `~${huge}`, heading: `|${huge}`, text: `${'*_`~|'.repeat(2000)}` }),
    );
    for (let page = 0; page < 4; page += 1) {
      const payload = renderAnswerPage(view({ answer: answerOf(passages, false, '*'.repeat(300)), page, sharedBy: '123456789012345678' }));
      expect(limitViolations(payload)).toEqual([]);
    }
  });
});
