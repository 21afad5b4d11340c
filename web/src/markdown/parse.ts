/*
 * The subset of Discord Markdown the bot writes, read into a tree of plain data. The page
 * renders the tree with components, so text from a message only ever becomes text nodes:
 * nothing here produces HTML.
 */

/** A piece of inline text. */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'bold' | 'italic' | 'underline' | 'strike' | 'spoiler'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'timestamp'; seconds: number; style: TimestampStyle; source: string }
  | { type: 'mention'; kind: 'user' | 'channel' | 'role'; id: string }
  | { type: 'link'; url: string; children: Inline[] }
  | { type: 'line-break' };

/** A block: a paragraph, a quote, a heading, small text, a list or a code block. */
export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'quote'; children: Block[] }
  | { type: 'heading'; level: 1 | 2 | 3; children: Inline[] }
  | { type: 'subtext'; children: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | { type: 'code-block'; language: string; text: string };

/** Discord's timestamp styles: short/long time, short/long date, date and time, full, relative. */
export type TimestampStyle = 't' | 'T' | 'd' | 'D' | 'f' | 'F' | 'R';

const timestampStyles = new Set<string>(['t', 'T', 'd', 'D', 'f', 'F', 'R']);

/** Reads a message's content, an embed description or a field value. */
export function parseMarkdown(source: string): Block[] {
  return parseBlocks(source.replace(/\r\n?/g, '\n'), true);
}

/** Reads one line's worth of inline Markdown (titles, field names). */
export function parseInline(source: string): Inline[] {
  return mergeText(readInline(source));
}

function parseBlocks(source: string, allowQuotes: boolean): Block[] {
  const blocks: Block[] = [];
  const lines = source.split('\n');
  let paragraph: string[] = [];
  const flushParagraph = (): void => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', children: parseInline(paragraph.join('\n')) });
    paragraph = [];
  };

  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const fence = /^```(\S*)$|^```(\S*)\s/.exec(line);
    if (fence !== null && lines.slice(index + 1).some((later) => later.trimEnd().endsWith('```')) ) {
      flushParagraph();
      const body: string[] = [];
      let first = line.slice(3);
      const language = /^\w+$/.test(first.trim()) ? first.trim() : '';
      if (language !== '') first = '';
      if (first !== '') body.push(first);
      index += 1;
      while (index < lines.length && !(lines[index] ?? '').trimEnd().endsWith('```')) {
        body.push(lines[index] ?? '');
        index += 1;
      }
      const closing = (lines[index] ?? '').trimEnd();
      if (closing.length > 3) body.push(closing.slice(0, -3));
      blocks.push({ type: 'code-block', language, text: body.join('\n') });
      continue;
    }
    if (allowQuotes && line.startsWith('>>> ')) {
      flushParagraph();
      blocks.push({ type: 'quote', children: parseBlocks([line.slice(4), ...lines.slice(index + 1)].join('\n'), false) });
      return blocks;
    }
    if (allowQuotes && (line.startsWith('> ') || line === '>')) {
      flushParagraph();
      const quoted: string[] = [];
      while (index < lines.length && ((lines[index] ?? '').startsWith('> ') || lines[index] === '>')) {
        quoted.push((lines[index] ?? '').slice(2));
        index += 1;
      }
      index -= 1;
      blocks.push({ type: 'quote', children: parseBlocks(quoted.join('\n'), false) });
      continue;
    }
    const heading = /^(#{1,3}) (.*\S.*)$/.exec(line);
    if (heading !== null) {
      flushParagraph();
      blocks.push({ type: 'heading', level: (heading[1] ?? '#').length as 1 | 2 | 3, children: parseInline((heading[2] ?? '').trim()) });
      continue;
    }
    const subtext = /^-# (.*\S.*)$/.exec(line);
    if (subtext !== null) {
      flushParagraph();
      blocks.push({ type: 'subtext', children: parseInline((subtext[1] ?? '').trim()) });
      continue;
    }
    const item = listItem(line);
    if (item !== null) {
      flushParagraph();
      const items: Inline[][] = [];
      while (index < lines.length) {
        const next = listItem(lines[index] ?? '');
        if (next === null || next.ordered !== item.ordered) break;
        items.push(parseInline(next.text));
        index += 1;
      }
      index -= 1;
      blocks.push({ type: 'list', ordered: item.ordered, items });
      continue;
    }
    paragraph.push(line);
  }
  flushParagraph();
  return blocks;
}

function listItem(line: string): { ordered: boolean; text: string } | null {
  const bullet = /^\s*[-*] (.*)$/.exec(line);
  if (bullet !== null) return { ordered: false, text: bullet[1] ?? '' };
  const numbered = /^\s*\d{1,9}\. (.*)$/.exec(line);
  if (numbered !== null) return { ordered: true, text: numbered[1] ?? '' };
  return null;
}

/** Delimited styles, longest delimiter first so `**` is not read as two `*`. */
const delimiters: { marker: string; type: 'bold' | 'italic' | 'underline' | 'strike' | 'spoiler' }[] = [
  { marker: '**', type: 'bold' },
  { marker: '__', type: 'underline' },
  { marker: '~~', type: 'strike' },
  { marker: '||', type: 'spoiler' },
  { marker: '*', type: 'italic' },
  { marker: '_', type: 'italic' },
];

function readInline(source: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const pushText = (): void => {
    if (text !== '') out.push({ type: 'text', text });
    text = '';
  };
  let index = 0;
  while (index < source.length) {
    const rest = source.slice(index);
    const character = source[index] ?? '';

    // A backslash before punctuation shows the punctuation as typed.
    const escaped = /^\\([^0-9A-Za-z\s])/.exec(rest);
    if (escaped !== null) {
      text += escaped[1] ?? '';
      index += 2;
      continue;
    }
    if (character === '\n') {
      pushText();
      out.push({ type: 'line-break' });
      index += 1;
      continue;
    }
    const code = /^(`+)([^`][\s\S]*?)\1(?!`)/.exec(rest);
    if (code !== null) {
      pushText();
      out.push({ type: 'code', text: (code[2] ?? '').trim() === '' ? (code[2] ?? '') : (code[2] ?? '').replace(/^ (.*) $/s, '$1') });
      index += code[0].length;
      continue;
    }
    const angle = readAngle(rest);
    if (angle !== null) {
      pushText();
      out.push(angle.node);
      index += angle.length;
      continue;
    }
    const masked = /^\[((?:\\.|[^\]\\])+)\]\((https?:\/\/[^\s)]+)\)/.exec(rest);
    if (masked !== null) {
      pushText();
      out.push({ type: 'link', url: masked[2] ?? '', children: readInline(masked[1] ?? '') });
      index += masked[0].length;
      continue;
    }
    const bare = /^https?:\/\/[^\s<]+[^\s<.,:;"')\]!?]/.exec(rest);
    if (bare !== null && (index === 0 || /\W/.test(source[index - 1] ?? ''))) {
      pushText();
      out.push({ type: 'link', url: bare[0], children: [{ type: 'text', text: bare[0] }] });
      index += bare[0].length;
      continue;
    }
    const styled = readDelimited(source, index);
    if (styled !== null) {
      pushText();
      out.push(styled.node);
      index = styled.end;
      continue;
    }
    text += character;
    index += 1;
  }
  pushText();
  return out;
}

/** `<t:…>` timestamps, `<@…>`, `<#…>` and `<@&…>` mentions, and `<https://…>` links. */
function readAngle(rest: string): { node: Inline; length: number } | null {
  const timestamp = /^<t:(-?\d{1,13})(?::([tTdDfFR]))?>/.exec(rest);
  if (timestamp !== null) {
    const style = timestamp[2] ?? 'f';
    if (timestampStyles.has(style)) {
      return { node: { type: 'timestamp', seconds: Number(timestamp[1]), style: style as TimestampStyle, source: timestamp[0] }, length: timestamp[0].length };
    }
  }
  const mention = /^<(@!?|#|@&)(\d{1,20})>/.exec(rest);
  if (mention !== null) {
    const kind = mention[1] === '#' ? 'channel' : mention[1] === '@&' ? 'role' : 'user';
    return { node: { type: 'mention', kind, id: mention[2] ?? '' }, length: mention[0].length };
  }
  const link = /^<(https?:\/\/[^\s>]+)>/.exec(rest);
  if (link !== null) return { node: { type: 'link', url: link[1] ?? '', children: [{ type: 'text', text: link[1] ?? '' }] }, length: link[0].length };
  return null;
}

function readDelimited(source: string, index: number): { node: Inline; end: number } | null {
  for (const { marker, type } of delimiters) {
    if (!source.startsWith(marker, index)) continue;
    const contentStart = index + marker.length;
    const next = source[contentStart];
    if (next === undefined || /\s/.test(next) || source.startsWith(marker, contentStart)) continue;
    if (marker === '_' && /\w/.test(source[index - 1] ?? '')) continue;
    const close = findClosing(source, contentStart, marker);
    if (close === -1) continue;
    if (marker === '_' && /\w/.test(source[close + 1] ?? '')) continue;
    return { node: { type, children: readInline(source.slice(contentStart, close)) }, end: close + marker.length };
  }
  return null;
}

/** The next unescaped `marker` after `from` that closes a span (not preceded by whitespace), or -1. */
function findClosing(source: string, from: number, marker: string): number {
  for (let index = from + 1; index < source.length; index += 1) {
    if (source[index] === '\\') {
      index += 1;
      continue;
    }
    if (source[index] === '`') {
      const code = /^(`+)[^`][\s\S]*?\1(?!`)/.exec(source.slice(index));
      if (code !== null) {
        index += code[0].length - 1;
        continue;
      }
    }
    if (!source.startsWith(marker, index)) continue;
    if (/\s/.test(source[index - 1] ?? '')) continue;
    // `**` inside italics opens bold rather than closing the italic.
    if (marker.length === 1 && source[index + 1] === marker) {
      const inner = findClosing(source, index + 2, marker + marker);
      if (inner !== -1) {
        index = inner + 1;
        continue;
      }
    }
    return index;
  }
  return -1;
}

function mergeText(nodes: Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const node of nodes) {
    const previous = merged.at(-1);
    if (node.type === 'text' && previous?.type === 'text') previous.text += node.text;
    else merged.push(node);
  }
  return merged;
}
