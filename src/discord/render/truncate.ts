/** What is left of a text after fitting it into a length, and whether anything was cut. */
export interface CutText {
  text: string;
  /** True when the text was shortened; the text then ends with an ellipsis. */
  cut: boolean;
}

/** Appended where a text was cut, so a shortened quote never passes for the whole one. */
export const ellipsis = ' …';

const sentenceEnd = /[.!?…][”’"')\]]*(?=\s)/g;

/**
 * Shortens `text` to at most `maxLength` characters, ellipsis included. It cuts after the
 * last sentence that fits when that keeps at least half the room, otherwise at the last
 * word boundary, and only splits a word when a single word is longer than the room.
 */
export function cutAtBoundary(text: string, maxLength: number): CutText {
  if (text.length <= maxLength) return { text, cut: false };
  const room = maxLength - ellipsis.length;
  if (room <= 0) return { text: ellipsis.trim().slice(0, Math.max(0, maxLength)), cut: true };
  const window = text.slice(0, room + 1);

  let sentenceCut = -1;
  for (const match of window.matchAll(sentenceEnd)) {
    const end = match.index + match[0].length;
    if (end <= room) sentenceCut = end;
  }
  if (sentenceCut >= room / 2) return { text: text.slice(0, sentenceCut) + ellipsis, cut: true };

  const wordCut = window.search(/\s\S*$/);
  if (wordCut > 0) {
    const kept = text.slice(0, wordCut).replace(/[\s,;:–—-]+$/u, '');
    if (kept.length > 0) return { text: kept + ellipsis, cut: true };
  }
  return { text: hardCut(text, room) + ellipsis, cut: true };
}

/**
 * Cuts `raw` so that `format(cut)` fits in `maxLength`. Formatting (escaping, quote
 * markers) makes text longer by an amount that depends on the text, so the room is
 * narrowed until the formatted result fits.
 */
export function fitFormatted(raw: string, maxLength: number, format: (text: string) => string): CutText {
  let room = maxLength;
  for (let attempt = 0; attempt < 12 && room > 0; attempt += 1) {
    const piece = cutAtBoundary(raw, room);
    const formatted = format(piece.text);
    if (formatted.length <= maxLength) return { text: formatted, cut: piece.cut };
    room -= Math.max(1, formatted.length - maxLength);
  }
  const fallback = format(ellipsis.trim());
  return { text: fallback.length <= maxLength ? fallback : '', cut: true };
}

/** Shortens a one-line label (a title, a button label) to `maxLength`, showing the cut. */
export function clampLine(text: string, maxLength: number): string {
  return cutAtBoundary(text.replace(/\s+/g, ' ').trim(), maxLength).text;
}

/** Cuts at `length` without splitting a surrogate pair, so no half emoji is left. */
function hardCut(text: string, length: number): string {
  const code = text.charCodeAt(length - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? length - 1 : length;
  return text.slice(0, end);
}
