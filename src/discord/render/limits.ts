import type { APIEmbed } from 'discord.js';
import type { MessagePayload } from './payload.js';

/**
 * Discord's message limits. A payload that breaks one is rejected with 50035 Invalid
 * Form Body, so every renderer fits its output inside these before it is sent.
 */
export const discordLimits = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Sum of every title, description, field, footer and author text of all embeds in one message. */
  embedsTotal: 6000,
  embedsPerMessage: 10,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  buttonsPerRow: 5,
  rowsPerMessage: 5,
  customId: 100,
  buttonLabel: 80,
  attachmentsPerMessage: 10,
  attachmentDescription: 1024,
  /** Per file, for a server without boosts. */
  attachmentBytes: 10 * 1024 * 1024,
  modalTitle: 45,
  modalRows: 5,
  textInputLabel: 45,
  textInputPlaceholder: 100,
  /** A text input's prefilled value and its `max_length`. */
  textInputValue: 4000,
} as const;

/** The characters of one embed that count toward the 6,000 total. */
export function embedLength(embed: APIEmbed): number {
  let length = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  length += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) length += field.name.length + field.value.length;
  return length;
}

/**
 * Every limit a payload breaks, as readable sentences; empty when it is valid. Renderers
 * are tested against this, and the router logs it before sending, so a regression shows.
 */
export function limitViolations(payload: MessagePayload): string[] {
  const problems: string[] = [];
  const check = (condition: boolean, problem: string) => {
    if (!condition) problems.push(problem);
  };
  check((payload.content?.length ?? 0) <= discordLimits.content, `content has ${payload.content?.length} characters`);
  const embeds = payload.embeds ?? [];
  check(embeds.length <= discordLimits.embedsPerMessage, `${embeds.length} embeds`);
  const total = embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
  check(total <= discordLimits.embedsTotal, `embeds total ${total} characters`);
  embeds.forEach((embed, index) => {
    check((embed.title?.length ?? 0) <= discordLimits.embedTitle, `embed ${index} title has ${embed.title?.length} characters`);
    check((embed.description?.length ?? 0) <= discordLimits.embedDescription, `embed ${index} description has ${embed.description?.length} characters`);
    check((embed.footer?.text.length ?? 0) <= discordLimits.footerText, `embed ${index} footer is too long`);
    check((embed.author?.name.length ?? 0) <= discordLimits.authorName, `embed ${index} author is too long`);
    const fields = embed.fields ?? [];
    check(fields.length <= discordLimits.embedFields, `embed ${index} has ${fields.length} fields`);
    fields.forEach((field, fieldIndex) => {
      check(field.name.length > 0 && field.name.length <= discordLimits.fieldName, `embed ${index} field ${fieldIndex} name has ${field.name.length} characters`);
      check(field.value.length > 0 && field.value.length <= discordLimits.fieldValue, `embed ${index} field ${fieldIndex} value has ${field.value.length} characters`);
    });
  });
  const rows = payload.components ?? [];
  check(rows.length <= discordLimits.rowsPerMessage, `${rows.length} component rows`);
  rows.forEach((row, index) => {
    check(row.components.length <= discordLimits.buttonsPerRow, `row ${index} has ${row.components.length} buttons`);
    for (const button of row.components) {
      const customId = 'custom_id' in button ? button.custom_id : '';
      check(customId.length <= discordLimits.customId, `button custom id "${customId}" is too long`);
      const label = 'label' in button ? (button.label ?? '') : '';
      check(label.length <= discordLimits.buttonLabel, `button label "${label}" is too long`);
    }
  });
  const files = payload.files ?? [];
  check(files.length <= discordLimits.attachmentsPerMessage, `${files.length} attachments`);
  for (const file of files) {
    check((file.description?.length ?? 0) <= discordLimits.attachmentDescription, `attachment ${file.name} has a description of ${file.description?.length} characters`);
    check(file.attachment.length <= discordLimits.attachmentBytes, `attachment ${file.name} has ${file.attachment.length} bytes`);
  }
  const parse = payload.allowedMentions?.parse;
  check(Array.isArray(parse) && parse.length === 0, 'allowedMentions must be { parse: [] }');
  return problems;
}
