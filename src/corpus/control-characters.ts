/**
 * Characters that make a terminal or a calendar do something instead of showing text: C0
 * controls but tab and line feed (so ESC, which starts ANSI sequences, and BEL), a carriage
 * return not part of a line break, DEL, the C1 controls (U+009B is an 8-bit CSI), and the
 * bidirectional overrides and isolates that reorder how a line reads.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/gu;

/**
 * Text from a document, made inert: every control character becomes its visible `\uXXXX`
 * escape. The same escape is valid inside JSON strings, so JSON text keeps its meaning.
 * Idempotent, and linear in the text's length.
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(controlCharacters, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
