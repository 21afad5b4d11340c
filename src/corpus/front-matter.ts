import { createRequire } from 'node:module';
import type * as YamlModule from 'yaml';
import type { Document } from 'yaml';
import { z } from 'zod';
import { parseIsoPartialDate } from './partial-date.js';
import type { PartialDate } from './types.js';

type Yaml = typeof YamlModule;
let loadedYaml: Yaml | undefined;

/**
 * The YAML parser, loaded when front matter is first read: a warm command line serves every file
 * from the folder cache (src/library/file-cache.ts) and parses none, and loading it was about
 * 30 ms of a warm `briefing ask`.
 */
function yaml(): Yaml {
  loadedYaml ??= createRequire(import.meta.url)('yaml') as Yaml;
  return loadedYaml;
}

/** The metadata a document may declare in YAML front matter. Every field is optional. */
export interface DocumentMetadata {
  id?: string;
  title?: string;
  author: string | null;
  outlet: string | null;
  published: PartialDate | null;
  publishedBasis: string | null;
}

export type FrontMatterResult =
  | { ok: true; metadata: DocumentMetadata | null; bodyOffset: number }
  | { ok: false; line: number; reason: string };

const metadataSchema = z
  .object({
    id: z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u, 'use letters, digits, dots, dashes or underscores, e.g. "acme-2025-05-report"').optional(),
    title: z.string().trim().min(1, 'must not be empty').optional(),
    author: z.string().trim().min(1).nullable().optional(),
    outlet: z.string().trim().min(1).nullable().optional(),
    published: z
      .union([z.string(), z.number().int()])
      .transform(String)
      .refine((value) => parseIsoPartialDate(value) !== null, 'must be a real date written YYYY, YYYY-MM or YYYY-MM-DD, e.g. "2025-05-05"')
      .nullable()
      .optional(),
    published_precision: z.enum(['year', 'month', 'day']).optional(),
    published_basis: z.string().nullable().optional(),
  })
  .passthrough();


/**
 * Finds and validates YAML front matter at the start of a file's text. Front matter is
 * optional; when it is present but wrong, the result names the file line and the reason
 * so the person who wrote it can fix it.
 */
export function parseFrontMatter(text: string): FrontMatterResult {
  const opening = /^---[ \t]*\r?\n/.exec(text);
  if (!opening) return { ok: true, metadata: null, bodyOffset: 0 };

  const closing = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;
  const rest = text.slice(opening[0].length);
  const closingMatch = closing.exec(rest);
  if (!closingMatch) return { ok: false, line: 1, reason: 'front matter opened with "---" on line 1 is never closed; end it with a line "---"' };

  const yamlText = rest.slice(0, closingMatch.index);
  const bodyOffset = opening[0].length + closingMatch.index + closingMatch[0].length;
  const lineCounter = new (yaml().LineCounter)();
  const document = yaml().parseDocument(yamlText, { lineCounter, prettyErrors: false });
  // The YAML starts on file line 2, after the opening "---".
  const fileLine = (offset: number) => lineCounter.linePos(offset).line + 1;

  const [yamlError] = document.errors;
  if (yamlError) return { ok: false, line: fileLine(yamlError.pos[0]), reason: `invalid YAML: ${firstLine(yamlError.message)}` };

  // Metadata never needs an alias, and expanding nested ones can take exponential time and memory.
  const alias = firstAliasOffset(document);
  if (alias !== undefined) return { ok: false, line: fileLine(alias), reason: 'YAML aliases (*name) are not allowed in front matter; write the value out in full' };

  const data: unknown = document.toJS({ maxAliasCount: 0 }) ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) return { ok: false, line: 2, reason: 'front matter must be a set of "key: value" lines' };

  const parsed = metadataSchema.safeParse(data);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const key = String(issue?.path[0] ?? '');
    return { ok: false, line: lineOfKey(document, key, fileLine) ?? 2, reason: `${key || 'front matter'}: ${issue?.message ?? 'invalid'}` };
  }

  const value = parsed.data;
  const published = value.published ? parseIsoPartialDate(value.published) : null;
  if (published && value.published_precision && value.published_precision !== published.precision) {
    return {
      ok: false,
      line: lineOfKey(document, 'published_precision', fileLine) ?? 2,
      reason: `published_precision: "${value.published_precision}" does not match published "${published.iso}" (${published.precision} precision)`,
    };
  }
  return {
    ok: true,
    bodyOffset,
    metadata: {
      ...(value.id !== undefined && { id: value.id }),
      ...(value.title !== undefined && { title: value.title }),
      author: value.author ?? null,
      outlet: value.outlet ?? null,
      published,
      publishedBasis: value.published_basis ?? null,
    },
  };
}

function lineOfKey(document: Document, key: string, fileLine: (offset: number) => number): number | undefined {
  const { isMap, isScalar } = yaml();
  if (!isMap(document.contents)) return undefined;
  const pair = document.contents.items.find((item) => isScalar(item.key) && item.key.value === key);
  const range = isScalar(pair?.key) ? pair.key.range : undefined;
  return range ? fileLine(range[0]) : undefined;
}

function firstAliasOffset(document: Document): number | undefined {
  let offset: number | undefined;
  const { visit } = yaml();
  visit(document, {
    Alias(_, alias) {
      offset = alias.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0] ?? message;
}
