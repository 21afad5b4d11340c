import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { Config } from '../config.js';
import { splitPassages } from '../corpus/passages.js';
import type { LoadedCorpus, SourceDocument } from '../corpus/types.js';
import { UserError } from '../errors.js';
import { megabytes } from '../extract/messages.js';
import { createDocumentIntake } from '../library/intake.js';
import type { AddSource, MetadataOverrides } from '../library/intake-types.js';
import { withAddedDocuments } from '../library/library.js';
import type { Logger } from '../logger.js';
import { loadAddedDocuments, readOriginalFile } from '../storage/added-documents-store.js';
import type { AppDatabase } from '../storage/database.js';
import { parseCommandArguments } from './arguments.js';
import { withDatabase } from './stored-documents.js';
import { printJson, printText } from './output.js';

export interface LibraryCommandContext {
  config: Config;
  logger: Logger;
  /** The folder's documents only: the added ones are read from the database by each command. */
  folder: LoadedCorpus;
  stdout: NodeJS.WritableStream;
  cwd: string;
}

const addUsage = 'briefing add <file|url> [--title …] [--author …] [--outlet …] [--published YYYY[-MM[-DD]]] [--json]';
const removeUsage = 'briefing remove <id>';
const exportUsage = 'briefing export <dir> [--json]';

/**
 * An intake over the database, checking duplicates against the folder and the added documents as
 * they are now. The command exits after its one change, so nothing serves a read-back: it is not made.
 */
async function commandLineIntake(db: AppDatabase, context: LibraryCommandContext) {
  const served = withAddedDocuments(context.folder, await loadAddedDocuments(db)).documents;
  const { adding, links } = context.config;
  return createDocumentIntake({
    db,
    library: { documents: () => served, refresh: () => Promise.resolve() },
    limits: { maxBytes: adding.maxBytes, maxPages: adding.maxPages, timeoutMs: adding.timeoutMs },
    links: { allowPrivate: links.allowPrivate, maxBytes: adding.maxBytes },
    logger: context.logger,
  });
}

/** `briefing add`: stores a file or a link's document for every server, as `/add` does for one. */
export async function runAdd(args: string[], context: LibraryCommandContext): Promise<void> {
  const { values, text: target } = parseCommandArguments(args, {
    command: 'briefing add',
    usage: addUsage,
    example: 'e.g. briefing add reports/jica-2025.pdf --published 2025-05',
    text: 'file or link',
    options: { title: { type: 'string' }, author: { type: 'string' }, outlet: { type: 'string' }, published: { type: 'string' }, json: { type: 'boolean' } },
  });
  const overrides: MetadataOverrides = {
    ...(values.title !== undefined && { title: values.title }),
    ...(values.author !== undefined && { author: values.author }),
    ...(values.outlet !== undefined && { outlet: values.outlet }),
    ...(values.published !== undefined && { published: values.published }),
  };
  const source = await readSource(target, context);
  const document = await withDatabase(context.config, context.logger, async (db) => {
    const intake = await commandLineIntake(db, context);
    return intake.add({ source, overrides, scope: null, addedBy: null });
  });
  const passages = splitPassages(document).length;
  if (values.json) {
    printJson(context.stdout, { id: document.id, title: document.title, author: document.author, outlet: document.outlet, published: document.published?.iso ?? null, format: document.format, passages });
    return;
  }
  printText(context.stdout, `Added “${document.title}” (id ${document.id}): ${document.format}, ${passages} passage${passages === 1 ? '' : 's'}, for every server. A running bot serves it within LIBRARY_SYNC_SECONDS.\n`);
}

/** A link as given, or a file's bytes, read only when under the size cap. */
async function readSource(target: string, context: LibraryCommandContext): Promise<AddSource> {
  if (/^https?:\/\//i.test(target.trim())) return { kind: 'link', url: target.trim() };
  const file = path.resolve(context.cwd, target);
  const info = await stat(file).catch(() => null);
  if (info === null) throw new UserError(`There is no file at ${file}. Give the path of a PDF, Word, HTML, Markdown or text file, or a link starting with https://`);
  if (!info.isFile()) throw new UserError(`${file} is not a file. Give the path of one document.`);
  if (info.size > context.config.adding.maxBytes) {
    throw new UserError(`"${path.basename(file)}" is ${megabytes(info.size)}, over the ${megabytes(context.config.adding.maxBytes)} limit (ADD_MAX_BYTES); add a smaller file or split it.`);
  }
  return { kind: 'file', bytes: await readFile(file), fileName: path.basename(file), contentType: null };
}

/** `briefing remove`: removes an added document from every server that sees it. */
export async function runRemove(args: string[], context: LibraryCommandContext): Promise<void> {
  const { text: id } = parseCommandArguments(args, { command: 'briefing remove', usage: removeUsage, text: 'id', options: {} });
  const removed = await withDatabase(context.config, context.logger, async (db) => {
    const intake = await commandLineIntake(db, context);
    return intake.remove(id.trim(), null);
  });
  printText(context.stdout, `Removed “${removed.title}” (id ${removed.id}). A running bot stops quoting it within LIBRARY_SYNC_SECONDS.\n`);
}

const extensions: Record<SourceDocument['format'], string> = { pdf: '.pdf', html: '.html', docx: '.docx', markdown: '.md', text: '.txt' };

/**
 * `briefing export`: each added document as `<id>.md`, its metadata in front matter and its
 * extracted body after it (the corpus folder reads it back as the same text), and its original
 * file as it arrived under `originals/`: the PDF keeps its pages, and a better extractor can read it again.
 */
export async function runExport(args: string[], context: LibraryCommandContext): Promise<void> {
  const { values, text: directory } = parseCommandArguments(args, { command: 'briefing export', usage: exportUsage, text: 'folder', options: { json: { type: 'boolean' } } });
  const folder = path.resolve(context.cwd, directory);
  const written = await withDatabase(context.config, context.logger, async (db) => {
    const documents = await loadAddedDocuments(db);
    await mkdir(path.join(folder, 'originals'), { recursive: true }).catch((error: unknown) => {
      throw new UserError(`Cannot write to ${folder}: ${(error as NodeJS.ErrnoException).code ?? String(error)}. Choose a folder you can write to.`);
    });
    const files: { id: string; file: string; original: string | null }[] = [];
    // One document's bytes at a time: the export never holds the whole library's originals.
    for (const document of documents) {
      const file = `${document.id}.md`;
      await writeFile(path.join(folder, file), exportedText(document));
      const original = await readOriginalFile(db, document.id);
      const originalName = original === null ? null : path.join('originals', `${document.id}${originalExtension(original.fileName, document.format)}`);
      if (original !== null && originalName !== null) await writeFile(path.join(folder, originalName), original.bytes);
      files.push({ id: document.id, file, original: originalName });
    }
    return files;
  });
  if (values.json) printJson(context.stdout, { directory: folder, documents: written });
  else printText(context.stdout, `Exported ${written.length} added document${written.length === 1 ? '' : 's'} to ${folder}: each as <id>.md with its metadata in front matter, and its original file under originals/.\n`);
}

function originalExtension(fileName: string | null, format: SourceDocument['format']): string {
  const extension = path.extname(fileName ?? '').toLowerCase();
  return /^\.[a-z0-9]{1,8}$/.test(extension) ? extension : extensions[format];
}

/** Front matter the corpus folder reads (id, title, author, outlet, published) plus where the document came from. */
function exportedText(document: SourceDocument): string {
  const frontMatter = {
    id: document.id,
    title: document.title,
    author: document.author,
    outlet: document.outlet,
    published: document.published?.iso ?? null,
    ...(document.published && { published_precision: document.published.precision }),
    published_basis: document.publishedBasis,
    format: document.format,
    scope: document.scope,
    added_by: document.addition?.addedBy?.name ?? null,
    added_by_id: document.addition?.addedBy?.id ?? null,
    added_at: document.addition ? new Date(document.addition.addedAt).toISOString() : null,
    link: document.addition?.link ?? null,
    content_hash: document.contentHash,
    ...(document.pages && { pages: document.pages.map((page) => [page.page, page.start, page.end]) }),
  };
  return `---\n${stringify(frontMatter, { lineWidth: 0 })}---\n${document.body}`;
}
