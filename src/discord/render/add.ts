import { ButtonStyle, ComponentType, TextInputStyle, time, TimestampStyles, type APIEmbedField, type APIModalInteractionResponseCallbackData } from 'discord.js';
import type { SourceDocument } from '../../corpus/types.js';
import type { AddPreview } from '../../library/intake-types.js';
import { encodeCustomId } from '../custom-id.js';
import { button, buttonRows } from './buttons.js';
import { messageDate } from './dates.js';
import { blockQuote, escapeText } from './escape.js';
import { discordLimits } from './limits.js';
import { noMentions, type MessagePayload } from './payload.js';
import { clampLine, cutAtBoundary, fitFormatted } from './truncate.js';

/** The Edit modal's fields, in order: their custom ids are what `/add` reads back. */
export const metadataFields = ['title', 'author', 'outlet', 'published'] as const;
export type MetadataField = (typeof metadataFields)[number];

/** How long each field of the Edit modal may be; the title matches what a document title is clamped to elsewhere. */
const fieldMaxLength: Record<MetadataField, number> = { title: 300, author: 200, outlet: 200, published: 10 };

const warningLines = 5;

/**
 * The ephemeral preview of `/add`: what the document says about itself (or what was set over
 * it), how many passages it gives, the first one exactly as it will be quoted, and what to
 * check; then Add, Edit and Cancel. Nothing is stored until Add.
 */
export function renderAddPreview(preview: AddPreview, sessionId: string): MessagePayload {
  const { document } = preview;
  const fields: APIEmbedField[] = [
    { name: 'Author', value: orUnknown(document.author, 'not found'), inline: true },
    { name: 'Outlet', value: orUnknown(document.outlet, 'not found'), inline: true },
    { name: 'Published', value: publishedText(document), inline: true },
    { name: 'Format', value: document.format.toUpperCase(), inline: true },
    { name: 'Passages', value: String(preview.passageCount), inline: true },
    { name: 'Id', value: shownId(document.id), inline: true },
    { name: 'From', value: originText(document) },
    { name: 'First passage', value: preview.firstPassage === null ? 'None: the document has no text to quote.' : fitFormatted(preview.firstPassage.trim(), discordLimits.fieldValue, (text) => blockQuote(escapeText(text))).text },
  ];
  if (preview.warnings.length > 0) fields.push({ name: 'Check before adding', value: warningsText(preview.warnings) });
  return {
    embeds: [{
      title: fitFormatted(`Preview: ${document.title}`, discordLimits.embedTitle, escapeText).text,
      description: `Nothing is added until you press **Add**. **Edit** corrects the title, author, outlet or date first. This preview expires ${time(Math.ceil(preview.expiresAt / 1000), TimestampStyles.RelativeTime)}.`,
      fields,
    }],
    components: buttonRows([
      button(encodeCustomId('add', 'commit', sessionId), 'Add', { style: ButtonStyle.Success }),
      button(encodeCustomId('add', 'edit', sessionId), 'Edit'),
      button(encodeCustomId('add', 'cancel', sessionId), 'Cancel', { style: ButtonStyle.Danger }),
    ]),
    allowedMentions: noMentions,
  };
}

/**
 * The Edit modal, prefilled with the preview's metadata. Only the title is required; a field
 * left empty keeps what the document itself says.
 */
export function renderAddEditModal(preview: AddPreview, sessionId: string): APIModalInteractionResponseCallbackData {
  const { document } = preview;
  const values: Record<MetadataField, string> = { title: document.title, author: document.author ?? '', outlet: document.outlet ?? '', published: document.published?.iso ?? '' };
  const labels: Record<MetadataField, string> = { title: 'Title', author: 'Author', outlet: 'Outlet (publisher or site)', published: 'Published (2025, 2025-05 or 2025-05-05)' };
  return {
    custom_id: encodeCustomId('add', 'revise', sessionId),
    title: 'Correct the document details',
    components: metadataFields.map((field) => ({
      type: ComponentType.ActionRow,
      components: [{
        type: ComponentType.TextInput,
        custom_id: field,
        label: labels[field].slice(0, discordLimits.textInputLabel),
        style: TextInputStyle.Short,
        required: field === 'title',
        max_length: fieldMaxLength[field],
        // A prefilled value longer than the field's maximum makes Discord refuse the whole modal.
        value: cutAtBoundary(values[field], fieldMaxLength[field]).text,
        ...(field === 'published' ? { placeholder: 'e.g. 2025-05-05; empty: as the document says' } : {}),
      }],
    })),
  };
}

/** After Add: the document is searchable now, with its id and how to ask within it. */
export function renderAdded(document: SourceDocument, passageCount: number): MessagePayload {
  const id = shownId(document.id);
  return replacement(
    cutAtBoundary(
      `Added *${shownTitle(document.title)}* (id \`${id}\`, ${passageCount} ${passageCount === 1 ? 'passage' : 'passages'}). It is answerable now: try \`/ask question: … source: ${id}\`.${document.scope === null ? '' : ' Only this server sees it.'}`,
      discordLimits.content,
    ).text,
  );
}

/** A preview past its time: its buttons go, and the person learns how to start again. */
export function renderAddExpired(): MessagePayload {
  return replacement('This preview has expired and nothing was added. Run /add again with the same link, or attach the file again (its old Discord link has expired too).');
}

export function renderAddCancelled(title: string): MessagePayload {
  return replacement(`Cancelled: *${shownTitle(title)}* was not added.`);
}

/** `/remove`'s question: which document, what goes with it, and the two buttons. */
export function renderRemoveConfirmation(document: SourceDocument, passageCount: number | undefined, sessionId: string): MessagePayload {
  const passages = passageCount === undefined ? 'its passages' : `its ${passageCount} ${passageCount === 1 ? 'passage' : 'passages'}`;
  const addedBy = document.addition?.addedBy ?? null;
  const by = addedBy === null ? '' : ` Added by ${escapeText(clampLine(addedBy.name, 80))}.`;
  return {
    embeds: [{
      title: fitFormatted(`Remove ${document.title}?`, discordLimits.embedTitle, escapeText).text,
      description: `id \`${shownId(document.id)}\`.${by}\nRemoving it takes ${passages}, its key dates and its digest mentions away at once, for everyone in this server. It cannot be undone, but the document can be added again.`,
    }],
    components: buttonRows([
      button(encodeCustomId('remove', 'confirm', sessionId), 'Remove', { style: ButtonStyle.Danger }),
      button(encodeCustomId('remove', 'keep', sessionId), 'Keep it'),
    ]),
    allowedMentions: noMentions,
  };
}

export function renderRemoved(document: SourceDocument): MessagePayload {
  return replacement(`Removed *${shownTitle(document.title)}* (id \`${shownId(document.id)}\`). It no longer answers questions.`);
}

export function renderRemoveKept(document: SourceDocument): MessagePayload {
  return replacement(`Kept *${shownTitle(document.title)}*: nothing was removed.`);
}

/**
 * A text message that replaces the preview or the question in place: without `embeds: []` and
 * `components: []` Discord keeps the old embed ("Nothing is added until you press Add") and its buttons.
 */
function replacement(content: string): MessagePayload {
  return { content, embeds: [], components: [], allowedMentions: noMentions };
}

function shownTitle(title: string): string {
  return fitFormatted(title, 300, escapeText).text;
}

function shownId(id: string): string {
  return escapeText(clampLine(id, 100));
}

function orUnknown(value: string | null, missing: string): string {
  return value === null || value.trim() === '' ? missing : escapeText(clampLine(value, 200));
}

function publishedText(document: SourceDocument): string {
  if (document.published === null) return 'not found';
  const basis = document.publishedBasis === null ? '' : ` (${escapeText(clampLine(document.publishedBasis, 120))})`;
  return messageDate(document.published.iso, document.published.precision) + basis;
}

function originText(document: SourceDocument): string {
  const link = document.addition?.link ?? null;
  // A link is shown as code: it stays readable and Discord neither embeds nor masks it.
  if (link !== null) return `\`${clampLine(link, 500).replaceAll('`', '%60')}\``;
  return `file ${escapeText(clampLine(document.file, 200))}`;
}

function warningsText(warnings: readonly string[]): string {
  const shown = warnings.slice(0, warningLines).map((warning) => `⚠️ ${escapeText(clampLine(warning, 180))}`);
  if (warnings.length > warningLines) shown.push(`…and ${warnings.length - warningLines} more`);
  return cutAtBoundary(shown.join('\n'), discordLimits.fieldValue).text;
}
