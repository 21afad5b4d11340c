import { type ChannelFlags, ChannelType, MessageFlags, type APIApplicationCommand, type APIApplicationCommandPermission, type APIDMChannel, type APIMessage, type APIUser } from 'discord-api-types/v10';
import type { SnowflakeGenerator } from './snowflake.js';
import type { World } from './seed.js';
import type {
  GuildRecord,
  InteractionRecord,
  MemberRecord,
  MessageRecord,
  RequestLogEntry,
  StoredChannel,
  AttachmentUpload,
} from './types.js';

/** What `LocalDiscordState` needs to start: the bot, and the world built from the seed. */
export interface StateInit {
  applicationId: string;
  applicationName: string;
  botUser: APIUser;
  world: World;
  nextId: SnowflakeGenerator;
}

/** A stored file that the CDN (`GET /attachments/...`, `GET /ephemeral-attachments/...`) serves back. */
export interface StoredAttachment {
  id: string;
  channelId: string;
  filename: string;
  /** Null when the uploader gave none: Discord then leaves `content_type` out. */
  contentType: string | null;
  data: Buffer;
  /** `message`: uploaded by the bot with a message. `option`: attached by a user to a command option. */
  kind: 'message' | 'option';
  issuedAt: number;
  /** When its signed URL stops working (epoch ms); null for an unsigned URL that works while the file exists. */
  expiresAt: number | null;
}

/**
 * Everything the local server knows, in memory: the world (users, guilds, channels),
 * messages, registered commands, interactions and the request log. REST routes, the
 * gateway and the driver all read and change this one object; tests read it to assert.
 */
export class LocalDiscordState {
  readonly applicationId: string;
  readonly applicationName: string;
  readonly botUser: APIUser;
  readonly users: Map<string, APIUser>;
  readonly guilds: Map<string, GuildRecord>;
  readonly channels: Map<string, StoredChannel>;
  readonly messages = new Map<string, MessageRecord>();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly attachments = new Map<string, StoredAttachment>();
  /** Registered commands by scope: the key is a guild id, or `global`. */
  readonly commandScopes = new Map<string, APIApplicationCommand[]>();
  /** A server's own permission settings for commands (Server Settings → Integrations), by `guildId:commandId`. */
  readonly commandPermissions = new Map<string, APIApplicationCommandPermission[]>();
  readonly requests: RequestLogEntry[] = [];
  readonly nextId: SnowflakeGenerator;
  private readonly channelMessageIds = new Map<string, string[]>();
  private readonly interactionIdsByToken = new Map<string, string>();

  constructor(init: StateInit) {
    this.applicationId = init.applicationId;
    this.applicationName = init.applicationName;
    this.botUser = init.botUser;
    this.users = init.world.users;
    this.guilds = init.world.guilds;
    this.channels = init.world.channels;
    this.nextId = init.nextId;
  }

  /** The first seeded guild, which most tests use. */
  get defaultGuild(): GuildRecord {
    const [first] = this.guilds.values();
    if (!first) throw new Error('local-discord: the server was started without guilds');
    return first;
  }

  /** Finds a guild by id or name; the default guild when no reference is given. */
  guild(reference?: string): GuildRecord {
    if (reference === undefined) return this.defaultGuild;
    const found = this.guilds.get(reference) ?? [...this.guilds.values()].find((guild) => guild.name === reference);
    if (!found) throw new Error(`local-discord: no guild "${reference}"`);
    return found;
  }

  /** Finds a user by id, username or display name. */
  user(reference: string): APIUser {
    const found =
      this.users.get(reference) ??
      [...this.users.values()].find((user) => user.username === reference || user.global_name === reference);
    if (!found) throw new Error(`local-discord: no user "${reference}"; known users: ${[...this.users.values()].map((user) => user.username).join(', ')}`);
    return found;
  }

  /** Finds a channel by id, or by name (with or without `#`) within a guild, the default guild by default. */
  channel(reference: string, guildReference?: string): StoredChannel {
    const byId = this.channels.get(reference);
    if (byId) return byId;
    const name = reference.replace(/^#/, '');
    const guild = this.guild(guildReference);
    const found = guild.channelIds
      .map((id) => this.channels.get(id))
      .find((channel) => channel !== undefined && 'name' in channel && channel.name === name);
    if (!found) throw new Error(`local-discord: no channel "${reference}" in guild ${guild.name}`);
    return found;
  }

  /** The guild a channel belongs to, or null for a DM. */
  guildOfChannel(channel: StoredChannel): GuildRecord | null {
    if (!('guild_id' in channel) || channel.guild_id === undefined) return null;
    return this.guilds.get(channel.guild_id) ?? null;
  }

  member(guild: GuildRecord, userId: string): MemberRecord | undefined {
    return guild.members.get(userId);
  }

  /** The DM channel between the bot and a user, created on first use as Discord does. */
  directMessageChannel(userId: string): APIDMChannel {
    for (const channel of this.channels.values()) {
      if (channel.type === ChannelType.DM && channel.recipients?.some((recipient) => recipient.id === userId)) return channel;
    }
    const user = this.users.get(userId);
    if (!user) throw new Error(`local-discord: no user ${userId}`);
    const channel: APIDMChannel = { id: this.nextId(), type: ChannelType.DM, name: null, recipients: [user], last_message_id: null, flags: 0 as ChannelFlags };
    this.channels.set(channel.id, channel);
    return channel;
  }

  addMessage(record: MessageRecord): void {
    this.messages.set(record.message.id, record);
    const ids = this.channelMessageIds.get(record.message.channel_id) ?? [];
    ids.push(record.message.id);
    this.channelMessageIds.set(record.message.channel_id, ids);
    const channel = this.channels.get(record.message.channel_id);
    if (channel && 'last_message_id' in channel && record.visibleTo === null) channel.last_message_id = record.message.id;
  }

  /**
   * Messages in a channel, oldest first. By default only what every member sees: no
   * ephemeral messages and nothing deleted. `visibleTo` adds that user's ephemeral messages.
   */
  messagesIn(channelReference: string, options: { visibleTo?: string; includeDeleted?: boolean } = {}): APIMessage[] {
    const channel = this.channel(channelReference);
    const viewer = options.visibleTo === undefined ? undefined : this.user(options.visibleTo).id;
    return (this.channelMessageIds.get(channel.id) ?? [])
      .map((id) => this.messages.get(id))
      .filter((record): record is MessageRecord => record !== undefined)
      .filter((record) => options.includeDeleted === true || !record.deleted)
      .filter((record) => record.visibleTo === null || record.visibleTo === viewer)
      .map((record) => record.message);
  }

  /** Every message ever created, in order, including ephemeral and deleted ones. */
  allMessages(): MessageRecord[] {
    return [...this.messages.values()];
  }

  isEphemeral(message: APIMessage): boolean {
    return ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
  }

  /** Registered commands: global ones without an argument, else the guild's own. */
  commands(guildReference?: string): APIApplicationCommand[] {
    const key = guildReference === undefined ? 'global' : this.guild(guildReference).id;
    return this.commandScopes.get(key) ?? [];
  }

  setCommands(guildId: string | null, commands: APIApplicationCommand[]): void {
    this.commandScopes.set(guildId ?? 'global', commands);
  }

  /** What a server admin sets for a command in Server Settings → Integrations; replaces earlier settings for it. */
  setCommandPermissions(guildId: string, commandId: string, permissions: APIApplicationCommandPermission[]): void {
    this.commandPermissions.set(`${guildId}:${commandId}`, permissions);
  }

  commandPermissionsFor(guildId: string, commandId: string): APIApplicationCommandPermission[] {
    return this.commandPermissions.get(`${guildId}:${commandId}`) ?? [];
  }

  storeAttachment(
    channelId: string,
    upload: Pick<AttachmentUpload, 'filename' | 'data'> & { contentType: string | null },
    lifetime: { kind: StoredAttachment['kind']; issuedAt: number; expiresAt: number | null } = { kind: 'message', issuedAt: 0, expiresAt: null },
  ): StoredAttachment {
    const attachment: StoredAttachment = {
      id: this.nextId(),
      channelId,
      filename: upload.filename,
      contentType: upload.contentType,
      data: upload.data,
      ...lifetime,
    };
    this.attachments.set(attachment.id, attachment);
    return attachment;
  }

  addInteraction(record: InteractionRecord): void {
    this.interactions.set(record.id, record);
    this.interactionIdsByToken.set(record.token, record.id);
  }

  interactionByToken(token: string): InteractionRecord | undefined {
    const id = this.interactionIdsByToken.get(token);
    return id === undefined ? undefined : this.interactions.get(id);
  }
}
