import { describe, expect, it } from 'vitest';
import { splitPassages } from '../../src/corpus/passages.js';
import { isUserError } from '../../src/errors.js';
import { extractDocument } from '../../src/extract/extract.js';
import { articleParagraphs, makeHtml, type HtmlSpec } from './fixtures/make.js';
import { asSourceDocument, failure, offsetOf } from './helpers.js';

const spec: HtmlSpec = { title: 'Japan and Central Asia agree on minerals', author: 'Jane Doe', site: 'Asia Times', published: '2025-12-09T10:00:00+09:00', lang: 'en', paragraphs: articleParagraphs, metadata: 'meta' };

function page(html: string, contentType: string | null = 'text/html; charset=utf-8') {
  return extractDocument({ bytes: new TextEncoder().encode(html), fileName: null, contentType });
}

describe('web page text', () => {
  it('keeps every paragraph of the article word for word', async () => {
    const document = await page(makeHtml(spec));
    for (const paragraph of articleParagraphs) offsetOf(document, paragraph);
  });

  it('leaves navigation, the cookie banner, ads, related links and the footer out', async () => {
    const { body } = await page(makeHtml(spec));
    for (const boilerplate of ['Subscribe now', 'cookies', 'ADVERTISEMENT', 'Related stories', 'Markets close higher', 'All rights reserved']) expect(body).not.toContain(boilerplate);
  });

  it('writes a table of the article as rows, one line each', async () => {
    const table = '<table><thead><tr><th>Country</th><th>Loan</th></tr></thead><tbody><tr><td>Uzbekistan</td><td>39 billion yen</td></tr></tbody></table>';
    const document = await page(makeHtml({ ...spec, paragraphs: [...articleParagraphs.slice(0, 2), table, ...articleParagraphs.slice(2)] }).replace(/<p>(<table>.*<\/table>)<\/p>/, '$1'));
    offsetOf(document, '| Country | Loan |\n| Uzbekistan | 39 billion yen |');
  });

  it('splits into one passage per paragraph, each an exact slice of the body', async () => {
    const document = await page(makeHtml(spec));
    const passages = splitPassages(asSourceDocument(document));
    for (const passage of passages) expect(document.body.slice(passage.start, passage.end)).toBe(passage.text);
    expect(passages.some((passage) => passage.text.startsWith('Officials said the framework'))).toBe(true);
  });
});

describe('web page metadata', () => {
  it('reads title, author, site name, date and language from OpenGraph and <meta> tags', async () => {
    const { metadata, warnings } = await page(makeHtml(spec));
    expect(metadata).toMatchObject({ title: spec.title, author: 'Jane Doe', outlet: 'Asia Times', language: 'en', published: { iso: '2025-12-09', precision: 'day' }, publishedBasis: 'article:published_time meta tag' });
    expect(warnings).toEqual([]);
  });

  it('reads the same fields from JSON-LD inside an @graph', async () => {
    const { metadata } = await page(makeHtml({ ...spec, metadata: 'json-ld', published: '2025-12-08' }));
    expect(metadata).toMatchObject({ title: spec.title, author: 'Jane Doe', outlet: 'Asia Times', published: { iso: '2025-12-08', precision: 'day' }, publishedBasis: "datePublished in the page's JSON-LD" });
  });

  it('keeps the publisher\'s calendar day of a timestamp instead of shifting it to UTC', async () => {
    const { metadata } = await page(makeHtml({ ...spec, published: '2025-12-09T01:30:00+09:00' }));
    expect(metadata.published).toEqual({ iso: '2025-12-09', precision: 'day' });
  });

  it('falls back to the <title> and the byline when the page has no metadata tags, and leaves the rest unknown', async () => {
    const { metadata } = await page(makeHtml({ ...spec, metadata: 'none' }));
    expect(metadata).toMatchObject({ title: spec.title, author: 'Jane Doe', outlet: null, published: null });
  });

  it('warns about a published date it cannot pin down and leaves it unknown', async () => {
    const { metadata, warnings } = await page(makeHtml({ ...spec, published: 'Tuesday last week' }));
    expect(metadata.published).toBeNull();
    expect(warnings).toEqual(['The published date could not be pinned down from "Tuesday last week" (article:published_time meta tag); set it with "published", e.g. 2025-05-05.']);
  });

  it('decodes the page by the charset the server declares', async () => {
    const html = makeHtml({ ...spec, paragraphs: [`${articleParagraphs[0]} Café diplomacy, naïve hopes.`, ...articleParagraphs.slice(1)] }).replace('<meta charset="utf-8">', '');
    const latin1 = Uint8Array.from(html, (character) => character.charCodeAt(0));
    const document = await extractDocument({ bytes: latin1, contentType: 'text/html; charset=ISO-8859-1' });
    offsetOf(document, 'Café diplomacy, naïve hopes.');
  });
});

describe('web page failures', () => {
  it('says a page with no article text has nothing to quote', async () => {
    const error = await failure(page('<!doctype html><html><head><title>App</title></head><body><div id="root"></div><script>start()</script></body></html>'));
    expect(isUserError(error)).toBe(true);
    expect(error.message).toContain('this page has no article text to quote');
  });
});
