import { performance } from 'node:perf_hooks';
import { InteractionContextType, RESTJSONErrorCodes, type AutocompleteInteraction, type Interaction, type RepliableInteraction } from 'discord.js';
import { isUserError, UserError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Command, MessageCommand } from './command.js';
import type { CommandContext } from './command-context.js';
import { decodeCustomId } from './custom-id.js';
import { describeInteraction } from './describe-interaction.js';
import { discordErrorCode, isHarmlessInteractionError } from './discord-errors.js';
import { renderApology, renderUserError } from './render/errors.js';
import type { MessagePayload } from './render/payload.js';

/** How an interaction ended, as logged: one line per interaction. */
export type InteractionOutcome = 'ok' | 'user-error' | 'error' | 'expired' | 'duplicate';

export interface InteractionRouterOptions {
  commands: readonly Command[];
  messageCommands: readonly MessageCommand[];
  context: CommandContext;
  logger: Logger;
  /** Interaction ids remembered to recognise one delivered twice. */
  rememberedIds?: number;
}

export interface InteractionRouter {
  /** Routes one interaction through the error boundary. Never throws. */
  handle(interaction: Interaction): Promise<void>;
  /** Resolves once every interaction being handled now has been answered. */
  idle(): Promise<void>;
  readonly inFlight: number;
}

/**
 * The one error boundary of the bot. Every interaction goes through `handle`: a UserError
 * is shown ephemerally as it is; anything else is logged with the interaction id and the
 * user gets an apology carrying that id; an interaction Discord no longer accepts is
 * logged and dropped. Each interaction ends in exactly one log line.
 */
export function createInteractionRouter(options: InteractionRouterOptions): InteractionRouter {
  const log = options.logger.child({ module: 'interactions' });
  const slash = new Map(options.commands.map((command) => [command.data.name, command]));
  const messageCommands = new Map(options.messageCommands.map((command) => [command.data.name, command]));
  const guildOnly = new Set(
    [...options.commands, ...options.messageCommands]
      .filter((command) => {
        const contexts = command.data.contexts;
        return contexts !== undefined && contexts.length > 0 && contexts.every((context) => context === InteractionContextType.Guild);
      })
      .map((command) => command.data.name),
  );
  const seen = new Set<string>();
  const remembered = options.rememberedIds ?? 5000;
  const running = new Set<Promise<void>>();

  const firstDelivery = (id: string) => {
    if (seen.has(id)) return false;
    seen.add(id);
    if (seen.size > remembered) {
      const oldest = seen.values().next();
      if (oldest.done !== true) seen.delete(oldest.value);
    }
    return true;
  };

  async function dispatch(interaction: Interaction): Promise<void> {
    const { context } = options;
    if (interaction.isChatInputCommand()) {
      const command = slash.get(interaction.commandName);
      if (command === undefined) throw unknownCommand();
      requireServer(interaction, guildOnly.has(interaction.commandName));
      return command.execute(interaction, context);
    }
    if (interaction.isAutocomplete()) {
      const command = slash.get(interaction.commandName);
      if (command?.autocomplete === undefined) return void (await interaction.respond([]));
      return command.autocomplete(interaction, context);
    }
    if (interaction.isMessageContextMenuCommand()) {
      const command = messageCommands.get(interaction.commandName);
      if (command === undefined) throw unknownCommand();
      requireServer(interaction, guildOnly.has(interaction.commandName));
      return command.execute(interaction, context);
    }
    if (interaction.isButton()) {
      const customId = decodeCustomId(interaction.customId);
      const command = customId === null ? undefined : slash.get(customId.command);
      if (customId === null || command?.button === undefined) throw new UserError('This button belongs to a version of the bot that is gone. Run the command again.');
      return command.button(interaction, customId, context);
    }
    if (interaction.isModalSubmit()) {
      const customId = decodeCustomId(interaction.customId);
      const command = customId === null ? undefined : slash.get(customId.command);
      if (customId === null || command?.modal === undefined) throw new UserError('This form belongs to a version of the bot that is gone. Run the command again.');
      return command.modal(interaction, customId, context);
    }
    throw new Error(`unsupported interaction type ${interaction.type}`);
  }

  async function route(interaction: Interaction): Promise<void> {
    const started = performance.now();
    const fields = { interactionId: interaction.id, command: describeInteraction(interaction), guildId: interaction.guildId, userId: interaction.user.id };
    let outcome: InteractionOutcome = 'ok';
    if (!firstDelivery(interaction.id)) {
      log.warn({ ...fields, outcome: 'duplicate' satisfies InteractionOutcome, latencyMs: 0 }, 'interaction delivered twice; the first delivery answers it');
      return;
    }
    try {
      await dispatch(interaction);
    } catch (error) {
      outcome = await handleFailure(interaction, error, log, fields);
    }
    log.info({ ...fields, outcome, latencyMs: Math.round((performance.now() - started) * 10) / 10 }, 'interaction');
  }

  return {
    handle(interaction) {
      const done = route(interaction).catch((error: unknown) => {
        // route() catches everything; this is the last line of defence against a crash.
        log.error({ err: error, interactionId: interaction.id }, 'interaction boundary failed');
      });
      running.add(done);
      void done.finally(() => running.delete(done));
      return done;
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
    get inFlight() {
      return running.size;
    },
  };
}

async function handleFailure(interaction: Interaction, thrown: unknown, log: Logger, fields: Record<string, unknown>): Promise<InteractionOutcome> {
  const error = asUserError(thrown);
  if (isHarmlessInteractionError(error)) {
    log.warn({ ...fields, code: discordErrorCode(error), reason: errorMessage(error) }, 'interaction could no longer be answered');
    return 'expired';
  }
  const userError = isUserError(error);
  if (!userError) log.error({ ...fields, err: error }, 'interaction failed');
  if (interaction.isAutocomplete()) {
    await answerAutocompleteWithNothing(interaction, log, fields);
    return userError ? 'user-error' : 'error';
  }
  if (!interaction.isRepliable()) return userError ? 'user-error' : 'error';
  const payload = userError ? renderUserError(error.message) : renderApology(interaction.id);
  try {
    await sendFailure(interaction, payload);
  } catch (replyError) {
    if (isHarmlessInteractionError(replyError)) {
      log.warn({ ...fields, code: discordErrorCode(replyError), reason: errorMessage(replyError) }, 'could not show the error: the interaction can no longer be answered');
      return 'expired';
    }
    log.error({ ...fields, err: replyError }, 'could not show the error to the user');
  }
  return userError ? 'user-error' : 'error';
}

/**
 * Shows an error without breaking what was already sent: a fresh interaction gets an
 * ephemeral reply; a deferred ephemeral one gets its "thinking…" replaced; a deferred public
 * one loses its "thinking…" and gets an ephemeral follow-up, as does one already answered or
 * a button deferred with deferUpdate, so an error is never posted for the channel to see.
 */
async function sendFailure(interaction: RepliableInteraction, payload: MessagePayload): Promise<void> {
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply(payload);
    return;
  }
  // discord.js sets `ephemeral` on deferReply only; after deferUpdate it stays null.
  const thinking = interaction.deferred && !interaction.replied ? interaction.ephemeral : null;
  if (thinking === true) {
    const { flags: _flags, ...edit } = payload;
    await interaction.editReply(edit);
    return;
  }
  if (thinking === false) {
    // Discord fills a deferred "thinking…" message with the first follow-up, public like the
    // deferral whatever flags the follow-up asks for; removing it first keeps the error private.
    await interaction.deleteReply().catch((error: unknown) => {
      if (discordErrorCode(error) !== RESTJSONErrorCodes.UnknownMessage) throw error;
    });
  }
  await interaction.followUp(payload);
}

async function answerAutocompleteWithNothing(interaction: AutocompleteInteraction, log: Logger, fields: Record<string, unknown>): Promise<void> {
  if (interaction.responded) return;
  try {
    await interaction.respond([]);
  } catch (error) {
    log.warn({ ...fields, code: discordErrorCode(error), reason: errorMessage(error) }, 'could not answer autocomplete');
  }
}

function requireServer(interaction: RepliableInteraction, needsServer: boolean): void {
  if (needsServer && !interaction.inGuild()) {
    throw new UserError('This command only works in a server, not in direct messages. Use it in a channel of a server where the bot is installed.');
  }
}

/**
 * Discord's client enforces required options, but a stale client or another tool may
 * not; discord.js then throws when a command reads the option. That is the user's input,
 * so it becomes a UserError that names the option.
 */
function asUserError(error: unknown): unknown {
  if (!(error instanceof Error) || !('code' in error) || error.code !== 'CommandInteractionOptionNotFound') return error;
  const name = /"([^"]+)"/.exec(error.message)?.[1];
  return new UserError(name === undefined ? 'A required option is missing. Fill it in and send the command again.' : `The “${name}” option is missing. Fill it in and send the command again.`);
}

function unknownCommand(): UserError {
  return new UserError('I do not know this command any more; the command list may be out of date. Run /help to see what I can do.');
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
