import { escapeMarkdown } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, type Block, type Inline } from '../../web/src/markdown/parse.js';
import { formatTimestamp } from '../../web/src/markdown/timestamp.js';

function inlineText(nodes: Inline[]): string {
  return nodes.map((node) => {
    switch (node.type) {
      case 'text': return node.text;
      case 'code': return node.text;
      case 'line-break': return '\n';
      case 'timestamp': return node.source;
      case 'mention': return `<mention ${node.id}>`;
      default: return inlineText(node.children);
    }
  }).join('');
}

function blockText(blocks: Block[]): string {
  return blocks.map((block) => {
    switch (block.type) {
      case 'quote': return blockText(block.children);
      case 'list': return block.items.map(inlineText).join('\n');
      case 'code-block': return block.text;
      default: return inlineText(block.children);
    }
  }).join('\n');
}

describe('parseMarkdown', () => {
  it('reads "> " lines as one block quote with bold inside', () => {
    expect(parseMarkdown('> first **line**\n> second\nafter')).toEqual([
      { type: 'quote', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'first ' }, { type: 'bold', children: [{ type: 'text', text: 'line' }] }, { type: 'line-break' }, { type: 'text', text: 'second' }] }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'after' }] },
    ]);
  });

  it('shows text escaped with discord.js escapeMarkdown exactly as it was written', () => {
    const sources = [
      '**not bold** and *not italic* and __not underlined__',
      '> not a quote',
      '# not a heading',
      '- not a list',
      '[not a link](https://example.com)',
      'a `tick` and ||no spoiler|| and ~~no strike~~',
      'under_scored_words and 2 * 3 * 4',
      'back\\slash',
    ];
    for (const source of sources) {
      const escaped = escapeMarkdown(source, { heading: true, bulletedList: true, numberedList: true, maskedLink: true }).replace(/^(\s*)>/gm, '$1\\>');
      const blocks = parseMarkdown(escaped);
      expect(blocks.every((block) => block.type === 'paragraph'), source).toBe(true);
      expect(blockText(blocks), source).toBe(source);
    }
  });

  it('reads a quote of escaped text as a quote whose text is the original', () => {
    const blocks = parseMarkdown(`> ${escapeMarkdown('*Reuters* reported a **$39 billion** loan')}\n— *Title* · author`);
    expect(blocks[0]?.type).toBe('quote');
    expect(blockText(blocks.slice(0, 1))).toBe('*Reuters* reported a **$39 billion** loan');
    expect(blocks[1]).toEqual({ type: 'paragraph', children: [{ type: 'text', text: '— ' }, { type: 'italic', children: [{ type: 'text', text: 'Title' }] }, { type: 'text', text: ' · author' }] });
  });

  it('reads <t:…:D> as a timestamp and mentions as mentions, never as markup', () => {
    expect(parseInline('on <t:1724500800:D> by <@123456789012345678> in <#22>')).toEqual([
      { type: 'text', text: 'on ' },
      { type: 'timestamp', seconds: 1724500800, style: 'D', source: '<t:1724500800:D>' },
      { type: 'text', text: ' by ' },
      { type: 'mention', kind: 'user', id: '123456789012345678' },
      { type: 'text', text: ' in ' },
      { type: 'mention', kind: 'channel', id: '22' },
    ]);
  });

  it('keeps HTML as text', () => {
    expect(parseInline('<img src=x onerror=alert(1)>')).toEqual([{ type: 'text', text: '<img src=x onerror=alert(1)>' }]);
  });

  it('links only web addresses', () => {
    expect(parseInline('[click](javascript:alert(1))')).toEqual([{ type: 'text', text: '[click](javascript:alert(1))' }]);
    expect(parseInline('[docs](https://example.com/a)')).toEqual([{ type: 'link', url: 'https://example.com/a', children: [{ type: 'text', text: 'docs' }] }]);
  });

  it('leaves an unclosed marker as text', () => {
    expect(parseInline('2 ** 3 and *open')).toEqual([{ type: 'text', text: '2 ** 3 and *open' }]);
  });
});

describe('formatTimestamp', () => {
  it('shows a long date in the reader\'s locale', () => {
    expect(formatTimestamp(Date.UTC(2024, 7, 24, 12) / 1000, 'D', 'en-US')).toBe('August 24, 2024');
  });

  it('shows the relative style against the given now', () => {
    const now = Date.UTC(2024, 7, 24, 12);
    expect(formatTimestamp(now / 1000 + 3 * 86400, 'R', 'en-US', now)).toBe('in 3 days');
  });
});
