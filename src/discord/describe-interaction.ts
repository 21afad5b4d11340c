import type { Interaction } from 'discord.js';
import { decodeCustomId } from './custom-id.js';

/** A short name of what was used, for the log: "/digest setup", "/ask (autocomplete source)", "button ask:page", "modal add:revise". */
export function describeInteraction(interaction: Interaction): string {
  try {
    return describe(interaction);
  } catch {
    // A malformed payload must still get its log line; the router reports what is wrong with it.
    return `type ${interaction.type}`;
  }
}

function describe(interaction: Interaction): string {
  if (interaction.isChatInputCommand()) {
    const group = interaction.options.getSubcommandGroup(false);
    const subcommand = interaction.options.getSubcommand(false);
    return ['/' + interaction.commandName, group, subcommand].filter((part) => part !== null).join(' ');
  }
  if (interaction.isAutocomplete()) return `/${interaction.commandName} (autocomplete ${interaction.options.getFocused(true).name})`;
  if (interaction.isContextMenuCommand()) return `menu "${interaction.commandName}"`;
  if (interaction.isMessageComponent()) {
    const customId = decodeCustomId(interaction.customId);
    return customId === null ? 'component' : `button ${customId.command}:${customId.action}`;
  }
  if (interaction.isModalSubmit()) {
    const customId = decodeCustomId(interaction.customId);
    return customId === null ? 'modal' : `modal ${customId.command}:${customId.action}`;
  }
  return `type ${interaction.type}`;
}
