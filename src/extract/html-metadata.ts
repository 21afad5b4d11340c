import type { parseHTML } from 'linkedom';
import { cleanField, pickDate } from './metadata.js';
import type { ExtractedMetadata } from './types.js';

/** What Readability itself found, used where the page's own tags are silent. */
export interface ReadabilityFindings {
  title?: string | null | undefined;
  byline?: string | null | undefined;
  siteName?: string | null | undefined;
  publishedTime?: string | null | undefined;
  lang?: string | null | undefined;
}

type JsonObject = Record<string, unknown>;

/** A parsed page, as linkedom gives it. */
export type HtmlDocument = ReturnType<typeof parseHTML>['document'];

const articleTypes = /Article|Posting|Report|NewsArticle|ScholarlyArticle|WebPage/;

/**
 * Reads a page's metadata from the places publishers put it, most deliberate first:
 * JSON-LD (schema.org), then OpenGraph and `<meta>` tags, then the document itself.
 * Must run before Readability, which rewrites the document it is given.
 */
export function readHtmlMetadata(document: HtmlDocument, readability: ReadabilityFindings, warnings: string[]): ExtractedMetadata {
  const meta = (...keys: string[]): string | null => {
    for (const key of keys) {
      const element = document.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
      const value = cleanField(element?.getAttribute('content'));
      if (value !== null) return value;
    }
    return null;
  };
  const ld = jsonLdArticle(document);
  const outlet = first(personNames(ld?.['publisher']), meta('og:site_name', 'application-name'), cleanField(readability.siteName));
  const title = first(text(ld?.['headline']), meta('og:title', 'twitter:title', 'dc.title', 'DC.title'), cleanField(readability.title), cleanField(document.title));
  return {
    id: null,
    title: title === null ? null : withoutSiteName(title, outlet),
    author: first(personNames(ld?.['author']), notUrl(meta('author', 'article:author', 'parsely-author', 'dc.creator', 'DC.creator')), byline(readability.byline)),
    outlet,
    language: first(cleanField(document.documentElement.getAttribute('lang')), cleanField(document.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content')), text(ld?.['inLanguage']), locale(meta('og:locale')), cleanField(readability.lang)),
    ...pickDate(
      [
        { raw: ld?.['datePublished'], basis: 'datePublished in the page\'s JSON-LD' },
        { raw: meta('article:published_time'), basis: 'article:published_time meta tag' },
        { raw: meta('datePublished', 'date', 'pubdate', 'publish-date', 'dc.date', 'DC.date', 'dcterms.date'), basis: 'date meta tag' },
        { raw: readability.publishedTime, basis: 'published time found by Readability' },
        { raw: document.querySelector('time[datetime]')?.getAttribute('datetime'), basis: 'first <time> element of the page' },
      ],
      warnings,
    ),
  };
}

/** Pages often title themselves "Headline | Site"; the site is the outlet already, so the title is the headline alone. */
export function withoutSiteName(title: string, outlet: string | null): string {
  if (outlet === null) return title;
  const separators = [' | ', ' - ', ' – ', ' — ', ' :: ', ' · '];
  for (const separator of separators) {
    const suffix = `${separator}${outlet}`;
    if (title.length > suffix.length && title.toLowerCase().endsWith(suffix.toLowerCase())) return title.slice(0, -suffix.length).trim();
    const prefix = `${outlet}${separator}`;
    if (title.length > prefix.length && title.toLowerCase().startsWith(prefix.toLowerCase())) return title.slice(prefix.length).trim();
  }
  return title;
}

function first(...values: (string | null)[]): string | null {
  return values.find((value) => value !== null) ?? null;
}

function text(value: unknown): string | null {
  if (Array.isArray(value)) return text(value[0]);
  return cleanField(value);
}

/** schema.org people and organisations: a name, an object with `name`, or a list of either. */
function personNames(value: unknown): string | null {
  const list = Array.isArray(value) ? value : [value];
  const names = list
    .map((item) => (typeof item === 'object' && item !== null ? cleanField((item as JsonObject)['name']) : cleanField(item)))
    .filter((name): name is string => name !== null);
  return names.length > 0 ? names.join(', ') : null;
}

/** `article:author` is often a profile URL, which names nobody. */
function notUrl(value: string | null): string | null {
  return value !== null && /^https?:\/\//i.test(value) ? null : value;
}

function byline(value: string | null | undefined): string | null {
  const cleaned = cleanField(value);
  return cleaned === null ? null : cleaned.replace(/^by\s+/i, '');
}

/** OpenGraph's `en_GB` is BCP 47's `en-GB`. */
function locale(value: string | null): string | null {
  return value === null ? null : value.replace('_', '-');
}

/** The first schema.org object on the page that describes an article, looking inside `@graph` lists. */
function jsonLdArticle(document: HtmlDocument): JsonObject | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    for (const item of jsonObjects(parseJson(script.textContent ?? ''))) {
      const type = item['@type'];
      const types = Array.isArray(type) ? type.map(String) : [String(type ?? '')];
      if (types.some((name) => articleTypes.test(name))) return item;
    }
  }
  return null;
}

function parseJson(source: string): unknown {
  try {
    return JSON.parse(source);
  } catch {
    return null;
  }
}

function jsonObjects(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(jsonObjects);
  if (typeof value !== 'object' || value === null) return [];
  const object = value as JsonObject;
  const graph = object['@graph'];
  return Array.isArray(graph) ? [object, ...graph.flatMap(jsonObjects)] : [object];
}
