import { ComponentType } from 'discord-api-types/v10';
import { characterCount, isRecord, type FormErrors } from './form-errors.js';
import { messageLimits } from './message-validation.js';

type Path = (string | number)[];

/** Discord's limits on modals and the text inputs in them. */
const modalLimits = {
  title: 45,
  components: 5,
  label: 45,
  labelDescription: 100,
  textInputValue: 4000,
  placeholder: 100,
  textDisplay: 4000,
} as const;

/** One text input of a modal as the user sees it: its label, limits and the value it starts with. */
export interface ModalTextField {
  kind: 'text';
  /** The component's numeric id (Discord numbers components left out by the bot from 1, in order). */
  id: number;
  customId: string;
  label: string;
  description: string | null;
  /** 1: one line; 2: a paragraph. */
  style: 1 | 2;
  required: boolean;
  minLength: number;
  maxLength: number;
  value: string;
  placeholder: string | null;
}

/** A string select in a modal's label. */
export interface ModalSelectField {
  kind: 'select';
  id: number;
  customId: string;
  label: string;
  description: string | null;
  required: boolean;
  minValues: number;
  maxValues: number;
  options: { label: string; value: string; default: boolean }[];
}

/** Text the modal shows between its fields. */
export interface ModalText {
  kind: 'display';
  id: number;
  content: string;
}

export type ModalItem = ModalTextField | ModalSelectField | ModalText;

/** A modal the bot showed, read from its callback data. */
export interface ShownModal {
  customId: string;
  title: string;
  /** One per top-level component: an action row or a label holds one field, a text display holds text. */
  items: { rowType: ComponentType.ActionRow | ComponentType.Label | ComponentType.TextDisplay; rowId: number; item: ModalItem }[];
}

/**
 * Discord's checks on a modal (callback type 9): a title of 1–45 characters, a custom id,
 * 1–5 top-level components, each an action row with one text input (which carries its own
 * label), a label around a text input or string select, or a text display; text inputs with
 * a style of 1 or 2 and lengths within 0–4,000; custom ids unique.
 */
export function validateModal(data: Record<string, unknown>, errors: FormErrors, path: Path): void {
  errors.lengthBetween([...path, 'title'], data.title, 1, modalLimits.title);
  errors.lengthBetween([...path, 'custom_id'], data.custom_id, 1, messageLimits.customId);
  errors.lengthBetween([...path, 'components'], data.components, 1, modalLimits.components);
  if (!Array.isArray(data.components)) return;
  const customIds = new Set<string>();
  data.components.forEach((row, index) => {
    const rowPath = [...path, 'components', index];
    if (!isRecord(row)) return errors.add(rowPath, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    const field = (component: unknown, componentPath: Path, inLabel: boolean): void => {
      if (!isRecord(component)) return errors.add(componentPath, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
      if (component.type === ComponentType.TextInput) validateTextInput(component, errors, componentPath, inLabel);
      else if (inLabel && component.type === ComponentType.StringSelect) validateModalSelect(component, errors, componentPath);
      else return errors.add([...componentPath, 'type'], 'UNION_TYPE_CHOICES', 'Value of field "type" must be a component allowed in a modal.');
      if (typeof component.custom_id === 'string') {
        if (customIds.has(component.custom_id)) errors.add([...componentPath, 'custom_id'], 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
        customIds.add(component.custom_id);
      }
    };
    switch (row.type) {
      case ComponentType.ActionRow: {
        const components = Array.isArray(row.components) ? row.components : [];
        errors.lengthBetween([...rowPath, 'components'], row.components, 1, 1);
        components.forEach((component, position) => field(component, [...rowPath, 'components', position], false));
        return;
      }
      case ComponentType.Label:
        errors.lengthBetween([...rowPath, 'label'], row.label, 1, modalLimits.label);
        errors.maxLength([...rowPath, 'description'], row.description, modalLimits.labelDescription);
        return field(row.component, [...rowPath, 'component'], true);
      case ComponentType.TextDisplay:
        return errors.lengthBetween([...rowPath, 'content'], row.content, 1, modalLimits.textDisplay);
      default:
        return errors.add([...rowPath, 'type'], 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (1, 10, 18).');
    }
  });
}

function validateTextInput(input: Record<string, unknown>, errors: FormErrors, path: Path, inLabel: boolean): void {
  errors.lengthBetween([...path, 'custom_id'], input.custom_id, 1, messageLimits.customId);
  if (input.style !== 1 && input.style !== 2) errors.add([...path, 'style'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2}.');
  // In an action row the text input carries its label; inside a label component the label is the component's.
  if (!inLabel) errors.lengthBetween([...path, 'label'], input.label, 1, modalLimits.label);
  const min = input.min_length;
  const max = input.max_length;
  if (min !== undefined && (typeof min !== 'number' || !Number.isInteger(min) || min < 0 || min > modalLimits.textInputValue)) {
    errors.add([...path, 'min_length'], 'NUMBER_TYPE_MAX', `int value should be between 0 and ${modalLimits.textInputValue}.`);
  }
  if (max !== undefined && (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > modalLimits.textInputValue)) {
    errors.add([...path, 'max_length'], 'NUMBER_TYPE_MAX', `int value should be between 1 and ${modalLimits.textInputValue}.`);
  }
  if (typeof min === 'number' && typeof max === 'number' && min > max) errors.add([...path, 'min_length'], 'TEXT_INPUT_MIN_OVER_MAX', 'min_length cannot be greater than max_length');
  errors.maxLength([...path, 'value'], input.value, typeof max === 'number' ? max : modalLimits.textInputValue);
  errors.maxLength([...path, 'placeholder'], input.placeholder, modalLimits.placeholder);
}

function validateModalSelect(select: Record<string, unknown>, errors: FormErrors, path: Path): void {
  errors.lengthBetween([...path, 'custom_id'], select.custom_id, 1, messageLimits.customId);
  errors.lengthBetween([...path, 'options'], select.options, 1, messageLimits.selectOptions);
}

/** Reads a validated modal into its fields, numbering components as Discord does when the bot gives no `id`. */
export function readModal(data: Record<string, unknown>): ShownModal {
  let nextId = 1;
  const idOf = (component: Record<string, unknown>): number => (typeof component.id === 'number' ? component.id : nextId++);
  const rows = Array.isArray(data.components) ? data.components.filter(isRecord) : [];
  const items: ShownModal['items'] = [];
  for (const row of rows) {
    const rowId = idOf(row);
    if (row.type === ComponentType.TextDisplay) {
      items.push({ rowType: ComponentType.TextDisplay, rowId, item: { kind: 'display', id: rowId, content: String(row.content ?? '') } });
      continue;
    }
    const inLabel = row.type === ComponentType.Label;
    const component = inLabel ? row.component : (Array.isArray(row.components) ? row.components[0] : undefined);
    if (!isRecord(component)) continue;
    const label = String((inLabel ? row.label : component.label) ?? '');
    const description = inLabel && typeof row.description === 'string' ? row.description : null;
    items.push({ rowType: inLabel ? ComponentType.Label : ComponentType.ActionRow, rowId, item: readField(component, idOf(component), label, description) });
  }
  return { customId: String(data.custom_id ?? ''), title: String(data.title ?? ''), items };
}

function readField(component: Record<string, unknown>, id: number, label: string, description: string | null): ModalItem {
  const required = component.required !== false;
  if (component.type === ComponentType.StringSelect) {
    const options = (Array.isArray(component.options) ? component.options.filter(isRecord) : []).map((option) => ({
      label: String(option.label ?? ''),
      value: String(option.value ?? ''),
      default: option.default === true,
    }));
    return {
      kind: 'select',
      id,
      customId: String(component.custom_id),
      label,
      description,
      required,
      minValues: typeof component.min_values === 'number' ? component.min_values : required ? 1 : 0,
      maxValues: typeof component.max_values === 'number' ? component.max_values : 1,
      options,
    };
  }
  return {
    kind: 'text',
    id,
    customId: String(component.custom_id),
    label,
    description,
    style: component.style === 2 ? 2 : 1,
    required,
    minLength: typeof component.min_length === 'number' ? component.min_length : 0,
    maxLength: typeof component.max_length === 'number' ? component.max_length : modalLimits.textInputValue,
    value: typeof component.value === 'string' ? component.value : '',
    placeholder: typeof component.placeholder === 'string' ? component.placeholder : null,
  };
}

/** What the user typed or picked, by custom id: text for a text input, values for a select. */
export type ModalValues = Record<string, string | string[]>;

/**
 * The components of a MODAL_SUBMIT as Discord sends them: the modal's structure, each text
 * input with its value (the prefilled one, or empty, when the user left it) and each select
 * with its values. `checked` refuses what Discord's client would not submit, as a list of
 * problems: an unknown field, a required field left empty, a value outside its lengths or options.
 */
export function modalSubmission(modal: ShownModal, values: ModalValues, checked: boolean): { components: unknown[]; problems: string[] } {
  const problems: string[] = [];
  const known = new Set(modal.items.flatMap(({ item }) => (item.kind === 'display' ? [] : [item.customId])));
  for (const name of Object.keys(values)) {
    if (!known.has(name)) problems.push(`the modal has no field "${name}"; its fields: ${[...known].join(', ') || 'none'}`);
  }
  const components = modal.items.map(({ rowType, rowId, item }) => {
    if (item.kind === 'display') return { type: ComponentType.TextDisplay, id: rowId };
    const given = values[item.customId];
    const submitted =
      item.kind === 'text'
        ? { type: ComponentType.TextInput, id: item.id, custom_id: item.customId, value: textValue(item, given, problems) }
        : { type: ComponentType.StringSelect, id: item.id, custom_id: item.customId, values: selectValues(item, given, problems) };
    return rowType === ComponentType.Label ? { type: ComponentType.Label, id: rowId, component: submitted } : { type: ComponentType.ActionRow, id: rowId, components: [submitted] };
  });
  return { components, problems: checked ? problems : [] };
}

function textValue(field: ModalTextField, given: string | string[] | undefined, problems: string[]): string {
  if (Array.isArray(given)) {
    problems.push(`"${field.customId}" is a text input: give it text, not a list`);
    return given.join(' ');
  }
  const value = given ?? field.value;
  const length = characterCount(value);
  if (length === 0) {
    if (field.required) problems.push(`"${field.label || field.customId}" is required`);
    return value;
  }
  if (length < field.minLength) problems.push(`"${field.label || field.customId}" needs at least ${field.minLength} characters (it has ${length})`);
  if (length > field.maxLength) problems.push(`"${field.label || field.customId}" takes at most ${field.maxLength} characters (it has ${length})`);
  return value;
}

function selectValues(field: ModalSelectField, given: string | string[] | undefined, problems: string[]): string[] {
  const values = given === undefined ? field.options.filter((option) => option.default).map((option) => option.value) : Array.isArray(given) ? given : [given];
  const unknown = values.filter((value) => !field.options.some((option) => option.value === value));
  if (unknown.length > 0) problems.push(`"${field.label || field.customId}" has no option ${unknown.join(', ')}`);
  const least = field.required ? Math.max(1, field.minValues) : field.minValues;
  if (values.length < least || values.length > field.maxValues) problems.push(`"${field.label || field.customId}" takes ${least}–${field.maxValues} choices (${values.length} given)`);
  return values;
}
