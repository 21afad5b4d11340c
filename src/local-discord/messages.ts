import {
  GatewayDispatchEvents,
  GatewayIntentBits,
  MessageFlags,
  MessageType,
  PermissionFlagsBits,
  type APIAttachment,
  type APIEmbed,
  type APIMessage,
  type APIMessageTopLevelComponent,
  type APIUser,
} from 'discord-api-types/v10';
import { userChannelPermissions } from './access.js';
import type { LocalDiscordCore } from './core.js';
import { hasPermission } from './permissions.js';
import { pngSize } from './image-size.js';
import { isRecord } from './form-errors.js';
import { resolveMentions } from './mentions.js';
import { memberPayload } from './payloads.js';
import type { AttachmentUpload, GuildRecord, MessageRecord, StoredChannel } from './types.js';

/** Flags a client may set on a message it sends; Discord ignores the others. */
const settableFlags = MessageFlags.SuppressEmbeds | MessageFlags.Ephemeral | MessageFlags.SuppressNotifications | MessageFlags.IsComponentsV2;

/** What it takes to create a message. The body has been validated already. */
export interface NewMessage {
  channelId: string;
  body: Record<string, unknown>;
  files: AttachmentUpload[];
  author: APIUser;
  type?: MessageType;
  /** Set for an ephemeral message: the one user who sees it. */
  visibleTo?: string | null;
  interactionId?: string | null;
  /** Extra fields from the interaction that produced the message (`interaction_metadata`, `webhook_id`, …). */
  extra?: Partial<APIMessage>;
  /** Flags the server sets itself, such as Loading for a deferred reply. */
  serverFlags?: number;
  /** Links the new message to its interaction before anyone hears of it, so waiters see a consistent state. */
  link?: (record: MessageRecord) => void;
}

export function createMessage(core: LocalDiscordCore, input: NewMessage): MessageRecord {
  const { state } = core;
  const channel = state.channels.get(input.channelId);
  if (!channel) throw new Error(`local-discord: no channel ${input.channelId}`);
  const guild = state.guildOfChannel(channel);
  const id = state.nextId();
  const content = typeof input.body.content === 'string' ? input.body.content : '';
  const requestedFlags = typeof input.body.flags === 'number' ? input.body.flags & settableFlags : 0;
  const ephemeral = (input.visibleTo ?? null) !== null;
  const message: APIMessage = {
    id,
    channel_id: channel.id,
    author: input.author,
    content,
    timestamp: new Date(core.now()).toISOString(),
    edited_timestamp: null,
    tts: input.body.tts === true,
    ...resolveMentions(state, content, input.body.allowed_mentions, guild, canMentionEveryone(core, input.author.id, channel)),
    attachments: buildAttachments(core, channel.id, input.body.attachments, input.files, []),
    embeds: normalizeEmbeds(input.body.embeds),
    pinned: false,
    type: input.type ?? MessageType.Default,
    flags: (ephemeral ? requestedFlags | MessageFlags.Ephemeral : requestedFlags & ~MessageFlags.Ephemeral) | (input.serverFlags ?? 0),
    components: Array.isArray(input.body.components) ? (input.body.components as APIMessageTopLevelComponent[]) : [],
    ...input.extra,
  };
  const record: MessageRecord = {
    message,
    guildId: guild?.id ?? null,
    visibleTo: input.visibleTo ?? null,
    interactionId: input.interactionId ?? null,
    deleted: false,
  };
  state.addMessage(record);
  input.link?.(record);
  core.events.emit('message', record);
  dispatchMessageEvent(core, GatewayDispatchEvents.MessageCreate, record, guild);
  return record;
}

/**
 * Applies an edit as Discord does: fields present in the body replace the old ones,
 * absent fields stay. A deferred reply's Loading flag goes with the first edit.
 */
export function editMessage(
  core: LocalDiscordCore,
  record: MessageRecord,
  body: Record<string, unknown>,
  files: AttachmentUpload[],
  options: { markEdited: boolean },
): MessageRecord {
  const { state } = core;
  const message = record.message;
  const guild = record.guildId === null ? null : (state.guilds.get(record.guildId) ?? null);
  if (body.content !== undefined) message.content = typeof body.content === 'string' ? body.content : '';
  if (body.embeds !== undefined) message.embeds = normalizeEmbeds(body.embeds);
  if (body.components !== undefined) message.components = Array.isArray(body.components) ? (body.components as APIMessageTopLevelComponent[]) : [];
  if (body.content !== undefined || body.allowed_mentions !== undefined) {
    const channel = state.channels.get(message.channel_id);
    const allowed = channel !== undefined && canMentionEveryone(core, message.author.id, channel);
    Object.assign(message, resolveMentions(state, message.content, body.allowed_mentions, guild, allowed));
  }
  if (body.attachments !== undefined || files.length > 0) {
    message.attachments = buildAttachments(core, message.channel_id, body.attachments, files, message.attachments);
  }
  let flags = (message.flags ?? 0) & ~MessageFlags.Loading;
  if (typeof body.flags === 'number') {
    flags = (flags & ~MessageFlags.SuppressEmbeds) | (body.flags & MessageFlags.SuppressEmbeds);
  }
  message.flags = flags;
  if (options.markEdited) message.edited_timestamp = new Date(core.now()).toISOString();
  core.events.emit('message-update', record);
  dispatchMessageEvent(core, GatewayDispatchEvents.MessageUpdate, record, guild);
  return record;
}

export function deleteMessage(core: LocalDiscordCore, record: MessageRecord): void {
  record.deleted = true;
  core.events.emit('message-delete', record);
  if (record.visibleTo !== null) return;
  const intent = record.guildId === null ? GatewayIntentBits.DirectMessages : GatewayIntentBits.GuildMessages;
  core.gateway.dispatch(
    GatewayDispatchEvents.MessageDelete,
    { id: record.message.id, channel_id: record.message.channel_id, ...(record.guildId === null ? {} : { guild_id: record.guildId }) },
    intent,
  );
}

/** Discord sends MESSAGE_CREATE and MESSAGE_UPDATE only to sessions with the message intents, and never for ephemeral messages. */
function dispatchMessageEvent(
  core: LocalDiscordCore,
  type: GatewayDispatchEvents.MessageCreate | GatewayDispatchEvents.MessageUpdate,
  record: MessageRecord,
  guild: GuildRecord | null,
): void {
  if (record.visibleTo !== null) return;
  if (guild === null) {
    core.gateway.dispatch(type, record.message, GatewayIntentBits.DirectMessages);
    return;
  }
  const member = guild.members.get(record.message.author.id);
  const { user: _user, ...memberWithoutUser } = member ? memberPayload(core.state, member) : { user: undefined };
  core.gateway.dispatch(type, { ...record.message, guild_id: guild.id, ...(member ? { member: memberWithoutUser } : {}) }, GatewayIntentBits.GuildMessages);
}

function canMentionEveryone(core: LocalDiscordCore, userId: string, channel: StoredChannel): boolean {
  return hasPermission(userChannelPermissions(core.state, userId, channel), PermissionFlagsBits.MentionEveryone);
}

function normalizeEmbeds(embeds: unknown): APIEmbed[] {
  if (!Array.isArray(embeds)) return [];
  return embeds.filter(isRecord).map((embed) => ({ type: 'rich', ...embed }) as APIEmbed);
}

/**
 * Attachments after a create or an edit: the kept ones (those listed by id in the body's
 * `attachments`, or all of them when the body does not list any on an edit) followed by
 * the uploads, each stored so its URL serves the bytes back.
 */
function buildAttachments(
  core: LocalDiscordCore,
  channelId: string,
  listed: unknown,
  files: AttachmentUpload[],
  existing: APIAttachment[],
): APIAttachment[] {
  const entries = Array.isArray(listed) ? listed.filter(isRecord) : null;
  const kept = entries === null ? existing : existing.filter((attachment) => entries.some((entry) => String(entry.id) === attachment.id));
  const uploaded = files.map((file, position) => {
    const index = /^files\[(\d+)\]$/.exec(file.field)?.[1] ?? String(position);
    const entry = entries?.find((candidate) => String(candidate.id) === index);
    const filename = typeof entry?.filename === 'string' ? entry.filename : file.filename;
    const stored = core.state.storeAttachment(channelId, { ...file, filename }, { kind: 'message', issuedAt: core.now(), expiresAt: null });
    const url = core.cdn.url(stored);
    const attachment: APIAttachment = { id: stored.id, filename, size: file.data.length, url, proxy_url: url, content_type: file.contentType };
    if (typeof entry?.description === 'string') attachment.description = entry.description;
    const size = pngSize(file.data);
    if (size !== null) Object.assign(attachment, size);
    return attachment;
  });
  return [...kept, ...uploaded];
}
