import { endsSentence, isTableRule, readBlocks, tableCells, type Block } from './blocks.js';
import type { Passage, PassageKind } from './passage-types.js';
import { splitSentences } from './sentences.js';
import type { SourceDocument } from './types.js';

export interface SplitOptions {
  /** Paragraphs longer than this are split at sentence boundaries into passages of about this length. */
  maxPassageChars?: number;
}

/**
 * Bumped whenever a change to the splitting rules can move passage boundaries, so that
 * stored passages (the index snapshot) are cut again rather than reused.
 */
export const passageSplitterVersion = 2;

export const defaultSplitOptions = { maxPassageChars: 700 } as const;

type Draft = Omit<Passage, 'docId' | 'ordinal' | 'text'>;

interface SplitState {
  heading: string | null;
  inReferences: boolean;
  seenParagraph: boolean;
  tableHeaders: string[] | null;
  leadIn: string | null;
}

/**
 * Splits a document into passages a reader can quote and cite. Every passage is an
 * exact slice of the body; structure (headings, lead-ins, table headers) travels as
 * context beside the quote rather than inside it.
 */
export function splitPassages(document: SourceDocument, options: SplitOptions = {}): Passage[] {
  const maxChars = options.maxPassageChars ?? defaultSplitOptions.maxPassageChars;
  const { body } = document;
  const blocks = rejoinBrokenBlocks(body, readBlocks(body));
  const state: SplitState = { heading: null, inReferences: false, seenParagraph: false, tableHeaders: null, leadIn: null };
  const drafts: Draft[] = [];
  blocks.forEach((block, index) => drafts.push(...draftsFor(block, blocks[index + 1], state, body, maxChars)));
  return drafts.map((draft, index) => ({
    docId: document.id,
    ordinal: index + 1,
    ...draft,
    text: body.slice(draft.start, draft.end),
  }));
}

function draftsFor(block: Block, next: Block | undefined, state: SplitState, body: string, maxChars: number): Draft[] {
  if (block.shape === 'table-row') return tableRowDrafts(block, state);
  state.tableHeaders = null;

  if (block.shape === 'text' && isReferenceHeading(block.text)) {
    state.inReferences = true;
    state.heading = cleanHeading(block.text);
    return [];
  }
  if (block.shape === 'text' && (isHeading(block, next) || isMasthead(block, state))) {
    state.heading = state.seenParagraph || next?.shape === 'table-row' ? cleanHeading(block.text) : state.heading;
    state.leadIn = null;
    return [];
  }
  if (block.shape !== 'list-item') state.leadIn = null;

  const kind = kindOf(block, state);
  const context = block.shape === 'list-item' ? state.leadIn : null;
  if (block.shape === 'text' && next?.shape === 'list-item' && block.text.endsWith(':')) state.leadIn = block.text;
  state.seenParagraph = true;
  if (kind === 'paragraph' && block.text.length < 25 && block.text.endsWith(':')) return [];
  return splitLongBlock(block, body, maxChars).map(({ start, end }) => ({ start, end, kind, heading: state.heading, context }));
}

function tableRowDrafts(block: Block, state: SplitState): Draft[] {
  if (isTableRule(block.text)) return [];
  const cells = tableCells(block.text);
  if (state.tableHeaders === null) {
    state.tableHeaders = cells;
    return [];
  }
  const headers = state.tableHeaders;
  const context = cells.map((cell, index) => `${headers[index] ?? `column ${index + 1}`}: ${cell}`).join('; ');
  state.seenParagraph = true;
  return [{ start: block.start, end: block.end, kind: 'table-row', heading: state.heading, context }];
}

function kindOf(block: Block, state: SplitState): PassageKind {
  if (state.inReferences) return 'reference';
  if (block.shape === 'footnote') return 'footnote';
  if (block.shape === 'list-item') return 'list-item';
  return 'paragraph';
}

const referenceHeading = /^(?:#+\s*)?\**(?:list of references|references|bibliography|works cited|literature|sources|список литературы|литература)\**\s*:?\s*$/iu;

function isReferenceHeading(text: string): boolean {
  return referenceHeading.test(text.trim());
}

/** Title, byline and dateline lines above the first paragraph: metadata already carries them. */
function isMasthead(block: Block, state: SplitState): boolean {
  return !state.seenParagraph && block.text.length <= 120 && !withoutNoteMarks(block.text).endsWith('.');
}

/** A sentence's trailing note references ("…minerals.[1]", "…minerals.²"): a Word file's footnotes leave them, and they do not make a line a heading. */
function withoutNoteMarks(text: string): string {
  return text.replace(/(?:\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)+$/u, '');
}

const trailingFunctionWord = /\b(?:a|an|the|of|to|in|on|at|for|from|with|by|and|or|but|that|which|who|whose|as|than|into|under|over)$/i;

/** A short line that introduces what follows rather than saying something itself. */
function isHeading(block: Block, next: Block | undefined): boolean {
  if (/^#{1,6}\s/.test(block.text)) return true;
  const text = withoutNoteMarks(cleanHeading(block.text));
  const words = text.split(/\s+/).length;
  if (next === undefined || text.length > 120 || words > 16) return false;
  if (/[,;:]$/.test(block.text) || trailingFunctionWord.test(text)) return false;
  // A heading may end with a full stop, but then it is short and written in title case.
  if (/\.$/.test(text) && (words > 10 || next.shape === 'list-item' || capitalisedShare(text) < 0.75)) return false;
  // Two sentences in one line are prose, not a heading.
  if (/[.!?]\s+\p{Lu}/u.test(text.replace(/\b\p{Lu}\.\s/gu, ''))) return false;
  return !/^\p{Ll}/u.test(next.text) || next.shape !== 'text';
}

const minorWords = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'with', 'by', 'from', 'as', 'vs']);

/** How much of a line is in title case, not counting the small words that title case leaves lower case. */
function capitalisedShare(text: string): number {
  const words = text.split(/\s+/).filter((word) => !minorWords.has(word.toLowerCase()));
  if (words.length === 0) return 0;
  return words.filter((word) => /^["“(]?[\p{Lu}\d]/u.test(word)).length / words.length;
}

function cleanHeading(text: string): string {
  return text
    .replace(/^#+\s*/, '')
    .replace(/\*\*/g, '')
    .replace(/\\(?=[$*_])/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Rejoins what a page break cut apart: a sentence that stops mid-way and carries on
 * after the blank lines, and a footnote whose URL or last words spilled onto the next
 * block. Only when it is clear: the text on both sides is in the same script, and
 * nothing (a footnote, a list) stands in between.
 */
function rejoinBrokenBlocks(body: string, blocks: Block[]): Block[] {
  const joined: Block[] = [];
  // The script of each joined block's last letter, kept as blocks grow so no block is read twice.
  const lastScript = new Map<Block, string | null>();
  let openFootnoteScript: string | null = null;
  for (const block of blocks) {
    const previous = joined.at(-1);
    if (previous && block.afterBlankLine && continuesAcrossBreak(previous, lastScript.get(previous) ?? null, block)) {
      previous.end = block.end;
      previous.text = body.slice(previous.start, previous.end);
      lastScript.set(previous, scriptOf(block.text, 'last') ?? lastScript.get(previous) ?? null);
    } else if (block.shape === 'text' && block.afterBlankLine && /^\p{Ll}/u.test(block.text) && openFootnoteScript === scriptOf(block.text, 'first')) {
      // The rest of a footnote that a page break carried past the main text.
      const footnote: Block = { ...block, shape: 'footnote' };
      joined.push(footnote);
      lastScript.set(footnote, scriptOf(block.text, 'last'));
      openFootnoteScript = null;
    } else {
      const copy: Block = { ...block };
      joined.push(copy);
      lastScript.set(copy, scriptOf(block.text, 'last'));
    }
    const last = joined.at(-1);
    if (last?.shape === 'footnote') openFootnoteScript = endsSentence(last.text) ? null : (lastScript.get(last) ?? null);
  }
  return joined;
}

function continuesAcrossBreak(previous: Block, previousLastScript: string | null, next: Block): boolean {
  if (next.shape !== 'text') return false;
  if (previous.shape === 'footnote') {
    if (/^(?:URL|<?https?:\/\/)/i.test(next.text)) return /URL:$|\]$/.test(previous.text) || !endsSentence(previous.text);
    return !endsSentence(previous.text) && /^[\p{Ll}\d]/u.test(next.text) && previousLastScript === scriptOf(next.text, 'first');
  }
  if (previous.shape !== 'text' || previous.text.length < 80 || endsSentence(previous.text)) return false;
  if (/^\p{Lu}/u.test(next.text) && next.text.length < 80) return false;
  return previousLastScript === scriptOf(next.text, 'first');
}

/** The script of a text's first or last letter, looking only as far as that letter. */
function scriptOf(text: string, end: 'first' | 'last'): string | null {
  const letter = end === 'first' ? /\p{L}/u.exec(text)?.[0] : lastLetter(text);
  if (letter === undefined) return null;
  if (/\p{Script=Cyrillic}/u.test(letter)) return 'cyrillic';
  if (/\p{Script=Latin}/u.test(letter)) return 'latin';
  return 'other';
}

function lastLetter(text: string): string | undefined {
  for (let index = text.length - 1; index >= 0; index--) {
    const pairStart = index > 0 && isSurrogatePair(text.charCodeAt(index - 1), text.charCodeAt(index));
    const character = pairStart ? text.slice(index - 1, index + 1) : text.charAt(index);
    if (/^\p{L}$/u.test(character)) return character;
    if (pairStart) index--;
  }
  return undefined;
}

function isSurrogatePair(high: number, low: number): boolean {
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

/** Cuts an overlong block at sentence boundaries into pieces of similar, readable length. */
function splitLongBlock(block: Block, body: string, maxChars: number): Array<{ start: number; end: number }> {
  if (block.end - block.start <= maxChars * 1.3) return [{ start: block.start, end: block.end }];
  const sentences = splitSentences(body.slice(block.start, block.end), block.start);
  if (sentences.length < 2) return [{ start: block.start, end: block.end }];
  const pieceCount = Math.ceil((block.end - block.start) / maxChars);
  const target = (block.end - block.start) / pieceCount;
  const pieces: Array<{ start: number; end: number }> = [];
  let pieceStart = block.start;
  sentences.forEach((sentence, index) => {
    const isLast = index === sentences.length - 1;
    const length = sentence.end - pieceStart;
    const nextLength = isLast ? Infinity : (sentences[index + 1]?.end ?? sentence.end) - pieceStart;
    // Close the piece at the sentence that brings it closest to the target length.
    if (isLast || Math.abs(length - target) <= Math.abs(nextLength - target)) {
      pieces.push({ start: pieceStart, end: isLast ? block.end : sentence.end });
      pieceStart = sentences[index + 1]?.start ?? block.end;
    }
  });
  return pieces;
}
