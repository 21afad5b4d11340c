import { ButtonStyle, ComponentType, MessageFlags } from 'discord-api-types/v10';
import { requestEntityTooLarge } from './errors.js';
import { characterCount, isRecord, type FormErrors } from './form-errors.js';
import type { AttachmentUpload } from './types.js';

type Path = (string | number)[];

/** Discord's documented limits for messages, embeds and components. */
export const messageLimits = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooterText: 2048,
  embedAuthorName: 256,
  embedTotal: 6000,
  actionRows: 5,
  componentsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  selectPlaceholder: 150,
  attachments: 10,
  attachmentDescription: 1024,
  attachmentFilename: 1024,
  /** Per file, for a server without boosts; also sent to bots as `attachment_size_limit`. */
  attachmentBytes: 10 * 1024 * 1024,
} as const;

const selectTypes = new Set<number>([
  ComponentType.StringSelect,
  ComponentType.UserSelect,
  ComponentType.RoleSelect,
  ComponentType.MentionableSelect,
  ComponentType.ChannelSelect,
]);

/**
 * Checks a message body (create, edit, interaction reply or follow-up) against Discord's
 * limits and records each problem under its JSON path, prefixed by `path` (for example
 * `['data']` inside an interaction callback).
 */
export function validateMessageBody(body: Record<string, unknown>, errors: FormErrors, path: Path = [], files: readonly AttachmentUpload[] = []): void {
  if (body.content !== undefined && body.content !== null) {
    if (typeof body.content !== 'string') errors.add([...path, 'content'], 'BASE_TYPE_STRING', 'Must be a string.');
    else errors.maxLength([...path, 'content'], body.content, messageLimits.content);
  }
  if (Array.isArray(body.embeds)) validateEmbeds(body.embeds, errors, [...path, 'embeds']);
  const isComponentsV2 = typeof body.flags === 'number' && (body.flags & MessageFlags.IsComponentsV2) !== 0;
  if (Array.isArray(body.components) && !isComponentsV2) validateActionRows(body.components, errors, [...path, 'components']);
  if (body.allowed_mentions !== undefined && body.allowed_mentions !== null) {
    validateAllowedMentions(body.allowed_mentions, errors, [...path, 'allowed_mentions']);
  }
  validateAttachments(body.attachments, files, errors, [...path, 'attachments']);
}

/**
 * The uploads and the `attachments` list that describes them: at most 10, each file within the
 * size limit (a 413, as Discord answers before it reads the form), a filename, and a description
 * (the alt text) of at most 1,024 characters.
 */
function validateAttachments(listed: unknown, files: readonly AttachmentUpload[], errors: FormErrors, path: Path): void {
  if (files.some((file) => file.data.length > messageLimits.attachmentBytes)) throw requestEntityTooLarge();
  const entries = Array.isArray(listed) ? listed : [];
  if (Math.max(entries.length, files.length) > messageLimits.attachments) {
    errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${messageLimits.attachments} or fewer in length.`);
  }
  entries.forEach((entry, index) => {
    if (!isRecord(entry)) {
      errors.add([...path, index], 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
      return;
    }
    if (entry.description !== undefined && entry.description !== null) errors.maxLength([...path, index, 'description'], entry.description, messageLimits.attachmentDescription);
    if (entry.filename !== undefined) errors.lengthBetween([...path, index, 'filename'], entry.filename, 1, messageLimits.attachmentFilename);
  });
  files.forEach((file, index) => {
    if (file.filename === '') errors.add(['files', index], 'BASE_TYPE_REQUIRED', 'A file needs a filename.');
  });
}

/** True when a new message would have nothing to show: Discord answers 50006. */
export function isEmptyMessage(body: Record<string, unknown>, fileCount: number): boolean {
  const content = typeof body.content === 'string' ? body.content.trim() : '';
  const hasArray = (key: string): boolean => Array.isArray(body[key]) && (body[key] as unknown[]).length > 0;
  return content === '' && !hasArray('embeds') && !hasArray('components') && !hasArray('sticker_ids') && body.poll === undefined && fileCount === 0;
}

function validateEmbeds(embeds: unknown[], errors: FormErrors, path: Path): void {
  if (embeds.length > messageLimits.embeds) {
    errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${messageLimits.embeds} or fewer in length.`);
  }
  let total = 0;
  embeds.forEach((embed, index) => {
    const embedPath = [...path, index];
    if (!isRecord(embed)) {
      errors.add(embedPath, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
      return;
    }
    errors.maxLength([...embedPath, 'title'], embed.title, messageLimits.embedTitle);
    errors.maxLength([...embedPath, 'description'], embed.description, messageLimits.embedDescription);
    total += characterCount(embed.title) + characterCount(embed.description);
    if (embed.url !== undefined) validateUrl(embed.url, errors, [...embedPath, 'url']);
    if (embed.color !== undefined && embed.color !== null) {
      if (typeof embed.color !== 'number' || !Number.isInteger(embed.color) || embed.color < 0 || embed.color > 0xffffff) {
        errors.add([...embedPath, 'color'], 'NUMBER_TYPE_MAX', 'int value should be less than or equal to 16777215.');
      }
    }
    if (embed.timestamp !== undefined && (typeof embed.timestamp !== 'string' || Number.isNaN(Date.parse(embed.timestamp)))) {
      errors.add([...embedPath, 'timestamp'], 'DATE_TYPE_PARSE', 'Could not parse timestamp. Should be ISO8601.');
    }
    if (isRecord(embed.footer)) {
      errors.maxLength([...embedPath, 'footer', 'text'], embed.footer.text, messageLimits.embedFooterText);
      total += characterCount(embed.footer.text);
    }
    if (isRecord(embed.author)) {
      errors.maxLength([...embedPath, 'author', 'name'], embed.author.name, messageLimits.embedAuthorName);
      total += characterCount(embed.author.name);
      if (embed.author.url !== undefined) validateUrl(embed.author.url, errors, [...embedPath, 'author', 'url']);
    }
    if (Array.isArray(embed.fields)) {
      if (embed.fields.length > messageLimits.embedFields) {
        errors.add([...embedPath, 'fields'], 'BASE_TYPE_MAX_LENGTH', `Must be ${messageLimits.embedFields} or fewer in length.`);
      }
      embed.fields.forEach((field, fieldIndex) => {
        const fieldPath = [...embedPath, 'fields', fieldIndex];
        if (!isRecord(field)) {
          errors.add(fieldPath, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
          return;
        }
        errors.lengthBetween([...fieldPath, 'name'], field.name, 1, messageLimits.embedFieldName);
        errors.lengthBetween([...fieldPath, 'value'], field.value, 1, messageLimits.embedFieldValue);
        total += characterCount(field.name) + characterCount(field.value);
      });
    }
  });
  if (total > messageLimits.embedTotal) {
    errors.add(path, 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${messageLimits.embedTotal}`);
  }
}

function validateUrl(value: unknown, errors: FormErrors, path: Path): void {
  if (typeof value !== 'string' || !/^(https?|attachment):\/\/\S+$/.test(value)) {
    errors.add(path, 'URL_TYPE_INVALID_URL', 'Not a well formed URL.');
  }
}

function validateActionRows(rows: unknown[], errors: FormErrors, path: Path): void {
  if (rows.length > messageLimits.actionRows) {
    errors.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between 0 and ${messageLimits.actionRows} in length.`);
  }
  const customIds = new Set<string>();
  rows.forEach((row, rowIndex) => {
    const rowPath = [...path, rowIndex];
    if (!isRecord(row) || row.type !== ComponentType.ActionRow) {
      errors.add([...rowPath, 'type'], 'UNION_TYPE_CHOICES', `Value of field "type" must be one of (${ComponentType.ActionRow},).`);
      return;
    }
    const components = Array.isArray(row.components) ? row.components : [];
    errors.lengthBetween([...rowPath, 'components'], components, 1, messageLimits.componentsPerRow);
    components.forEach((component, index) => {
      const componentPath = [...rowPath, 'components', index];
      if (!isRecord(component)) {
        errors.add(componentPath, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
        return;
      }
      if (typeof component.type === 'number' && selectTypes.has(component.type) && components.length > 1) {
        errors.add(componentPath, 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', 'The specified component exceeds the maximum width');
      }
      if (component.type === ComponentType.Button) validateButton(component, errors, componentPath);
      else if (typeof component.type === 'number' && selectTypes.has(component.type)) validateSelect(component, errors, componentPath);
      else errors.add([...componentPath, 'type'], 'UNION_TYPE_CHOICES', 'Value of field "type" must be a component allowed in an action row.');
      if (typeof component.custom_id === 'string') {
        if (customIds.has(component.custom_id)) {
          errors.add([...componentPath, 'custom_id'], 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
        }
        customIds.add(component.custom_id);
      }
    });
  });
}

function validateButton(button: Record<string, unknown>, errors: FormErrors, path: Path): void {
  const style = button.style;
  if (typeof style !== 'number' || style < ButtonStyle.Primary || style > ButtonStyle.Premium) {
    errors.add([...path, 'style'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2, 3, 4, 5, 6}.');
    return;
  }
  if (style === ButtonStyle.Link) {
    if (button.custom_id !== undefined) errors.add([...path, 'custom_id'], 'BUTTON_COMPONENT_CUSTOM_ID_WITH_URL', 'A link button cannot have a custom id');
    validateUrl(button.url, errors, [...path, 'url']);
  } else if (style !== ButtonStyle.Premium) {
    errors.lengthBetween([...path, 'custom_id'], button.custom_id, 1, messageLimits.customId);
    if (button.url !== undefined) errors.add([...path, 'url'], 'BUTTON_COMPONENT_URL_WITH_CUSTOM_ID', 'A button with a custom id cannot have a url');
  }
  if (button.label === undefined && button.emoji === undefined && style !== ButtonStyle.Premium) {
    errors.add([...path, 'label'], 'BUTTON_COMPONENT_MISSING_LABEL_OR_EMOJI', 'A button needs a label or an emoji');
  }
  errors.maxLength([...path, 'label'], button.label, messageLimits.buttonLabel);
}

function validateSelect(select: Record<string, unknown>, errors: FormErrors, path: Path): void {
  errors.lengthBetween([...path, 'custom_id'], select.custom_id, 1, messageLimits.customId);
  errors.maxLength([...path, 'placeholder'], select.placeholder, messageLimits.selectPlaceholder);
  if (select.type === ComponentType.StringSelect) {
    errors.lengthBetween([...path, 'options'], select.options, 1, messageLimits.selectOptions);
    if (Array.isArray(select.options)) {
      select.options.forEach((option, index) => {
        if (!isRecord(option)) return;
        errors.lengthBetween([...path, 'options', index, 'label'], option.label, 1, 100);
        errors.lengthBetween([...path, 'options', index, 'value'], option.value, 1, 100);
        errors.maxLength([...path, 'options', index, 'description'], option.description, 100);
      });
    }
  }
}

function validateAllowedMentions(value: unknown, errors: FormErrors, path: Path): void {
  if (!isRecord(value)) {
    errors.add(path, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    return;
  }
  const parse = Array.isArray(value.parse) ? value.parse : [];
  parse.forEach((kind, index) => {
    if (kind !== 'users' && kind !== 'roles' && kind !== 'everyone') {
      errors.add([...path, 'parse', index], 'BASE_TYPE_CHOICES', "Value must be one of ('roles', 'users', 'everyone').");
    }
  });
  for (const kind of ['users', 'roles'] as const) {
    const list = value[kind];
    if (parse.includes(kind) && Array.isArray(list) && list.length > 0) {
      errors.add(path, 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE', `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.`);
    }
  }
}

/** Discord's limits on autocomplete answers: at most 25 choices, names and string values of at most 100 characters. */
export function validateAutocompleteChoices(data: Record<string, unknown>, errors: FormErrors, path: Path): void {
  const choices = data.choices;
  if (!Array.isArray(choices)) {
    errors.add([...path, 'choices'], 'BASE_TYPE_REQUIRED', 'This field is required');
    return;
  }
  if (choices.length > 25) errors.add([...path, 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  choices.forEach((choice, index) => {
    const choicePath = [...path, 'choices', index];
    if (!isRecord(choice)) {
      errors.add(choicePath, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
      return;
    }
    errors.lengthBetween([...choicePath, 'name'], choice.name, 1, 100);
    if (typeof choice.value === 'string') errors.lengthBetween([...choicePath, 'value'], choice.value, 1, 100);
    else if (typeof choice.value !== 'number') errors.add([...choicePath, 'value'], 'BASE_TYPE_REQUIRED', 'This field is required');
  });
}
