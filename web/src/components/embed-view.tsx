import type { APIEmbed } from 'discord-api-types/v10';
import type { JSX } from 'preact';
import { InlineMarkdown, MarkdownView } from './markdown-view.js';

/** Discord's embed, drawn from the API object: colour bar, author, title, description, fields, footer. */
export function EmbedView({ embed }: { embed: APIEmbed }): JSX.Element {
  const color = embed.color === undefined ? undefined : `#${embed.color.toString(16).padStart(6, '0')}`;
  const footer = [embed.footer?.text, embed.timestamp === undefined ? undefined : new Date(embed.timestamp).toLocaleString()]
    .filter((part): part is string => part !== undefined && part !== '')
    .join(' • ');
  return (
    <article class="embed" style={color === undefined ? undefined : { borderLeftColor: color }} data-testid="embed">
      {embed.author?.name !== undefined && <div class="embed-author">{embed.author.name}</div>}
      {embed.title !== undefined && (
        <div class="embed-title">
          {safeUrl(embed.url) === null ? <InlineMarkdown source={embed.title} /> : (
            <a href={safeUrl(embed.url) ?? undefined} target="_blank" rel="noopener noreferrer nofollow"><InlineMarkdown source={embed.title} /></a>
          )}
        </div>
      )}
      {embed.description !== undefined && <div class="embed-description"><MarkdownView source={embed.description} /></div>}
      {embed.fields !== undefined && embed.fields.length > 0 && (
        <div class="embed-fields">
          {embed.fields.map((field, index) => (
            <div key={index} class={field.inline === true ? 'embed-field inline' : 'embed-field'}>
              <div class="embed-field-name"><InlineMarkdown source={field.name} /></div>
              <div class="embed-field-value"><MarkdownView source={field.value} /></div>
            </div>
          ))}
        </div>
      )}
      {footer !== '' && <footer class="embed-footer">{footer}</footer>}
    </article>
  );
}

/** Only web links are followed; anything else (javascript:, data:) is dropped. */
export function safeUrl(url: string | undefined): string | null {
  if (url === undefined) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}
