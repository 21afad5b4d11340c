import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  ContextMenuCommandBuilder,
  MessageContextMenuCommandInteraction,
  ModalSubmitInteraction,
  SlashCommandBuilder,
  SlashCommandOptionsOnlyBuilder,
  SlashCommandSubcommandsOnlyBuilder,
} from 'discord.js';
import type { CommandContext } from './command-context.js';
import type { CustomId } from './custom-id.js';
import type { CommandHelp } from './render/help.js';

/**
 * A slash command: its registration data and what it does. One per file in `commands/`,
 * named after the command and checked with `satisfies Command`.
 */
export interface Command {
  data: SlashCommandBuilder | SlashCommandOptionsOnlyBuilder | SlashCommandSubcommandsOnlyBuilder;
  /** What /help says about it. */
  help: CommandHelp;
  execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<void>;
  /** Suggestions while an option is typed; must answer within 3 seconds with at most 25 choices. */
  autocomplete?(interaction: AutocompleteInteraction, context: CommandContext): Promise<void>;
  /** Clicks on buttons whose custom id starts with this command's name. */
  button?(interaction: ButtonInteraction, customId: CustomId, context: CommandContext): Promise<void>;
  /** Submits of modals whose custom id starts with this command's name. */
  modal?(interaction: ModalSubmitInteraction, customId: CustomId, context: CommandContext): Promise<void>;
}

/** A command from a message's "Apps" menu; it gets the message it was used on. */
export interface MessageCommand {
  data: ContextMenuCommandBuilder;
  help: CommandHelp;
  execute(interaction: MessageContextMenuCommandInteraction, context: CommandContext): Promise<void>;
}
