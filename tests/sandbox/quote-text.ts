import { parseMarkdown, type Block, type Inline } from '../../web/src/markdown/parse.js';

function inlineText(nodes: Inline[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
        case 'code':
          return node.text;
        case 'line-break':
          return '\n';
        case 'timestamp':
          return node.source;
        case 'mention':
          return '';
        default:
          return inlineText(node.children);
      }
    })
    .join('');
}

/** The text of the first block quote in a message or embed, as the page shows it, or null when there is none. */
export function firstQuoteText(markdown: string | undefined): string | null {
  const quote = parseMarkdown(markdown ?? '').find((block): block is Extract<Block, { type: 'quote' }> => block.type === 'quote');
  if (quote === undefined) return null;
  return quote.children.map((block) => (block.type === 'paragraph' ? inlineText(block.children) : '')).join('\n');
}
