import type {
  DiscordAPIError} from 'discord.js';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Events,
  InteractionResponseType,
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  SlashCommandBuilder,
  TextDisplayBuilder,
  TextInputBuilder,
  TextInputStyle,
  Routes,
  type Interaction,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { DriverError } from '../../src/local-discord/index.js';
import { startPair, stopPair, type Pair } from './harness.js';

const commands = [
  new SlashCommandBuilder().setName('feedback').setDescription('Send feedback in a form').toJSON(),
  new SlashCommandBuilder().setName('preview').setDescription('A preview with an Edit button').toJSON(),
];

/** The classic modal: one text input per action row, each carrying its label. */
function feedbackModal(): ModalBuilder {
  return new ModalBuilder()
    .setCustomId('feedback')
    .setTitle('Feedback')
    .addComponents(
      new ActionRowBuilder<TextInputBuilder>().addComponents(new TextInputBuilder().setCustomId('subject').setLabel('Subject').setStyle(TextInputStyle.Short).setMaxLength(40)),
      new ActionRowBuilder<TextInputBuilder>().addComponents(
        new TextInputBuilder().setCustomId('details').setLabel('Details').setStyle(TextInputStyle.Paragraph).setRequired(false).setMinLength(10),
      ),
    );
}

/** The newer modal: labels around text inputs, prefilled, with text between them, as an Edit form for metadata. */
function metadataModal(): ModalBuilder {
  return new ModalBuilder()
    .setCustomId('edit:abc123')
    .setTitle('Correct the metadata')
    .addTextDisplayComponents(new TextDisplayBuilder().setContent('Leave a field as it is to keep it.'))
    .addLabelComponents(
      new LabelBuilder().setLabel('Title').setTextInputComponent(new TextInputBuilder().setCustomId('title').setStyle(TextInputStyle.Short).setValue('Japan in Central Asia').setMaxLength(200)),
      new LabelBuilder()
        .setLabel('Published')
        .setDescription('2025, 2025-05 or 2025-05-05')
        .setTextInputComponent(new TextInputBuilder().setCustomId('published').setStyle(TextInputStyle.Short).setRequired(false).setMaxLength(10)),
    );
}

/** Runs `handler` for every interaction; returns what it threw, which a passing test expects to be nothing. */
function onInteraction(pair: Pair, handler: (interaction: Interaction) => Promise<unknown>): unknown[] {
  const failures: unknown[] = [];
  pair.client.on(Events.InteractionCreate, (interaction) => void handler(interaction).catch((error: unknown) => failures.push(error)));
  return failures;
}

describe('modals: the bot shows one, the user fills it in and submits it', () => {
  let pair: Pair | undefined;
  afterEach(async () => {
    await stopPair(pair);
    pair = undefined;
  });

  it('delivers a submitted modal to discord.js, whose fields.getTextInputValue reads what the user typed', async () => {
    pair = await startPair({ commands });
    const failures = onInteraction(pair, async (interaction) => {
      if (interaction.isChatInputCommand()) return interaction.showModal(feedbackModal());
      if (!interaction.isModalSubmit()) return;
      const subject = interaction.fields.getTextInputValue('subject');
      const details = interaction.fields.getTextInputValue('details');
      return interaction.reply({ content: `${interaction.customId}: ${subject} / ${details === '' ? '(none)' : details}`, flags: MessageFlags.Ephemeral });
    });
    const { driver } = pair.discord;
    const command = driver.slash('/feedback', {}, { user: 'bob' });
    const modal = await command.modal();
    expect(modal.title).toBe('Feedback');
    expect(modal.items.map(({ item }) => item.kind === 'display' ? item.content : [item.customId, item.label, item.required])).toEqual([
      ['subject', 'Subject', true],
      ['details', 'Details', false],
    ]);
    const submit = driver.submitModal(command, { subject: 'Dates are off by a day' });
    const reply = await submit.reply();
    expect(reply.content).toBe('feedback: Dates are off by a day / (none)');
    expect(reply.flags ?? 0).toBe(MessageFlags.Ephemeral);
    // As Discord sends it: the modal's custom id, and each row with its text input's value.
    expect(submit.payload.data).toEqual({
      custom_id: 'feedback',
      components: [
        { type: 1, id: 1, components: [{ type: 4, id: 2, custom_id: 'subject', value: 'Dates are off by a day' }] },
        { type: 1, id: 3, components: [{ type: 4, id: 4, custom_id: 'details', value: '' }] },
      ],
    });
    expect(failures).toEqual([]);
  });

  it('opens a modal from a button and lets the submit update the button\'s message, with prefilled values kept', async () => {
    pair = await startPair({ commands });
    const failures = onInteraction(pair, async (interaction) => {
      if (interaction.isChatInputCommand()) {
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('edit:abc123').setLabel('Edit').setStyle(ButtonStyle.Secondary));
        return interaction.reply({ content: 'Title: Japan in Central Asia', components: [row], flags: MessageFlags.Ephemeral });
      }
      if (interaction.isButton()) return interaction.showModal(metadataModal());
      if (!interaction.isModalSubmit() || !interaction.isFromMessage()) return;
      const published = interaction.fields.getTextInputValue('published');
      return interaction.update({ content: `Title: ${interaction.fields.getTextInputValue('title')}; published: ${published || 'unknown'}` });
    });
    const { driver } = pair.discord;
    const preview = await driver.slash('/preview', {}, { user: 'ada' }).reply();
    const click = driver.click(preview, 'edit:abc123');
    const modal = await click.modal();
    expect(modal.items.map(({ item }) => item.kind)).toEqual(['display', 'text', 'text']);
    expect(modal.items[1]?.item).toMatchObject({ customId: 'title', label: 'Title', value: 'Japan in Central Asia', maxLength: 200 });
    expect(modal.items[2]?.item).toMatchObject({ customId: 'published', description: '2025, 2025-05 or 2025-05-05', required: false });

    const submit = driver.submitModal(click, { published: '2025-05' });
    const updated = await submit.reply();
    expect(updated.id).toBe(preview.id);
    expect(updated.content).toBe('Title: Japan in Central Asia; published: 2025-05');
    expect((submit.payload as { message?: { id: string } }).message?.id).toBe(preview.id);
    expect(failures).toEqual([]);
  });

  it('supports deferring the reply to a submit and filling it in later', async () => {
    pair = await startPair({ commands });
    onInteraction(pair, async (interaction) => {
      if (interaction.isChatInputCommand()) return interaction.showModal(feedbackModal());
      if (!interaction.isModalSubmit()) return;
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      return interaction.editReply(`thanks for "${interaction.fields.getTextInputValue('subject')}"`);
    });
    const command = pair.discord.driver.slash('/feedback');
    await command.modal();
    const submit = pair.discord.driver.submitModal(command, { subject: 'Typo', details: 'On the second page.' });
    expect((await submit.callback()).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect((await submit.reply()).content).toBe('thanks for "Typo"');
  });

  it('refuses what Discord\'s client would not submit: unknown fields, empty required ones, lengths, another user, a closed modal', async () => {
    pair = await startPair({ commands });
    onInteraction(pair, async (interaction) => {
      if (interaction.isChatInputCommand()) return interaction.showModal(feedbackModal());
      if (interaction.isModalSubmit()) return interaction.reply({ content: 'ok', flags: MessageFlags.Ephemeral });
    });
    const { driver } = pair.discord;
    const command = driver.slash('/feedback', {}, { user: 'bob' });
    await command.modal();
    expect(() => driver.submitModal(command, { subject: 'x', colour: 'red' })).toThrow(/the modal has no field "colour"; its fields: subject, details/);
    expect(() => driver.submitModal(command, {})).toThrow(/"Subject" is required/);
    expect(() => driver.submitModal(command, { subject: 'x'.repeat(41) })).toThrow(/"Subject" takes at most 40 characters \(it has 41\)/);
    expect(() => driver.submitModal(command, { subject: 'ok', details: 'short' })).toThrow(/"Details" needs at least 10 characters \(it has 5\)/);
    expect(() => driver.submitModal(command, { subject: 'ok' }, { user: 'ada' })).toThrow(/only bob sees this modal/);
    await driver.submitModal(command, { subject: 'ok' }).reply();
    expect(() => driver.submitModal(command, { subject: 'again' })).toThrow(/was submitted and answered: it has closed/);
    // unchecked sends it anyway, to test how a bot copes.
    expect((await driver.submitModal(command, { subject: '' }, { unchecked: true }).reply()).content).toBe('ok');

    const plain = driver.slash('/preview');
    expect(() => driver.submitModal(plain, {})).toThrow(DriverError);
  });

  it('answers 50035 for a modal Discord would refuse, and for updating a message from a modal that has none', async () => {
    pair = await startPair({ commands });
    const errors: unknown[] = [];
    onInteraction(pair, async (interaction) => {
      if (interaction.isChatInputCommand() && interaction.commandName === 'preview') {
        // Past discord.js's own builders, which would refuse it before sending, straight to the callback route.
        const invalid = {
          custom_id: 'bad',
          title: 't'.repeat(46),
          components: [
            { type: 1, components: [{ type: 4, custom_id: 'same', label: 'A', style: 3 }] },
            { type: 18, label: 'B', component: { type: 4, custom_id: 'same', style: 1, min_length: 5, max_length: 2 } },
          ],
        };
        await pair?.client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body: { type: 9, data: invalid }, auth: false }).catch((error: unknown) => errors.push(error));
        return interaction.reply({ content: 'no form today', flags: MessageFlags.Ephemeral });
      }
      if (interaction.isChatInputCommand()) return interaction.showModal(feedbackModal());
      if (interaction.isModalSubmit()) {
        await interaction.deferUpdate().catch((error: unknown) => errors.push(error));
        return interaction.reply({ content: 'answered after all', flags: MessageFlags.Ephemeral });
      }
    });
    const { driver } = pair.discord;
    expect((await driver.slash('/preview').reply()).content).toBe('no form today');
    expect((errors[0] as DiscordAPIError).code).toBe(50035);
    expect((errors[0] as DiscordAPIError).rawError).toMatchObject({
      errors: {
        data: {
          title: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] },
          components: {
            0: { components: { 0: { style: { _errors: [{ code: 'BASE_TYPE_CHOICES' }] } } } },
            1: { component: { custom_id: { _errors: [{ code: 'COMPONENT_CUSTOM_ID_DUPLICATED' }] }, min_length: { _errors: [{ code: 'TEXT_INPUT_MIN_OVER_MAX' }] } } },
          },
        },
      },
    });

    const command = driver.slash('/feedback');
    await command.modal();
    const submit = driver.submitModal(command, { subject: 'x' });
    expect((await submit.reply()).content).toBe('answered after all');
    expect((errors[1] as DiscordAPIError).code).toBe(50035);
  });
});
