import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  GatewayDispatchEvents,
  GatewayOpcodes,
  MessageFlags,
  PermissionFlagsBits,
  StringSelectMenuBuilder,
  type Interaction,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { DriverError } from '../../src/local-discord/index.js';
import { rawRequest, startPair, stopPair, type Pair } from './harness.js';

function onInteraction(pair: Pair, handler: (interaction: Interaction) => Promise<unknown>): void {
  pair.client.on(Events.InteractionCreate, (interaction) => void handler(interaction));
}

describe('interactions between the driver and the real discord.js client', () => {
  let pair: Pair | undefined;
  afterEach(async () => {
    await stopPair(pair);
    pair = undefined;
  });

  it('delivers a slash command with its options and the invoking member, and returns the reply', async () => {
    pair = await startPair();
    const seen: { question: string | null; isPublic: boolean | null; user: string; manageGuild: boolean | undefined; channel: string | null | undefined }[] = [];
    onInteraction(pair, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      seen.push({
        question: interaction.options.getString('question'),
        isPublic: interaction.options.getBoolean('public'),
        user: interaction.user.username,
        manageGuild: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild),
        channel: interaction.channel && 'name' in interaction.channel ? interaction.channel.name : undefined,
      });
      await interaction.reply({ embeds: [new EmbedBuilder().setTitle('Answer').setDescription('> quoted')], allowedMentions: { parse: [] } });
    });

    const reply = await pair.discord.driver.slash('/ask', { question: 'When does it start?', public: true }, { user: 'ada', channel: 'digest' }).reply();
    expect(seen).toEqual([{ question: 'When does it start?', isPublic: true, user: 'ada', manageGuild: true, channel: 'digest' }]);
    expect(reply.embeds[0]).toMatchObject({ title: 'Answer', description: '> quoted' });
    expect(reply.author.id).toBe(pair.discord.applicationId);
    expect(pair.discord.state.messagesIn('digest').map((message) => message.id)).toEqual([reply.id]);
  });

  it('gives a plain member no Manage Server permission', async () => {
    pair = await startPair();
    const permissions: (boolean | undefined)[] = [];
    onInteraction(pair, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      permissions.push(interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild));
      await interaction.reply({ content: 'ok', flags: MessageFlags.Ephemeral });
    });
    await pair.discord.driver.slash('/ask', { question: 'q' }, { user: 'bob' }).reply();
    expect(permissions).toEqual([false]);
  });

  it('completes a deferred reply with editReply, and keeps an ephemeral reply out of the channel', async () => {
    pair = await startPair();
    onInteraction(pair, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await interaction.editReply('took a while');
    });
    const handle = pair.discord.driver.slash('/ask', { question: 'slow' });
    const reply = await handle.reply();
    expect((await handle.callback()).type).toBe(5);
    expect(reply.content).toBe('took a while');
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(pair.discord.state.messagesIn('general')).toEqual([]);
    expect(pair.discord.state.messagesIn('general', { visibleTo: 'ada' }).map((message) => message.content)).toEqual(['took a while']);
  });

  it('fills the deferred message with the first follow-up, as Discord does', async () => {
    pair = await startPair();
    onInteraction(pair, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await interaction.followUp('here it is');
      await interaction.followUp('and one more');
    });
    const handle = pair.discord.driver.slash('/ask', { question: 'q' });
    const reply = await handle.reply();
    expect(reply.content).toBe('here it is');
    expect((await handle.followUp(1)).content).toBe('and one more');
    expect(pair.discord.state.messagesIn('general').map((message) => message.content)).toEqual(['here it is', 'and one more']);
  });

  it('answers with_response, fetchReply and deleteReply the way discord.js expects', async () => {
    pair = await startPair();
    const seen: string[] = [];
    let finished: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (finished = resolve));
    onInteraction(pair, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const response = await interaction.reply({ content: 'with response', withResponse: true });
      seen.push(response.resource?.message?.content ?? 'none');
      seen.push((await interaction.fetchReply()).content);
      await interaction.deleteReply();
      seen.push('deleted');
      finished();
    });
    const handle = pair.discord.driver.slash('/ask', { question: 'q' });
    await done;
    expect(seen).toEqual(['with response', 'with response', 'deleted']);
    expect(handle.original()).toBeNull();
    expect(pair.discord.state.messagesIn('general')).toEqual([]);
  });

  it('sends follow-ups after a reply, ephemeral or not', async () => {
    pair = await startPair();
    onInteraction(pair, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply('first');
      await interaction.followUp({ content: 'only for you', flags: MessageFlags.Ephemeral });
      await interaction.followUp('for everyone');
    });
    const handle = pair.discord.driver.slash('/ask', { question: 'q' });
    const [first, second] = [await handle.followUp(0), await handle.followUp(1)];
    expect(first.content).toBe('only for you');
    expect(first.flags).toBe(MessageFlags.Ephemeral);
    expect(second.content).toBe('for everyone');
    expect(pair.discord.state.messagesIn('general').map((message) => message.content)).toEqual(['first', 'for everyone']);
  });

  it('updates the message a clicked button is on', async () => {
    pair = await startPair();
    onInteraction(pair, async (interaction) => {
      if (interaction.isChatInputCommand()) {
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('page:2').setLabel('Next').setStyle(ButtonStyle.Primary),
        );
        await interaction.reply({ content: 'page 1', components: [row] });
      } else if (interaction.isButton()) {
        await interaction.update({ content: `page 2 for ${interaction.user.username}`, components: [] });
      }
    });
    const page1 = await pair.discord.driver.slash('/ask', { question: 'q' }).reply();
    const clicked = pair.discord.driver.click(page1, 'page:2', { user: 'bob' });
    const page2 = await clicked.reply();
    expect(page2.id).toBe(page1.id);
    expect(page2.content).toBe('page 2 for bob');
    expect(page2.components).toEqual([]);
    expect(page2.edited_timestamp).not.toBeNull();
  });

  it('edits the button message after deferUpdate', async () => {
    pair = await startPair();
    onInteraction(pair, async (interaction) => {
      if (interaction.isChatInputCommand()) {
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('refresh').setLabel('Refresh').setStyle(ButtonStyle.Secondary),
        );
        await interaction.reply({ content: 'old', components: [row] });
      } else if (interaction.isButton()) {
        await interaction.deferUpdate();
        await interaction.editReply({ content: 'refreshed' });
      }
    });
    const message = await pair.discord.driver.slash('/ask', { question: 'q' }).reply();
    const refreshed = await pair.discord.driver.click(message, 'refresh').reply();
    expect([refreshed.id, refreshed.content]).toEqual([message.id, 'refreshed']);
  });

  it('sends the values picked in a select menu', async () => {
    pair = await startPair();
    const picked: string[][] = [];
    onInteraction(pair, async (interaction) => {
      if (interaction.isChatInputCommand()) {
        const menu = new StringSelectMenuBuilder()
          .setCustomId('source')
          .addOptions({ label: 'Japan', value: 'japan' }, { label: 'Uzbekistan', value: 'uzbekistan' });
        await interaction.reply({ content: 'pick one', components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu)] });
      } else if (interaction.isStringSelectMenu()) {
        picked.push(interaction.values);
        await interaction.update({ content: `picked ${interaction.values.join(', ')}`, components: [] });
      }
    });
    const message = await pair.discord.driver.slash('/ask', { question: 'q' }).reply();
    expect((await pair.discord.driver.select(message, 'source', ['uzbekistan']).reply()).content).toBe('picked uzbekistan');
    expect(picked).toEqual([['uzbekistan']]);
  });

  it('refuses to click a button the message does not have', async () => {
    pair = await startPair();
    onInteraction(pair, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply('no buttons');
    });
    const message = await pair.discord.driver.slash('/ask', { question: 'q' }).reply();
    expect(() => pair?.discord.driver.click(message, 'missing')).toThrow(DriverError);
  });

  it('sends the focused option for autocomplete and returns the choices', async () => {
    pair = await startPair();
    onInteraction(pair, async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      const focused = interaction.options.getFocused(true);
      await interaction.respond([{ name: `${focused.name}: ${focused.value}`, value: 'japan' }]);
    });
    const choices = await pair.discord.driver.autocomplete('/ask', { question: 'q', source: 'jap' }).choices();
    expect(choices).toEqual([{ name: 'source: jap', value: 'japan' }]);
  });

  it('runs a message context-menu command with the target message resolved', async () => {
    pair = await startPair();
    const targets: string[] = [];
    onInteraction(pair, async (interaction) => {
      if (!interaction.isMessageContextMenuCommand()) return;
      targets.push(interaction.targetMessage.content);
      await interaction.reply({ content: 'found', flags: MessageFlags.Ephemeral });
    });
    const message = pair.discord.driver.say('What about the harbour loan?', { user: 'bob' });
    const reply = await pair.discord.driver.messageCommand('Find sources', message, { user: 'bob' }).reply();
    expect(targets).toEqual(['What about the harbour loan?']);
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
  });

  it('delivers a command used in a DM without a member', async () => {
    pair = await startPair();
    const contexts: { inGuild: boolean; user: string }[] = [];
    onInteraction(pair, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      contexts.push({ inGuild: interaction.inGuild(), user: interaction.user.username });
      await interaction.reply('hi');
    });
    await pair.discord.driver.slash('/ask', { question: 'q' }, { user: 'bob', channel: 'dm' }).reply();
    expect(contexts).toEqual([{ inGuild: false, user: 'bob' }]);
  });

  it('hides a command behind its default member permissions, as Discord does, unless unchecked', async () => {
    pair = await startPair();
    const users: string[] = [];
    onInteraction(pair, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      users.push(interaction.user.username);
      await interaction.reply('ran');
    });
    expect(() => pair?.discord.driver.slash('/admin-only', {}, { user: 'bob' })).toThrow(/would not show \/admin-only to bob/);
    await pair.discord.driver.slash('/admin-only', {}, { user: 'ada' }).reply();
    await pair.discord.driver.slash('/admin-only', {}, { user: 'bob', unchecked: true }).reply();
    expect(users).toEqual(['ada', 'bob']);
  });

  it('refuses a slash command without its required options unless unchecked', async () => {
    pair = await startPair();
    expect(() => pair?.discord.driver.slash('/ask', {})).toThrow(/needs question/);
    expect(() => pair?.discord.driver.slash('/digest setup', { channel: '#digest' })).toThrow(/needs schedule/);
  });

  it('resolves a channel option for a subcommand', async () => {
    pair = await startPair();
    const picked: (string | undefined)[] = [];
    onInteraction(pair, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      picked.push(`${interaction.options.getSubcommand()} ${interaction.options.getChannel('channel')?.name} ${interaction.options.getString('schedule')}`);
      await interaction.reply('set');
    });
    await pair.discord.driver.slash('/digest setup', { channel: '#digest', schedule: '0 9 * * 1' }).reply();
    expect(picked).toEqual(['setup digest 0 9 * * 1']);
  });
});

describe('interaction callbacks the bot gets wrong', () => {
  let pair: Pair | undefined;
  afterEach(async () => {
    await stopPair(pair);
    pair = undefined;
  });

  it('answers 10062 Unknown interaction for an interaction id the server never sent', async () => {
    pair = await startPair();
    const response = await rawRequest(pair.discord, 'POST', '/interactions/123456789012345678/some-token/callback', { type: 4, data: { content: 'hi' } }, false);
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 10062, message: 'Unknown interaction' });
  });

  it('answers 40060 to a second callback on the same interaction', async () => {
    pair = await startPair();
    onInteraction(pair, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply('first');
    });
    const handle = pair.discord.driver.slash('/ask', { question: 'q' });
    await handle.reply();
    const again = await rawRequest(pair.discord, 'POST', `/interactions/${handle.id}/${handle.token}/callback`, { type: 4, data: { content: 'second' } }, false);
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ code: 40060 });
  });

  it('treats an interaction answered after the acknowledgement window as unknown', async () => {
    pair = await startPair({ timings: { interactionAckWindowMs: 30 } });
    const handle = pair.discord.driver.slash('/ask', { question: 'q' });
    await expect(handle.callback()).rejects.toThrow(/not acknowledged within 30 ms/);
    const late = await rawRequest(pair.discord, 'POST', `/interactions/${handle.id}/${handle.token}/callback`, { type: 4, data: { content: 'late' } }, false);
    expect(late.body).toMatchObject({ code: 10062 });
  });

  it('refuses edits with an interaction token that has expired', async () => {
    let clock = Date.now();
    pair = await startPair({ now: () => clock });
    onInteraction(pair, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply('first');
    });
    const handle = pair.discord.driver.slash('/ask', { question: 'q' });
    await handle.reply();
    clock += 15 * 60_000 + 1;
    const edit = await rawRequest(pair.discord, 'PATCH', `/webhooks/${pair.discord.applicationId}/${handle.token}/messages/@original`, { content: 'too late' }, false);
    expect(edit.status).toBe(401);
    expect(edit.body).toMatchObject({ code: 50027 });
  });

  it('rejects more than 25 autocomplete choices with 50035', async () => {
    pair = await startPair();
    const handle = pair.discord.driver.autocomplete('/ask', { source: 'a' });
    const choices = Array.from({ length: 26 }, (_, index) => ({ name: `choice ${index}`, value: `${index}` }));
    const response = await rawRequest(pair.discord, 'POST', `/interactions/${handle.id}/${handle.token}/callback`, { type: 8, data: { choices } }, false);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 50035, errors: { data: { choices: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } });
  });
});

describe('an interaction delivered again', () => {
  let pair: Pair | undefined;
  afterEach(async () => {
    await stopPair(pair);
    pair = undefined;
  });

  it('sends the same INTERACTION_CREATE again under a new sequence number, and refuses a second answer with 40060', async () => {
    pair = await startPair();
    const outcomes: (string | number)[] = [];
    let settled: () => void = () => undefined;
    const bothSettled = new Promise<void>((resolve) => (settled = resolve));
    onInteraction(pair, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      try {
        await interaction.reply(`answer to delivery ${outcomes.length + 1} of ${interaction.id}`);
        outcomes.push('answered');
      } catch (error) {
        outcomes.push(error instanceof DiscordAPIError && typeof error.code === 'number' ? error.code : String(error));
      }
      if (outcomes.length === 2) settled();
    });
    const frames: { id: string; sequence: number }[] = [];
    pair.discord.events.on('gateway-send', ({ payload }) => {
      if (payload.op === GatewayOpcodes.Dispatch && payload.t === GatewayDispatchEvents.InteractionCreate) frames.push({ id: payload.d.id, sequence: payload.s });
    });

    const handle = pair.discord.driver.slash('/ask', { question: 'q' });
    const first = await handle.reply();
    pair.discord.driver.redeliver(handle);
    await bothSettled;

    expect(outcomes).toEqual(['answered', 40060]);
    expect(frames.map((frame) => frame.id)).toEqual([handle.id, handle.id]);
    expect(frames[1]?.sequence).toBeGreaterThan(frames[0]?.sequence ?? Infinity);
    expect(handle.messages().map((message) => message.id)).toEqual([first.id]);
    expect(first.content).toBe(`answer to delivery 1 of ${handle.id}`);
  });

  it('refuses to redeliver an interaction it never sent, or with no bot connected', async () => {
    pair = await startPair();
    expect(() => pair?.discord.driver.redeliver({ id: '123456789012345678' })).toThrow(/never dispatched/);
    const handle = pair.discord.driver.slash('/ask', { question: 'q' });
    await pair.client.destroy();
    expect(() => pair?.discord.driver.redeliver(handle)).toThrow(/no bot is connected/);
  });
});
