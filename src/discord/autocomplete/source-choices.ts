import { createHash } from 'node:crypto';
import MiniSearch from 'minisearch';
import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import type { SourceDocument } from '../../corpus/types.js';
import { UserError } from '../../errors.js';
import { plainDate } from '../render/dates.js';
import { escapeText } from '../render/escape.js';
import { discordLimits } from '../render/limits.js';
import { clampLine } from '../render/truncate.js';

type Choice = ApplicationCommandOptionChoiceData<string>;

const indexes = new WeakMap<readonly SourceDocument[], MiniSearch<SourceDocument>>();

function indexOf(documents: readonly SourceDocument[]): MiniSearch<SourceDocument> {
  let index = indexes.get(documents);
  if (index === undefined) {
    index = new MiniSearch<SourceDocument>({
      fields: ['title', 'id', 'author', 'outlet'],
      extractField: (document, field) => {
        const value = document[field as keyof SourceDocument];
        return typeof value === 'string' ? value : '';
      },
      searchOptions: { prefix: true, fuzzy: 0.25, boost: { title: 3, id: 2 }, combineWith: 'OR' },
    });
    index.addAll(documents);
    indexes.set(documents, index);
  }
  return index;
}

const longIdKeyPrefix = 'source#';

/**
 * What a choice for this document carries: its id when Discord can pass it back (at most
 * 100 characters), else a short key made from a hash of the id, which `resolveSource` reads.
 */
export function sourceChoiceValue(id: string): string {
  if (id.length <= discordLimits.choiceValue) return id;
  return `${longIdKeyPrefix}${createHash('sha256').update(id).digest('hex').slice(0, 32)}`;
}

/**
 * Suggestions for a `source` option: documents whose title, id, author or outlet match
 * what was typed, allowing typos and unfinished words, best first, at most 25. Each shows
 * the title with author and date, and carries the document id (or its short key) as its value.
 */
export function sourceChoices(documents: readonly SourceDocument[], typed: string): Choice[] {
  const query = typed.trim();
  let ranked: SourceDocument[];
  if (query === '') {
    ranked = [...documents].sort((left, right) => left.title.localeCompare(right.title));
  } else {
    const byId = new Map(documents.map((document) => [document.id, document]));
    const lower = query.toLowerCase();
    // A piece typed from the middle of a word is not a prefix, so plain containment comes first.
    const containing = documents.filter((document) => document.title.toLowerCase().includes(lower) || document.id.toLowerCase().includes(lower));
    const fuzzy = indexOf(documents)
      .search(query)
      .map((result) => byId.get(String(result.id)))
      .filter((document) => document !== undefined);
    ranked = [...new Set([...containing, ...fuzzy])];
  }
  return ranked.slice(0, discordLimits.autocompleteChoices).map((document) => ({ name: choiceName(document), value: sourceChoiceValue(document.id) }));
}

function choiceName(document: SourceDocument): string {
  const details = [document.author, plainDate(document.published?.iso ?? null, document.published?.precision ?? null)].filter((part) => part !== null).join(', ');
  const suffix = ` (${clampLine(details, 40)})`;
  return `${clampLine(document.title, discordLimits.choiceName - suffix.length)}${suffix}`;
}

/**
 * The document a `source` option names: by id or short key (what autocomplete fills in) or
 * by its exact title, ignoring case. Anything else is a UserError that says how to pick one.
 */
export function resolveSource(documents: readonly SourceDocument[], input: string): SourceDocument {
  const wanted = input.trim();
  const lower = wanted.toLowerCase();
  const found =
    documents.find((document) => document.id === wanted) ??
    (wanted.startsWith(longIdKeyPrefix) ? documents.find((document) => sourceChoiceValue(document.id) === wanted) : undefined) ??
    documents.find((document) => document.id.toLowerCase() === lower || document.title.trim().toLowerCase() === lower);
  if (found !== undefined) return found;
  const shown = escapeText(clampLine(wanted, 100));
  throw new UserError(`There is no source called “${shown}”. Pick one from the suggestions that appear as you type, or run /sources to list them all.`);
}
