import type {
  APIApplicationCommand,
  APIDMChannel,
  APIGuildCategoryChannel,
  APIInteraction,
  APIMessage,
  APINewsChannel,
  APIRole,
  APITextChannel,
  InteractionResponseType,
  Locale,
} from 'discord-api-types/v10';

/** The channel kinds the local server models: guild text, announcement and category channels, and bot DMs. */
export type StoredChannel = APITextChannel | APINewsChannel | APIGuildCategoryChannel | APIDMChannel;

/** A guild member as the server keeps it; payloads are built from it on demand. */
export interface MemberRecord {
  userId: string;
  roleIds: string[];
  nick: string | null;
  joinedAt: string;
}

/** A guild as the server keeps it. Its `@everyone` role has the guild's id. */
export interface GuildRecord {
  id: string;
  name: string;
  ownerId: string;
  preferredLocale: Locale;
  roles: APIRole[];
  members: Map<string, MemberRecord>;
  channelIds: string[];
  createdAt: string;
}

/** A message together with what the server knows about it beyond the API object. */
export interface MessageRecord {
  message: APIMessage;
  guildId: string | null;
  /** The one user who can see an ephemeral message; null for a message everyone in the channel sees. */
  visibleTo: string | null;
  /** The interaction whose response or follow-up this message is, if any. */
  interactionId: string | null;
  deleted: boolean;
}

/** What the bot answered to an interaction through `POST /interactions/:id/:token/callback`. */
export interface InteractionCallbackRecord {
  interactionId: string;
  type: InteractionResponseType;
  /** The callback's `data` as sent: message fields, autocomplete `choices`, or a modal. */
  data: Record<string, unknown> | null;
  receivedAt: number;
  /** Milliseconds from INTERACTION_CREATE being sent to this callback arriving. */
  latencyMs: number;
}

/** Everything the server tracks about one interaction it dispatched. */
export interface InteractionRecord {
  id: string;
  token: string;
  payload: APIInteraction;
  userId: string;
  channelId: string;
  guildId: string | null;
  /** When INTERACTION_CREATE was handed to the gateway, by the server's clock. */
  createdAt: number;
  callback: InteractionCallbackRecord | null;
  /** The message `@original` refers to: the reply, the deferred "thinking" message, or the component's message. */
  originalMessageId: string | null;
  followUpIds: string[];
  /** For a component interaction, the message the component is on; for a modal submit, that of the modal's component, if any. */
  componentMessageId: string | null;
  /** For a modal submit, the interaction whose modal (callback type 9) was submitted. */
  modalOf: string | null;
}

/** One REST request, as the server saw and answered it. */
export interface RequestLogEntry {
  method: string;
  /** The path after `/api/v10`, with real ids and tokens. */
  path: string;
  /** The matched route template, e.g. `/channels/:channelId/messages`; null when no route matched. */
  route: string | null;
  query: Record<string, string>;
  body: unknown;
  files: AttachmentUpload[];
  status: number;
  /** The injected fault that answered this request, if any. */
  fault: string | null;
  at: number;
}

/** A file uploaded as `files[n]` in a multipart request. */
export interface AttachmentUpload {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

/** Registered application commands: global ones under the key `null`. */
export interface CommandScope {
  guildId: string | null;
  commands: APIApplicationCommand[];
}
