import { describe, expect, it } from 'vitest';
import { limitViolations } from '../../../src/discord/render/limits.js';
import { markedSnippet, renderSearchPage } from '../../../src/discord/render/search.js';
import { citedPassage, matchOf } from '../fixtures/passages.js';

describe('renderSearchPage', () => {
  it('shows each matching term in bold and escapes the text around it', () => {
    const match = matchOf(citedPassage({ text: 'In 2024 Japan lent *Uzbekistan* 39 billion yen.' }), ['Uzbekistan', 'billion']);
    const payload = renderSearchPage({ query: 'Uzbekistan billion', results: { terms: 'Uzbekistan billion', matches: [match] }, page: 0, sessionId: 'id', passageTotal: () => 9 });
    const value = payload.embeds?.[0]?.fields?.[0]?.value ?? '';
    expect(value).toContain('\\***Uzbekistan**\\*');
    expect(value).toContain('39 **billion** yen.');
    expect(value).toContain('passage 3 of 9');
  });

  it('cites the page of a match in a paged document', () => {
    const match = matchOf(citedPassage({ text: 'In 2024 Japan lent Uzbekistan 39 billion yen.', page: 2 }), ['Uzbekistan']);
    const payload = renderSearchPage({ query: 'Uzbekistan', results: { terms: 'Uzbekistan', matches: [match] }, page: 0, sessionId: 'id', passageTotal: () => 9 });
    expect(payload.embeds?.[0]?.fields?.[0]?.value).toContain('p. 2, passage 3 of 9');
  });

  it('shows the part of a long passage around its first match, with the cuts marked', () => {
    const text = `${'Lorem ipsum dolor sit amet. '.repeat(100)}The railway to Termez opened. ${'More text follows here. '.repeat(100)}`;
    const snippet = markedSnippet(matchOf(citedPassage({ text }), ['Termez']), 400);
    expect(snippet.length).toBeLessThanOrEqual(400);
    expect(snippet.startsWith('… ')).toBe(true);
    expect(snippet.endsWith(' …')).toBe(true);
    expect(snippet).toContain('**Termez**');
  });

  it('says so when nothing matches, naming the terms', () => {
    const payload = renderSearchPage({ query: 'zeppelin', results: { terms: 'zeppelin', matches: [] }, page: 0, sessionId: 'id', passageTotal: () => 1 });
    expect(payload.content).toContain('No passage contains “zeppelin”');
  });

  it('pages 25 long matches five at a time within every limit', () => {
    const text = `${'word '.repeat(2000)}target ${'*'.repeat(3000)}`;
    const matches = Array.from({ length: 25 }, (_, index) => matchOf(citedPassage({ ordinal: index + 1, text, title: '_'.repeat(400) }), ['target']));
    for (let page = 0; page < 5; page += 1) {
      const payload = renderSearchPage({ query: '*'.repeat(300), results: { terms: 'target', matches }, page, sessionId: 'id', passageTotal: () => 30 });
      expect(limitViolations(payload)).toEqual([]);
      expect(payload.embeds?.[0]?.fields).toHaveLength(5);
    }
  });
});
