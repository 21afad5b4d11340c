import { ActionRowBuilder, ButtonBuilder, ButtonStyle, InteractionContextType, MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { Command } from '../../../src/discord/command.js';
import { UserError } from '../../../src/errors.js';
import { DriverError, type LocalDiscordOptions } from '../../../src/local-discord/index.js';
import { startRouterHarness, type RouterHarness } from '../fixtures/router-harness.js';

const help = { usage: '/probe', description: 'A command that exists only in these tests', example: '/probe' };

/** A test-only command: real registration data, and an `execute` the test chooses. */
function probe(execute: Command['execute'], options: { guildOnly?: boolean } = {}): Command {
  const data = new SlashCommandBuilder().setName('probe').setDescription('A command that exists only in these tests');
  if (options.guildOnly === true) data.setContexts(InteractionContextType.Guild);
  return { data, help, execute };
}

/** A promise the test resolves, to hold a command at a point of its choosing. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** How a command may already have answered when it fails, and what Discord then sees. */
const answeredBefore: {
  when: string;
  answer: (interaction: ChatInputCommandInteraction) => Promise<unknown>;
  steps: string[];
  publicContent: string[];
}[] = [
  // A follow-up to a public "thinking" message would fill it in for everyone to see, so it is removed first.
  { when: 'deferred publicly', answer: (interaction) => interaction.deferReply(), steps: ['callback 5', 'delete @original', 'follow-up'], publicContent: [] },
  { when: 'deferred ephemerally', answer: (interaction) => interaction.deferReply({ flags: MessageFlags.Ephemeral }), steps: ['callback 5', 'edit @original'], publicContent: [] },
  { when: 'already replied', answer: (interaction) => interaction.reply({ content: 'first part' }), steps: ['callback 4', 'follow-up'], publicContent: ['first part'] },
];

describe('the interaction router, on real discord.js interactions from the local Discord', () => {
  let harness: RouterHarness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  const start = async (command: Command, options?: LocalDiscordOptions) => (harness = await startRouterHarness([command], options));

  it('writes one log line per interaction with its id, command, server, latency and outcome', async () => {
    const { server, router, logs, logOf } = await start(probe(async (interaction) => void (await interaction.reply({ content: 'ok' }))));
    const first = server.driver.slash('/probe', {}, { user: 'ada' });
    const second = server.driver.slash('/probe', {}, { user: 'bob' });
    const [firstLine, secondLine] = await Promise.all([logOf(first), logOf(second)]);
    await router.idle();
    const guildId = server.state.guild().id;
    expect(firstLine).toMatchObject({ module: 'interactions', interactionId: first.id, command: '/probe', guildId, userId: server.state.user('ada').id, outcome: 'ok' });
    expect(secondLine).toMatchObject({ interactionId: second.id, command: '/probe', guildId, userId: server.state.user('bob').id, outcome: 'ok' });
    for (const line of [firstLine, secondLine]) expect(line.latencyMs).toEqual(expect.any(Number));
    for (const handle of [first, second]) expect(logs.filter((line) => line.interactionId === handle.id && line.msg === 'interaction')).toHaveLength(1);
  });

  it('shows a UserError ephemerally, as it is', async () => {
    const { server, logs, logOf, stepsOf } = await start(
      probe(async () => {
        throw new UserError('There is no source called “x”. Run /sources.');
      }),
    );
    const handle = server.driver.slash('/probe');
    const reply = await handle.reply();
    expect((await logOf(handle)).outcome).toBe('user-error');
    expect(stepsOf(handle).map((step) => step.step)).toEqual(['callback 4']);
    expect(stepsOf(handle)[0]?.body).toMatchObject({ data: { content: 'There is no source called “x”. Run /sources.', flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } } });
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(server.state.messagesIn('general')).toEqual([]);
    expect(logs.some((line) => line.msg === 'interaction failed')).toBe(false);
  });

  it('logs any other error with the interaction id and apologises with that id as reference', async () => {
    const { server, logs, logOf, stepsOf } = await start(
      probe(async () => {
        throw new Error('database is on fire');
      }),
    );
    const handle = server.driver.slash('/probe');
    const reply = await handle.reply();
    expect((await logOf(handle)).outcome).toBe('error');
    expect(stepsOf(handle).map((step) => step.step)).toEqual(['callback 4']);
    expect(reply.content).toContain(`\`${handle.id}\``);
    expect(reply.content).not.toContain('database is on fire');
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(logs.find((line) => line.msg === 'interaction failed')).toMatchObject({ interactionId: handle.id, err: { message: 'database is on fire' } });
  });

  it.each(answeredBefore)('shows a UserError only to the user when the command had $when', async ({ answer, steps, publicContent }) => {
    const { server, logOf, stepsOf } = await start(
      probe(async (interaction) => {
        await answer(interaction);
        throw new UserError('That period is empty.');
      }),
    );
    const handle = server.driver.slash('/probe');
    expect((await logOf(handle)).outcome).toBe('user-error');
    expect(stepsOf(handle).map((step) => step.step)).toEqual(steps);
    const shown = server.state.messagesIn('general', { visibleTo: 'ada' }).filter((message) => message.content === 'That period is empty.');
    expect(shown.map((message) => message.flags)).toEqual([MessageFlags.Ephemeral]);
    expect(server.state.messagesIn('general').map((message) => message.content)).toEqual(publicContent);
  });

  it.each(answeredBefore)('apologises with the interaction id, only to the user, when the command had $when', async ({ answer, steps, publicContent }) => {
    const { server, logs, logOf, stepsOf } = await start(
      probe(async (interaction) => {
        await answer(interaction);
        throw new Error('index unavailable');
      }),
    );
    const handle = server.driver.slash('/probe');
    expect((await logOf(handle)).outcome).toBe('error');
    expect(stepsOf(handle).map((step) => step.step)).toEqual(steps);
    const apologies = server.state.messagesIn('general', { visibleTo: 'ada' }).filter((message) => message.content.includes(`\`${handle.id}\``));
    expect(apologies.map((message) => message.flags)).toEqual([MessageFlags.Ephemeral]);
    expect(server.state.messagesIn('general').map((message) => message.content)).toEqual(publicContent);
    expect(logs.find((line) => line.msg === 'interaction failed')).toMatchObject({ interactionId: handle.id, err: { message: 'index unavailable' } });
  });

  it('leaves the message of a button deferred with deferUpdate alone and shows the error in a follow-up', async () => {
    const command: Command = {
      ...probe(async (interaction) => {
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('probe:next').setLabel('Next').setStyle(ButtonStyle.Primary));
        await interaction.reply({ content: 'page 1', components: [row] });
      }),
      async button(interaction) {
        await interaction.deferUpdate();
        throw new UserError('That page is gone. Run /probe again.');
      },
    };
    const { server, logOf, stepsOf } = await start(command);
    const page = await server.driver.slash('/probe').reply();
    const click = server.driver.click(page, 'probe:next');
    expect((await logOf(click)).outcome).toBe('user-error');
    expect(stepsOf(click).map((step) => step.step)).toEqual(['callback 6', 'follow-up']);
    expect(server.state.messagesIn('general').map((message) => message.content)).toEqual(['page 1']);
    expect((await click.followUp(0)).flags).toBe(MessageFlags.Ephemeral);
  });

  it('logs an interaction answered after the acknowledgement window (10062) and neither retries nor throws', async () => {
    let clock = Date.now();
    const running = gate();
    const late = gate();
    const { server, logs, logOf, stepsOf } = await start(
      probe(async (interaction) => {
        running.open();
        await late.opened;
        await interaction.reply({ content: 'too late' });
      }),
      { now: () => clock },
    );
    const handle = server.driver.slash('/probe');
    await running.opened;
    clock += 3_001;
    late.open();
    expect((await logOf(handle)).outcome).toBe('expired');
    expect(stepsOf(handle).map(({ step, status }) => [step, status])).toEqual([['callback 4', 404]]);
    expect(logs.find((line) => line.msg === 'interaction could no longer be answered')).toMatchObject({ interactionId: handle.id, code: 10062 });
    expect(logs.filter((line) => typeof line.level === 'number' && line.level >= 50)).toEqual([]);
    expect(handle.messages()).toEqual([]);
  });

  it('logs an expired token (50027) met while showing an error, without throwing', async () => {
    let clock = Date.now();
    const deferred = gate();
    const expired = gate();
    const { server, logs, logOf, stepsOf } = await start(
      probe(async (interaction) => {
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        deferred.open();
        await expired.opened;
        throw new Error('boom');
      }),
      { now: () => clock },
    );
    const handle = server.driver.slash('/probe');
    await deferred.opened;
    clock += 15 * 60_000 + 1;
    expired.open();
    expect((await logOf(handle)).outcome).toBe('expired');
    expect(stepsOf(handle).map(({ step, status }) => [step, status])).toEqual([
      ['callback 5', expect.any(Number)],
      ['edit @original', 401],
    ]);
    expect(logs.find((line) => line.msg === 'could not show the error: the interaction can no longer be answered')).toMatchObject({ interactionId: handle.id, code: 50027 });
    expect(logs.some((line) => line.msg === 'could not show the error to the user' || line.msg === 'interaction boundary failed')).toBe(false);
  });

  it('answers an interaction delivered twice only once', async () => {
    let runs = 0;
    const { server, logOf, waitForLog, stepsOf } = await start(
      probe(async (interaction) => {
        runs += 1;
        await interaction.reply({ content: 'once' });
      }),
    );
    const handle = server.driver.slash('/probe');
    // Delivered again before the first delivery is answered: both are in the client at once.
    server.driver.redeliver(handle);
    await Promise.all([logOf(handle), waitForLog((line) => line.interactionId === handle.id && line.outcome === 'duplicate')]);
    expect(runs).toBe(1);
    expect(stepsOf(handle).map(({ step, status }) => [step, status])).toEqual([['callback 4', 204]]);
    expect(handle.messages().map((message) => message.content)).toEqual(['once']);
  });

  it('tells a user in direct messages that a server-only command needs a server', async () => {
    let ran = false;
    const { server, logOf } = await start(
      probe(
        async () => {
          ran = true;
        },
        { guildOnly: true },
      ),
    );
    // Discord's client does not offer the command in a DM; an outdated client could still send it.
    expect(() => server.driver.slash('/probe', {}, { channel: 'dm' })).toThrow(DriverError);
    const handle = server.driver.slash('/probe', {}, { channel: 'dm', unchecked: true });
    const reply = await handle.reply();
    expect(ran).toBe(false);
    expect(reply.content).toContain('only works in a server');
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(await logOf(handle)).toMatchObject({ outcome: 'user-error', guildId: null });
  });

  it('waits for interactions in flight to be answered before reporting idle', async () => {
    const running = gate();
    const release = gate();
    const { server, router } = await start(
      probe(async (interaction) => {
        running.open();
        await release.opened;
        await interaction.reply({ content: 'done' });
      }),
    );
    const handle = server.driver.slash('/probe');
    await running.opened;
    expect(router.inFlight).toBe(1);
    let idle = false;
    const waiting = router.idle().then(() => (idle = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(idle).toBe(false);
    release.open();
    await waiting;
    expect(router.inFlight).toBe(0);
    expect(handle.original()?.content).toBe('done');
  });
});
