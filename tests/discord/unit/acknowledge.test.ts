import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { replyInTime } from '../../../src/discord/acknowledge.js';
import type { Command } from '../../../src/discord/command.js';
import { ephemeral, textMessage, type MessagePayload } from '../../../src/discord/render/payload.js';
import type { LocalDiscordOptions } from '../../../src/local-discord/index.js';
import { startRouterHarness, type RouterHarness } from '../fixtures/router-harness.js';

/** A test-only command whose execute is `replyInTime(interaction, work, options)`; `failures` keeps what replyInTime rejected with. */
function replyingInTime(work: () => MessagePayload | Promise<MessagePayload>, options: { ephemeral: boolean; deferAfterMs: number }) {
  const failures: unknown[] = [];
  const command: Command = {
    data: new SlashCommandBuilder().setName('probe').setDescription('A command that exists only in these tests'),
    help: { usage: '/probe', description: 'A command that exists only in these tests', example: '/probe' },
    async execute(interaction) {
      try {
        await replyInTime(interaction, work, options);
      } catch (error) {
        failures.push(error);
        throw error;
      }
    },
  };
  return { command, failures };
}

/** A promise the test resolves, to finish slow work at a point of its choosing. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('replyInTime, on real discord.js interactions from the local Discord', () => {
  let harness: RouterHarness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  const start = async (command: Command, options?: LocalDiscordOptions) => (harness = await startRouterHarness([command], options));

  it('answers quick work in a single ephemeral reply', async () => {
    const { command } = replyingInTime(() => textMessage('done'), { ephemeral: true, deferAfterMs: 200 });
    const { server, stepsOf } = await start(command);
    const handle = server.driver.slash('/probe');
    const reply = await handle.reply();
    expect(stepsOf(handle).map((step) => step.step)).toEqual(['callback 4']);
    expect(stepsOf(handle)[0]?.body).toMatchObject({ data: { content: 'done', flags: MessageFlags.Ephemeral } });
    expect([reply.content, reply.flags]).toEqual(['done', MessageFlags.Ephemeral]);
  });

  it('defers slow work before the deadline, then edits the answer in', async () => {
    const finish = gate();
    const { command } = replyingInTime(
      async () => {
        await finish.opened;
        // Renderers may mark a payload ephemeral; an edit must not carry flags the deferral already set.
        return ephemeral(textMessage('late but fine'));
      },
      { ephemeral: true, deferAfterMs: 10 },
    );
    const { server, stepsOf } = await start(command);
    const handle = server.driver.slash('/probe');
    expect(await handle.callback()).toMatchObject({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    finish.open();
    const reply = await handle.reply();
    expect(stepsOf(handle).map((step) => step.step)).toEqual(['callback 5', 'edit @original']);
    const edit = stepsOf(handle)[1]?.body;
    expect(edit).toMatchObject({ content: 'late but fine', allowed_mentions: { parse: [] } });
    expect(edit).not.toHaveProperty('flags');
    expect([reply.content, reply.flags]).toEqual(['late but fine', MessageFlags.Ephemeral]);
  });

  it('keeps an interaction alive past Discord’s 3-second acknowledgement window by deferring', async () => {
    let clock = Date.now();
    const finish = gate();
    const { command } = replyingInTime(
      async () => {
        await finish.opened;
        return textMessage('worth the wait');
      },
      { ephemeral: false, deferAfterMs: 10 },
    );
    const { server } = await start(command, { now: () => clock });
    const handle = server.driver.slash('/probe');
    expect((await handle.callback()).latencyMs).toBeLessThan(3_000);
    clock += 5_000;
    finish.open();
    const reply = await handle.reply();
    expect([reply.content, reply.flags]).toEqual(['worth the wait', 0]);
    expect(server.state.messagesIn('general').map((message) => message.content)).toEqual(['worth the wait']);
  });

  it('lets a failure of slow work reach the error boundary after deferring', async () => {
    const finish = gate();
    const { command, failures } = replyingInTime(
      async () => {
        await finish.opened;
        throw new Error('index unavailable');
      },
      { ephemeral: false, deferAfterMs: 5 },
    );
    const { server, logs, logOf, stepsOf } = await start(command);
    const handle = server.driver.slash('/probe');
    expect(await handle.callback()).toMatchObject({ type: 5, data: { flags: 0 } });
    finish.open();
    expect((await logOf(handle)).outcome).toBe('error');
    expect(failures).toEqual([new Error('index unavailable')]);
    expect(logs.find((line) => line.msg === 'interaction failed')).toMatchObject({ interactionId: handle.id, err: { message: 'index unavailable' } });
    expect(stepsOf(handle).map((step) => step.step)).toEqual(['callback 5', 'delete @original', 'follow-up']);
    expect(server.state.messagesIn('general')).toEqual([]);
  });
});
