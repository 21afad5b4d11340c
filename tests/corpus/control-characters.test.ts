import { describe, expect, it } from 'vitest';
import { escapeControlCharacters } from '../../src/corpus/control-characters.js';

describe('escapeControlCharacters', () => {
  it('shows ESC, BEL, DEL, an 8-bit CSI and a bidirectional override as visible escapes', () => {
    expect(escapeControlCharacters('a\u001b[31mb\u0007c\u007fd\u009be\u202ef')).toBe('a\\u001b[31mb\\u0007c\\u007fd\\u009be\\u202ef');
  });

  it('keeps tabs and line breaks, CRLF included, but not a bare carriage return', () => {
    expect(escapeControlCharacters('one\ttwo\nthree\r\nfour\rfive')).toBe('one\ttwo\nthree\r\nfour\\u000dfive');
  });

  it('leaves text in any script, emoji and right-to-left marks as they are, and is idempotent', () => {
    const text = 'Япония 日本 🇯🇵 עברית\u200f';
    expect(escapeControlCharacters(text)).toBe(text);
    const once = escapeControlCharacters('x\u001by');
    expect(escapeControlCharacters(once)).toBe(once);
  });
});
