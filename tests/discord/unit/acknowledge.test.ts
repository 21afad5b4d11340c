import { MessageFlags, type RepliableInteraction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { replyInTime } from '../../../src/discord/acknowledge.js';
import { textMessage } from '../../../src/discord/render/payload.js';
import { fakeCommandInteraction } from '../fixtures/fake-interaction.js';

const wait = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

describe('replyInTime', () => {
  it('answers quick work in a single ephemeral reply', async () => {
    const fake = fakeCommandInteraction({ commandName: 'probe' });
    await replyInTime(fake.interaction as RepliableInteraction, () => textMessage('done'), { ephemeral: true, deferAfterMs: 200 });
    expect(fake.sent.map((message) => message.method)).toEqual(['reply']);
    expect(fake.sent[0]?.payload).toMatchObject({ content: 'done', flags: MessageFlags.Ephemeral });
  });

  it('defers slow work before the deadline, then edits the answer in', async () => {
    const fake = fakeCommandInteraction({ commandName: 'probe' });
    await replyInTime(
      fake.interaction as RepliableInteraction,
      async () => {
        await wait(60);
        return textMessage('late but fine');
      },
      { ephemeral: true, deferAfterMs: 10 },
    );
    expect(fake.sent.map((message) => message.method)).toEqual(['deferReply', 'editReply']);
    expect(fake.sent[0]?.payload).toEqual({ flags: MessageFlags.Ephemeral });
    expect(fake.sent[1]?.payload).toEqual({ content: 'late but fine', allowedMentions: { parse: [] } });
  });

  it('lets a failure of slow work reach the error boundary after deferring', async () => {
    const fake = fakeCommandInteraction({ commandName: 'probe' });
    const failing = replyInTime(
      fake.interaction as RepliableInteraction,
      async () => {
        await wait(40);
        throw new Error('index unavailable');
      },
      { ephemeral: false, deferAfterMs: 5 },
    );
    await expect(failing).rejects.toThrow('index unavailable');
    expect(fake.sent.map((message) => message.method)).toEqual(['deferReply']);
  });
});
