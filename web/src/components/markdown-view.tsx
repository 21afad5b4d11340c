import { useContext } from 'preact/hooks';
import type { JSX } from 'preact';
import { parseInline, parseMarkdown, type Block, type Inline } from '../markdown/parse.js';
import { formatTimestamp, fullTimestamp } from '../markdown/timestamp.js';
import { NamesContext } from './names.js';

/** Message content, an embed description or a field value, rendered as Discord would. */
export function MarkdownView({ source }: { source: string }): JSX.Element {
  return <div class="markdown">{parseMarkdown(source).map((block, index) => <BlockView key={index} block={block} />)}</div>;
}

/** One line of Markdown without blocks: titles and field names. */
export function InlineMarkdown({ source }: { source: string }): JSX.Element {
  return <>{parseInline(source).map((node, index) => <InlineView key={index} node={node} />)}</>;
}

function BlockView({ block }: { block: Block }): JSX.Element {
  switch (block.type) {
    case 'paragraph':
      return <p>{inlines(block.children)}</p>;
    case 'quote':
      return <blockquote>{block.children.map((child, index) => <BlockView key={index} block={child} />)}</blockquote>;
    case 'heading': {
      const Heading = (['h1', 'h2', 'h3'] as const)[block.level - 1] ?? 'h3';
      return <Heading>{inlines(block.children)}</Heading>;
    }
    case 'subtext':
      return <p class="subtext">{inlines(block.children)}</p>;
    case 'list': {
      const items = block.items.map((item, index) => <li key={index}>{inlines(item)}</li>);
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'code-block':
      return <pre><code>{block.text}</code></pre>;
  }
}

function inlines(nodes: Inline[]): JSX.Element[] {
  return nodes.map((node, index) => <InlineView key={index} node={node} />);
}

function InlineView({ node }: { node: Inline }): JSX.Element {
  const names = useContext(NamesContext);
  switch (node.type) {
    case 'text':
      return <>{node.text}</>;
    case 'line-break':
      return <br />;
    case 'bold':
      return <strong>{inlines(node.children)}</strong>;
    case 'italic':
      return <em>{inlines(node.children)}</em>;
    case 'underline':
      return <u>{inlines(node.children)}</u>;
    case 'strike':
      return <s>{inlines(node.children)}</s>;
    case 'spoiler':
      return <span class="spoiler" tabIndex={0}>{inlines(node.children)}</span>;
    case 'code':
      return <code>{node.text}</code>;
    case 'timestamp':
      return (
        <time class="timestamp" dateTime={new Date(node.seconds * 1000).toISOString()} title={fullTimestamp(node.seconds)}>
          {formatTimestamp(node.seconds, node.style)}
        </time>
      );
    case 'mention': {
      const book = node.kind === 'user' ? names.users : node.kind === 'channel' ? names.channels : names.roles;
      const prefix = node.kind === 'channel' ? '#' : '@';
      return <span class="mention">{prefix}{book[node.id] ?? (node.kind === 'channel' ? 'unknown-channel' : 'unknown')}</span>;
    }
    case 'link':
      return <a href={node.url} target="_blank" rel="noopener noreferrer nofollow">{inlines(node.children)}</a>;
  }
}
