import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import { discordLimits } from './limits.js';
import { clampLine } from './truncate.js';

/** A button that sends an interaction back to the bot. */
export function button(customId: string, label: string, options: { style?: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger; disabled?: boolean; emoji?: string } = {}): APIButtonComponent {
  return {
    type: ComponentType.Button,
    custom_id: customId,
    label: clampLine(label, discordLimits.buttonLabel),
    style: options.style ?? ButtonStyle.Secondary,
    disabled: options.disabled ?? false,
    ...(options.emoji === undefined ? {} : { emoji: { name: options.emoji } }),
  };
}

/** Rows of at most five buttons each, in order, so a caller never breaks the per-row limit. */
export function buttonRows(buttons: APIButtonComponent[]): APIActionRowComponent<APIButtonComponent>[] {
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  for (let index = 0; index < buttons.length && rows.length < discordLimits.rowsPerMessage; index += discordLimits.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(index, index + discordLimits.buttonsPerRow) });
  }
  return rows;
}

/** "◀ Previous" and "Next ▶", disabled at the ends; each names the page it leads to. */
export function pagerButtons(page: number, pageCount: number, customIdFor: (page: number) => string): APIButtonComponent[] {
  return [
    button(customIdFor(page - 1), '◀ Previous', { disabled: page <= 0 }),
    button(customIdFor(page + 1), 'Next ▶', { disabled: page >= pageCount - 1 }),
  ];
}

/** Pages needed for `count` items, at least one so an empty result still has a page to show. */
export function pageCount(count: number, pageSize: number): number {
  return Math.max(1, Math.ceil(count / pageSize));
}

/** A page number from a button, kept inside the pages that exist. */
export function clampPage(page: number, pages: number): number {
  if (!Number.isInteger(page) || page < 0) return 0;
  return Math.min(page, pages - 1);
}
