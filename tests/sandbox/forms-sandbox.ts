import { Writable } from 'node:stream';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  Events,
  GatewayIntentBits,
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  SlashCommandBuilder,
  TextInputBuilder,
  TextInputStyle,
  type Interaction,
} from 'discord.js';
import { startLocalDiscord, type LocalDiscord } from '../../src/local-discord/index.js';
import { createLogger } from '../../src/logger.js';
import { startBridgeServer } from '../../src/sandbox/bridge-server.js';
import { createSandboxBackend } from '../../src/sandbox/sandbox-backend.js';
import { sandboxGuild } from '../../src/sandbox/sandbox-seed.js';

/*
 * The sandbox page and bridge in front of a small test bot (the real discord.js client)
 * that takes files and shows forms the way `/add` does: it downloads the attached file at
 * once, shows what it read with an Edit button, and the Edit form corrects the title.
 */

export const formsCommands = [
  new SlashCommandBuilder()
    .setName('attach')
    .setDescription('Attach a document or paste a link')
    .addAttachmentOption((option) => option.setName('file').setDescription('The document'))
    .addStringOption((option) => option.setName('link').setDescription('A web page'))
    .toJSON(),
  new SlashCommandBuilder().setName('feedback').setDescription('Tell us in a form').toJSON(),
];

/** What the bot read from a file, kept by message id for the Edit form. */
interface Received {
  name: string;
  size: number;
  firstLine: string;
  title: string;
}

function describe(received: Received): string {
  return `Received ${received.name}: ${received.size} bytes, first line "${received.firstLine}". Title: ${received.title}`;
}

function editModal(received: Received): ModalBuilder {
  return new ModalBuilder()
    .setCustomId('edit')
    .setTitle('Correct the metadata')
    .addLabelComponents(
      new LabelBuilder().setLabel('Title').setTextInputComponent(new TextInputBuilder().setCustomId('title').setStyle(TextInputStyle.Short).setValue(received.title).setMaxLength(100)),
      new LabelBuilder().setLabel('Author').setTextInputComponent(new TextInputBuilder().setCustomId('author').setStyle(TextInputStyle.Short).setRequired(false)),
    );
}

const feedbackModal = new ModalBuilder()
  .setCustomId('feedback')
  .setTitle('Feedback')
  .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(new TextInputBuilder().setCustomId('subject').setLabel('Subject').setStyle(TextInputStyle.Short).setMaxLength(40)));

/** The test bot's whole behaviour; what it threw goes to `failures`. */
export function formsBot(client: Client, failures: unknown[]): void {
  const byMessage = new Map<string, Received>();
  const handle = async (interaction: Interaction): Promise<unknown> => {
    if (interaction.isChatInputCommand() && interaction.commandName === 'feedback') return interaction.showModal(feedbackModal);
    if (interaction.isChatInputCommand()) {
      const file = interaction.options.getAttachment('file');
      const link = interaction.options.getString('link');
      if (file === null) return interaction.reply({ content: link === null ? 'Attach a file or paste a link.' : `Link: ${link}`, flags: MessageFlags.Ephemeral });
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const response = await fetch(file.url);
      if (!response.ok) return interaction.editReply(`Could not download ${file.name}: ${response.status}`);
      const text = await response.text();
      const received = { name: file.name, size: file.size, firstLine: text.split('\n')[0] ?? '', title: file.name.replace(/\.\w+$/, '') };
      const row = new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('edit').setLabel('Edit').setStyle(ButtonStyle.Secondary));
      const message = await interaction.editReply({ content: describe(received), components: [row] });
      byMessage.set(message.id, received);
      return undefined;
    }
    if (interaction.isButton()) {
      const received = byMessage.get(interaction.message.id);
      if (received === undefined) return interaction.reply({ content: 'This preview has expired.', flags: MessageFlags.Ephemeral });
      return interaction.showModal(editModal(received));
    }
    if (interaction.isModalSubmit() && interaction.customId === 'feedback') {
      return interaction.reply(`Feedback from ${interaction.user.username}: ${interaction.fields.getTextInputValue('subject')}`);
    }
    if (interaction.isModalSubmit() && interaction.isFromMessage()) {
      const received = byMessage.get(interaction.message.id);
      if (received === undefined) return interaction.reply({ content: 'This preview has expired.', flags: MessageFlags.Ephemeral });
      received.title = interaction.fields.getTextInputValue('title');
      const author = interaction.fields.getTextInputValue('author');
      return interaction.update({ content: `${describe(received)}; author: ${author === '' ? 'unknown' : author}`, components: [] });
    }
    return undefined;
  };
  client.on(Events.InteractionCreate, (interaction) => void handle(interaction).catch((error: unknown) => failures.push(error)));
}

export interface FormsSandbox {
  discord: LocalDiscord;
  url: string;
  /** What the test bot threw; a passing test expects none. */
  failures: unknown[];
  close(): Promise<void>;
}

/** The local Discord with the sandbox's seed, the forms bot logged in, and the page's bridge on a free port. */
export async function startFormsSandbox(options: { webRoot: string; secret?: string }): Promise<FormsSandbox> {
  const discord = await startLocalDiscord({ guilds: [sandboxGuild], applicationName: 'Briefing Bot', commands: formsCommands });
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiBase } });
  const failures: unknown[] = [];
  formsBot(client, failures);
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(discord.token);
  await ready;
  const backend = createSandboxBackend({ discord, runDigest: () => Promise.resolve({ ok: false, error: 'This test bot has no digest.' }) });
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
  const bridge = await startBridgeServer({ backend, webRoot: options.webRoot, host: '127.0.0.1', port: 0, secret: options.secret ?? null, logger: createLogger({ level: 'warn', destination: quiet }) });
  return {
    discord,
    url: bridge.url,
    failures,
    async close() {
      await bridge.close();
      await client.destroy();
      await discord.close();
    },
  };
}
