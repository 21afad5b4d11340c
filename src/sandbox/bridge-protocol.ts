import type { APIApplicationCommand, APIApplicationCommandOptionChoice, APIMessage } from 'discord-api-types/v10';

/*
 * The JSON the sandbox page and the bridge exchange. Type-only, so the page imports it too.
 * The page never speaks Discord's protocol: it asks the bridge, and the bridge acts
 * through the local Discord server's driver, which speaks REST and Gateway v10 to the bot.
 */

/** A text channel of the sandbox server. */
export interface SandboxChannel {
  id: string;
  name: string;
  topic: string | null;
}

/** A person the page can act as. */
export interface SandboxUser {
  id: string;
  username: string;
  displayName: string;
  /** Has Manage Server: may run `/digest setup` and `/digest off`. */
  manageServer: boolean;
  roleNames: string[];
  /** Ids of the commands Discord's picker offers this user here (default permissions and the server's own settings applied). */
  commandIds: string[];
}

/** Everything the page needs to draw the server, sent once when it loads. */
export interface SandboxSession {
  guild: { id: string; name: string };
  bot: { id: string; name: string };
  channels: SandboxChannel[];
  users: SandboxUser[];
  /** Commands registered by deploy, global and the guild's own. */
  commands: APIApplicationCommand[];
  /** Every user and channel name by id, for rendering mentions as names. */
  names: { users: Record<string, string>; channels: Record<string, string>; roles: Record<string, string> };
}

/** Who used which command, shown above the bot's answer as Discord does. */
export interface SandboxInvocation {
  userId: string;
  userName: string;
  /** `/ask`, `/digest setup`, or a context-menu command's name. */
  command: string;
}

/** A message as the page shows it: the API object the bot's payload became, and who sees it. */
export interface SandboxMessage {
  message: APIMessage;
  /** The one user who sees an ephemeral message; null when the whole channel does. */
  visibleTo: string | null;
  invocation: SandboxInvocation | null;
}

/** Pushed to the page over the bridge's WebSocket. */
export type SandboxEvent =
  | { type: 'message-create'; message: SandboxMessage }
  | { type: 'message-update'; message: SandboxMessage }
  | { type: 'message-delete'; channelId: string; messageId: string }
  /** Commands were registered or changed: the page reloads the session. */
  | { type: 'commands' };

/** A slash command as typed in the message box, with the autocomplete choices picked for it. */
export interface SlashRequest {
  userId: string;
  channelId: string;
  line: string;
  /** Autocomplete choices picked from suggestions, by option name: the line shows the name, the bot gets the value. */
  picked?: Record<string, APIApplicationCommandOptionChoice>;
  /** Files attached to attachment options, by option name: the `id` of each upload (`POST /api/uploads`). */
  attachments?: Record<string, string>;
}

/**
 * A file the page uploaded for an attachment option, before the command that attaches it
 * (`POST /api/uploads?userId=…`, the bytes as `application/octet-stream`, the name in
 * `X-File-Name` percent-encoded, the type in `X-File-Type`).
 */
export interface SandboxUpload {
  id: string;
  filename: string;
  size: number;
  contentType: string | null;
}

/** One part of a modal the bot showed: a text input to fill in, text to read, or a part the page does not draw. */
export type SandboxModalItem =
  | {
      kind: 'text';
      customId: string;
      label: string;
      description: string | null;
      style: 'short' | 'paragraph';
      required: boolean;
      minLength: number;
      maxLength: number;
      /** What the field starts with. */
      value: string;
      placeholder: string | null;
    }
  | { kind: 'display'; content: string }
  | { kind: 'unsupported'; label: string };

/** A modal the bot answered an action with, for the person who acted to fill in. */
export interface SandboxModal {
  /** The interaction the modal answers; the submit names it. */
  interactionId: string;
  title: string;
  items: SandboxModalItem[];
}

/** A filled-in modal: each text input's value by its custom id. */
export interface ModalSubmitRequest {
  userId: string;
  channelId: string;
  interactionId: string;
  values: Record<string, string>;
}

export interface ButtonRequest {
  userId: string;
  channelId: string;
  messageId: string;
  customId: string;
}

/** A message context-menu command ("Apps" menu) used on a message. */
export interface MessageCommandRequest {
  userId: string;
  channelId: string;
  messageId: string;
  commandName: string;
}

export interface PlainMessageRequest {
  userId: string;
  channelId: string;
  content: string;
}

export interface DigestRequest {
  channelId: string;
  /** The person said yes to posting although the digest is off. */
  confirmed?: boolean;
}

/**
 * The bridge's answer to an action: done, or why not in words meant for the person.
 * `confirm` marks a question rather than a refusal: the action runs if it is sent again confirmed.
 * `modal` is a form the bot answered with, which the page shows to fill in.
 */
export type ActionResult = { ok: true; modal?: SandboxModal } | { ok: false; error: string; confirm?: string };

export interface AutocompleteResult {
  /** The option the choices are for. */
  option: string;
  choices: APIApplicationCommandOptionChoice[];
}
