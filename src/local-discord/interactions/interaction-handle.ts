import {
  InteractionResponseType,
  MessageFlags,
  type APIApplicationCommandOptionChoice,
  type APIInteraction,
  type APIMessage,
} from 'discord-api-types/v10';
import type { LocalDiscordCore } from '../core.js';
import { readModal, type ShownModal } from '../modal-forms.js';
import type { InteractionCallbackRecord, InteractionRecord, MessageRecord } from '../types.js';

export interface HandleWaitOptions {
  timeoutMs?: number;
}

/** How long `reply()` and `followUp()` wait by default: a deferred reply may take a while. */
const defaultReplyTimeoutMs = 10_000;

/**
 * One dispatched interaction, to await what the bot does with it. Every method looks at
 * the current state first, so it does not matter whether the bot answered before or after
 * the test started waiting.
 */
export class InteractionHandle {
  constructor(
    private readonly core: LocalDiscordCore,
    readonly record: InteractionRecord,
    /** How the interaction reads in error messages, such as `/ask` or `button "page:2"`. */
    readonly description: string,
  ) {}

  get id(): string {
    return this.record.id;
  }

  get token(): string {
    return this.record.token;
  }

  get payload(): APIInteraction {
    return this.record.payload;
  }

  /**
   * The bot's callback. Rejects as soon as the acknowledgement window has passed without
   * one, since Discord would have shown "This interaction failed" by then.
   */
  callback(): Promise<InteractionCallbackRecord> {
    const remaining = this.record.createdAt + this.core.timings.interactionAckWindowMs - this.core.now();
    return this.core.events.waitUntil(() => this.record.callback ?? undefined, ['interaction-response'], {
      timeoutMs: Math.max(0, remaining) + 100,
      description: `${this.description} (interaction ${this.id}) was not acknowledged within ${this.core.timings.interactionAckWindowMs} ms`,
    });
  }

  /**
   * The reply as the user finally sees it: the message of a type 4 answer; the deferred
   * message once it has been filled in (by `editReply` or the first `followUp`); the
   * component's message after `update`, or after the first edit following `deferUpdate`.
   */
  async reply(options: HandleWaitOptions = {}): Promise<APIMessage> {
    const callback = await this.callback();
    return this.core.events.waitUntil(
      () => {
        switch (callback.type) {
          case InteractionResponseType.ChannelMessageWithSource:
          case InteractionResponseType.UpdateMessage:
            return this.original() ?? undefined;
          case InteractionResponseType.DeferredChannelMessageWithSource: {
            const message = this.original();
            return message && ((message.flags ?? 0) & MessageFlags.Loading) === 0 ? message : undefined;
          }
          case InteractionResponseType.DeferredMessageUpdate: {
            const message = this.original();
            return message?.edited_timestamp && Date.parse(message.edited_timestamp) >= callback.receivedAt ? message : undefined;
          }
          default:
            throw new Error(`local-discord: ${this.description} was answered with callback type ${callback.type}, not a message`);
        }
      },
      ['message-update', 'message-delete'],
      { timeoutMs: options.timeoutMs ?? defaultReplyTimeoutMs, description: `${this.description} never got a complete reply after its callback type ${callback.type}` },
    );
  }

  /** The choices of an autocomplete answer. */
  async choices(): Promise<APIApplicationCommandOptionChoice[]> {
    const callback = await this.callback();
    if (callback.type !== InteractionResponseType.ApplicationCommandAutocompleteResult) {
      throw new Error(`local-discord: ${this.description} was answered with callback type ${callback.type}, not autocomplete choices`);
    }
    return (callback.data?.choices ?? []) as APIApplicationCommandOptionChoice[];
  }

  /** The modal the bot showed (callback type 9), read into its fields, to fill in with `driver.submitModal`. */
  async modal(): Promise<ShownModal> {
    const callback = await this.callback();
    if (callback.type !== InteractionResponseType.Modal || callback.data === null) {
      throw new Error(`local-discord: ${this.description} was answered with callback type ${callback.type}, not a modal`);
    }
    return readModal(callback.data);
  }

  /** The follow-up at `index` (0 for the first), waiting for it to be sent. */
  followUp(index = 0, options: HandleWaitOptions = {}): Promise<APIMessage> {
    return this.core.events.waitUntil(
      () => {
        const id = this.record.followUpIds[index];
        return id === undefined ? undefined : this.core.state.messages.get(id)?.message;
      },
      ['message', 'message-update'],
      { timeoutMs: options.timeoutMs ?? defaultReplyTimeoutMs, description: `${this.description} never sent follow-up number ${index + 1}` },
    );
  }

  /** The message `@original` currently refers to, if any. */
  original(): APIMessage | null {
    const id = this.record.originalMessageId;
    const record = id === null ? undefined : this.core.state.messages.get(id);
    return record && !record.deleted ? record.message : null;
  }

  /** The original response and the follow-ups as they are now, without deleted ones. */
  messages(): APIMessage[] {
    const ids = [this.record.originalMessageId, ...this.record.followUpIds].filter((id): id is string => id !== null);
    return [...new Set(ids)]
      .map((id) => this.core.state.messages.get(id))
      .filter((record): record is MessageRecord => record !== undefined && !record.deleted)
      .map((record) => record.message);
  }
}
