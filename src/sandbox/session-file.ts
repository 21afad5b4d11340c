import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { APIMessage } from 'discord-api-types/v10';
import { z } from 'zod';
import { UserError } from '../errors.js';
import type { LocalDiscord } from '../local-discord/index.js';
import type { Logger } from '../logger.js';
import type { SandboxInvocation, SandboxMessage } from './bridge-protocol.js';

/*
 * SANDBOX_STATE_FILE: the sandbox server's messages (and their attachments) kept in a JSON
 * file, so a session survives a restart. Without it, the sandbox starts fresh every time.
 */

const sessionVersion = 1;

const savedSessionSchema = z.object({
  version: z.literal(sessionVersion),
  messages: z.array(z.object({
    message: z.looseObject({ id: z.string(), channel_id: z.string(), content: z.string() }),
    guildId: z.string().nullable(),
    visibleTo: z.string().nullable(),
    invocation: z.object({ userId: z.string(), userName: z.string(), command: z.string() }).nullable(),
  })),
  attachments: z.array(z.object({ id: z.string(), channelId: z.string(), filename: z.string(), contentType: z.string(), base64: z.string() })),
});

type SavedSession = z.infer<typeof savedSessionSchema>;

/**
 * Puts the messages saved in `file` back into the local server's channels. Returns who
 * used which command for each restored reply, since the interactions themselves are gone.
 * A missing file is a fresh session; an unreadable one is a UserError saying what to do.
 */
export async function restoreSession(file: string, discord: LocalDiscord): Promise<Map<string, SandboxInvocation>> {
  const invocations = new Map<string, SandboxInvocation>();
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return invocations;
    throw new UserError(`Cannot read SANDBOX_STATE_FILE ${file}: ${(error as Error).message}. Make it readable, or point SANDBOX_STATE_FILE at another file.`);
  }
  let saved: SavedSession;
  try {
    saved = savedSessionSchema.parse(JSON.parse(text));
  } catch {
    throw new UserError(`SANDBOX_STATE_FILE ${file} is not a sandbox session file. Move it away (a new one is written on the next run), or point SANDBOX_STATE_FILE at another file.`);
  }
  const { state } = discord;
  for (const attachment of saved.attachments) {
    if (!state.channels.has(attachment.channelId)) continue;
    state.attachments.set(attachment.id, {
      id: attachment.id,
      channelId: attachment.channelId,
      filename: attachment.filename,
      contentType: attachment.contentType,
      data: Buffer.from(attachment.base64, 'base64'),
      kind: 'message',
      issuedAt: Date.now(),
      expiresAt: null,
    });
  }
  for (const entry of saved.messages) {
    // The seed gives channels the same ids on every run; a message from another seed has nowhere to go.
    if (!state.channels.has(entry.message.channel_id)) continue;
    state.addMessage({ message: entry.message as unknown as APIMessage, guildId: entry.guildId, visibleTo: entry.visibleTo, interactionId: null, deleted: false });
    if (entry.invocation !== null) invocations.set(entry.message.id, entry.invocation);
  }
  return invocations;
}

export interface SessionWriter {
  /** Writes what is pending now; called on shutdown. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** Saves the session after every change, at most a few times a second, replacing the file atomically. */
export function writeSessionOnChange(options: {
  file: string;
  discord: LocalDiscord;
  messages: () => SandboxMessage[];
  logger: Logger;
}): SessionWriter {
  const { file, discord } = options;
  const log = options.logger.child({ module: 'sandbox-session', file });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();

  const write = async (): Promise<void> => {
    const messages = options.messages();
    const attachmentIds = new Set(messages.flatMap((entry) => entry.message.attachments.map((attachment) => attachment.id)));
    const attachments = [...discord.state.attachments.values()]
      .filter((attachment) => attachment.kind === 'message' && attachmentIds.has(attachment.id))
      .map((attachment) => ({ id: attachment.id, channelId: attachment.channelId, filename: attachment.filename, contentType: attachment.contentType ?? 'application/octet-stream', base64: attachment.data.toString('base64') }));
    const session = {
      version: sessionVersion,
      messages: messages.map((entry) => ({ message: entry.message, guildId: discord.state.defaultGuild.id, visibleTo: entry.visibleTo, invocation: entry.invocation })),
      attachments,
    };
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(session));
    await rename(temporary, file);
  };
  const flush = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    writing = writing.then(write).catch((error: unknown) => log.error({ err: error }, 'could not save the sandbox session'));
    return writing;
  };
  const schedule = (): void => {
    timer ??= setTimeout(() => void flush(), 250);
  };
  const offs = [discord.events.on('message', schedule), discord.events.on('message-update', schedule), discord.events.on('message-delete', schedule)];
  return {
    flush,
    async close() {
      for (const off of offs) off();
      await flush();
    },
  };
}
