import type { APIAttachment } from 'discord-api-types/v10';
import type { JSX } from 'preact';
import { inlineSize } from './inline-size.js';

function isImage(attachment: APIAttachment): boolean {
  return (attachment.content_type ?? '').startsWith('image/') && attachment.width !== undefined && attachment.height !== undefined;
}

/**
 * One attachment as Discord shows it: an image inline with its description as alt text (and the
 * ALT badge Discord puts on described images); any other file as a download link with its size.
 */
export function AttachmentView({ attachment }: { attachment: APIAttachment }): JSX.Element {
  const url = `api/attachments/${attachment.id}`;
  if (isImage(attachment)) {
    const size = inlineSize(attachment.width ?? 1, attachment.height ?? 1);
    return (
      <a class="attachment-image" href={url} download={attachment.filename} title={attachment.filename} data-testid="attachment-image">
        <img src={url} alt={attachment.description ?? attachment.filename} width={size.width} height={size.height} />
        {attachment.description !== undefined && <span class="alt-badge" aria-hidden="true">ALT</span>}
      </a>
    );
  }
  return (
    <a class="attachment" href={url} download={attachment.filename}>
      📎 {attachment.filename} <span class="size">({attachment.size} bytes)</span>
    </a>
  );
}
