import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { UserError } from '../errors.js';
import type { DocumentFormat, ExtractInput } from './types.js';
import { formatNames, formatOfExtension, unsupportedMessage } from './file-names.js';
import { zipEntryNames } from './zip-guard.js';

const byMediaType: Record<string, DocumentFormat> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/plain': 'text',
};

/** Media types that say nothing about the content, so they neither name a format nor refuse one. */
const vagueMediaTypes = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/x-download', 'application/force-download']);

/** Other zip-based formats, by the part that marks them. */
const zipKinds: [marker: string, extension: string][] = [
  ['ppt/presentation.xml', '.pptx'],
  ['xl/workbook.xml', '.xlsx'],
  ['content.xml', '.odt'],
  ['META-INF/container.xml', '.epub'],
];

export interface Sniffed {
  format: DocumentFormat;
  warnings: string[];
}

/**
 * The format the bytes really are. The name and the declared type are only hints: a
 * login page served as `report.pdf` is HTML, and is read as HTML with a warning. A type
 * that is not supported is named in the refusal.
 */
export async function sniffFormat(input: ExtractInput): Promise<Sniffed> {
  const declared = declaredFormat(input);
  const format = await realFormat(input, declared);
  const warnings = declared.format !== null && declared.format !== format ? [mismatch(declared, format)] : [];
  return { format, warnings };
}

interface Declared {
  format: DocumentFormat | null;
  /** How the input names its type for a message: ".pptx" or "text/csv"; null when it does not. */
  name: string | null;
}

/**
 * A known extension names the format; else a supported media type does (links end in `.php` or
 * nothing). A type that is not supported is named as the person knows it: by the file's
 * extension when it has one (a Discord attachment carries both, "deck.pptx" and a long media
 * type), else by its specific media type.
 */
function declaredFormat(input: ExtractInput): Declared {
  const rawExtension = path.extname(input.fileName ?? '').toLowerCase();
  const extension = /^\.[a-z0-9]{1,8}$/.test(rawExtension) ? rawExtension : '';
  const mediaType = (input.contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
  const fromExtension = formatOfExtension(input.fileName ?? '');
  if (fromExtension) return { format: fromExtension, name: extension };
  const fromMediaType = Object.hasOwn(byMediaType, mediaType) ? byMediaType[mediaType] : undefined;
  if (fromMediaType) return { format: fromMediaType, name: mediaType };
  if (extension !== '') return { format: null, name: extension };
  if (!vagueMediaTypes.has(mediaType)) return { format: null, name: mediaType };
  return { format: null, name: null };
}

async function realFormat(input: ExtractInput, declared: Declared): Promise<DocumentFormat> {
  const { bytes } = input;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (head.startsWith('PK\u0003\u0004')) return zipFormat(bytes, declared);
  if (!bytes.subarray(0, 8192).includes(0)) return textFormat(head, declared);
  const detected = await fileTypeFromBuffer(bytes.subarray(0, 64 * 1024));
  if (!detected && declared.format !== null) throw new UserError(`This file is named or served as ${formatNames[declared.format]} (${declared.name ?? ''}), but its content is not: it holds binary data of an unknown kind. It may be damaged; download or export it again.`);
  const name = detected?.ext === 'cfb' ? (declared.name ?? '.doc') : detected ? `.${detected.ext}` : declared.name;
  throw unsupported(name);
}

function zipFormat(bytes: Uint8Array, declared: Declared): DocumentFormat {
  const names = zipEntryNames(bytes);
  if (names === null) throw new UserError('This file looks like a ZIP archive but its directory cannot be read: it is damaged or cut short. Download or save it again.');
  if (names.includes('word/document.xml')) return 'docx';
  const kind = zipKinds.find(([marker]) => names.includes(marker))?.[1];
  throw unsupported(declared.format === null && declared.name !== null ? declared.name : (kind ?? '.zip'));
}

function textFormat(head: string, declared: Declared): DocumentFormat {
  if (looksLikeHtml(head) || (declared.format === 'html' && /^\s*</.test(head))) return 'html';
  if (declared.format === 'markdown' || declared.format === 'text') return declared.format;
  if (declared.format === null && declared.name !== null) throw unsupported(declared.name);
  return 'text';
}

/** A page starts with a doctype or one of the elements only HTML opens with, after any BOM, comments or XML prolog. */
export function looksLikeHtml(head: string): boolean {
  const start = head.replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '').replace(/^(?:\s+|<!--[\s\S]*?-->|<\?xml[^>]*\?>)*/, '');
  return /^<(?:!doctype\s+html|html|head|body|meta|title)\b/i.test(start);
}

function unsupported(name: string | null): UserError {
  return new UserError(unsupportedMessage(name));
}

function mismatch(declared: Declared, real: DocumentFormat): string {
  const expected = declared.format ? formatNames[declared.format] : 'something else';
  const loginHint = real === 'html' ? ' If you expected the document itself, the link may lead to a login or error page instead.' : '';
  return `It was named or served as ${expected} (${declared.name ?? 'unnamed'}), but its content is ${formatNames[real]}; it was read as ${formatNames[real]}.${loginHint}`;
}
