import { DiscordAPIError, InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../../src/discord/command.js';
import type { CommandContext } from '../../../src/discord/command-context.js';
import { createInteractionRouter } from '../../../src/discord/interaction-router.js';
import { UserError } from '../../../src/errors.js';
import { fakeCommandInteraction } from '../fixtures/fake-interaction.js';
import { logSink } from '../fixtures/log-sink.js';

const help = { usage: '/x', description: 'x', example: '/x' };

function commandThat(execute: Command['execute'], options: { guildOnly?: boolean } = {}): Command {
  const data = new SlashCommandBuilder().setName('probe').setDescription('probe');
  if (options.guildOnly === true) data.setContexts(InteractionContextType.Guild);
  return { data, help, execute };
}

function routerWith(command: Command) {
  const sink = logSink();
  const router = createInteractionRouter({ commands: [command], messageCommands: [], context: {} as CommandContext, logger: sink.logger });
  return { router, lines: sink.lines };
}

const apiError = (code: number, status = 404) =>
  new DiscordAPIError({ code, message: 'Unknown interaction' }, code, status, 'POST', 'https://discord.test/api/v10/interactions/1/t/callback', { body: undefined, files: undefined });

describe('the interaction router', () => {
  it('writes one log line per interaction with its id, command, server, latency and outcome', async () => {
    const { router, lines } = routerWith(commandThat(async (interaction) => void (await interaction.reply({ content: 'ok' }))));
    const fake = fakeCommandInteraction({ commandName: 'probe' });
    await router.handle(fake.interaction);
    const entries = lines.filter((line) => line.msg === 'interaction');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ interactionId: '1100000000000000001', command: '/probe', guildId: '1200000000000000001', outcome: 'ok' });
    expect(typeof entries[0]?.latencyMs).toBe('number');
  });

  it('shows a UserError ephemerally, as it is', async () => {
    const { router, lines } = routerWith(commandThat(async () => {
      throw new UserError('There is no source called “x”. Run /sources.');
    }));
    const fake = fakeCommandInteraction({ commandName: 'probe' });
    await router.handle(fake.interaction);
    expect(fake.sent).toHaveLength(1);
    expect(fake.sent[0]?.method).toBe('reply');
    expect(fake.sent[0]?.payload).toMatchObject({ content: 'There is no source called “x”. Run /sources.', flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
    expect(lines.find((line) => line.msg === 'interaction')?.outcome).toBe('user-error');
  });

  it('logs any other error with the interaction id and apologises with that id as reference', async () => {
    const { router, lines } = routerWith(commandThat(async () => {
      throw new Error('database is on fire');
    }));
    const fake = fakeCommandInteraction({ id: '1100000000000000042', commandName: 'probe' });
    await router.handle(fake.interaction);
    expect(fake.contentOf(0)).toContain('`1100000000000000042`');
    expect(fake.contentOf(0)).not.toContain('database is on fire');
    const failure = lines.find((line) => line.msg === 'interaction failed');
    expect(failure).toMatchObject({ interactionId: '1100000000000000042', err: { message: 'database is on fire' } });
  });

  it('follows up ephemerally and removes the public "thinking" when a deferred public reply fails', async () => {
    const { router } = routerWith(commandThat(async (interaction) => {
      await interaction.deferReply();
      throw new UserError('That period is empty.');
    }));
    const fake = fakeCommandInteraction({ commandName: 'probe' });
    await router.handle(fake.interaction);
    expect(fake.sent.map((message) => message.method)).toEqual(['deferReply', 'followUp', 'deleteReply']);
    expect(fake.sent[1]?.payload).toMatchObject({ flags: MessageFlags.Ephemeral });
  });

  it('replaces the "thinking" of a deferred ephemeral reply with the error', async () => {
    const { router } = routerWith(commandThat(async () => {
      throw new UserError('That period is empty.');
    }));
    const fake = fakeCommandInteraction({ commandName: 'probe', deferred: true, ephemeral: true });
    await router.handle(fake.interaction);
    expect(fake.sent.map((message) => message.method)).toEqual(['editReply']);
    expect(fake.contentOf(0)).toBe('That period is empty.');
  });

  it('logs an expired interaction (10062) and does not throw or retry', async () => {
    const { router, lines } = routerWith(commandThat(async () => {
      throw apiError(10062);
    }));
    const fake = fakeCommandInteraction({ commandName: 'probe' });
    await expect(router.handle(fake.interaction)).resolves.toBeUndefined();
    expect(fake.sent).toEqual([]);
    expect(lines.find((line) => line.msg === 'interaction')?.outcome).toBe('expired');
  });

  it('logs an expired token (50027) met while showing an error, without throwing', async () => {
    const { router, lines } = routerWith(commandThat(async () => {
      throw new Error('boom');
    }));
    const fake = fakeCommandInteraction({ commandName: 'probe' });
    fake.failNext('reply', apiError(50027, 401));
    await expect(router.handle(fake.interaction)).resolves.toBeUndefined();
    expect(lines.find((line) => line.msg === 'interaction')?.outcome).toBe('expired');
  });

  it('answers an interaction delivered twice only once', async () => {
    let runs = 0;
    const { router, lines } = routerWith(commandThat(async (interaction) => {
      runs += 1;
      await interaction.reply({ content: 'once' });
    }));
    const first = fakeCommandInteraction({ id: '1100000000000000077', commandName: 'probe' });
    const second = fakeCommandInteraction({ id: '1100000000000000077', commandName: 'probe' });
    await Promise.all([router.handle(first.interaction), router.handle(second.interaction)]);
    expect(runs).toBe(1);
    expect(second.sent).toEqual([]);
    expect(lines.some((line) => line.outcome === 'duplicate')).toBe(true);
  });

  it('tells a user in direct messages that a server-only command needs a server', async () => {
    let ran = false;
    const { router } = routerWith(commandThat(async () => {
      ran = true;
    }, { guildOnly: true }));
    const fake = fakeCommandInteraction({ commandName: 'probe', guildId: null });
    await router.handle(fake.interaction);
    expect(ran).toBe(false);
    expect(fake.contentOf(0)).toContain('only works in a server');
  });

  it('waits for interactions in flight before reporting idle', async () => {
    let release: () => void = () => undefined;
    const { router } = routerWith(commandThat(() => new Promise<void>((resolve) => (release = resolve))));
    const handled = router.handle(fakeCommandInteraction({ commandName: 'probe' }).interaction);
    expect(router.inFlight).toBe(1);
    let idle = false;
    const waiting = router.idle().then(() => (idle = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(idle).toBe(false);
    release();
    await Promise.all([handled, waiting]);
    expect(router.inFlight).toBe(0);
  });
});
