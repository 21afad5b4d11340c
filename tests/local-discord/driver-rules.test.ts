import { OverwriteType, PermissionFlagsBits, type APITextChannel } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DriverError } from '../../src/local-discord/index.js';
import { startPair, stopPair, type Pair } from './harness.js';

describe('the driver acts as Discord\'s client lets a member act', () => {
  let pair: Pair;
  beforeAll(async () => {
    pair = await startPair();
  });
  afterAll(async () => {
    await stopPair(pair);
  });

  it('never acts as the bot', () => {
    const botName = pair.discord.botUser.username;
    expect(() => pair.discord.driver.say('I am the bot', { user: botName })).toThrow(new DriverError(`${botName} is a bot: the driver acts only as human users`));
    expect(() => pair.discord.driver.slash('/ask', { question: 'why' }, { user: pair.discord.botUser.id })).toThrow(DriverError);
  });

  it('needs Send Messages for a message and Use Application Commands for a command, in that channel', () => {
    const general = pair.discord.state.channel('general') as APITextChannel;
    const deny = String(PermissionFlagsBits.SendMessages | PermissionFlagsBits.UseApplicationCommands);
    general.permission_overwrites = [...(general.permission_overwrites ?? []), { id: pair.discord.state.user('bob').id, type: OverwriteType.Member, allow: '0', deny }];
    expect(() => pair.discord.driver.say('hello', { user: 'bob', channel: 'general' })).toThrow('bob does not have permission to send messages in #general');
    expect(() => pair.discord.driver.slash('/ask', { question: 'why' }, { user: 'bob', channel: 'general' })).toThrow('bob does not have permission to use application commands in #general');
    expect(pair.discord.driver.say('hello', { user: 'ada', channel: 'general' }).author.username).toBe('ada');
  });

  it('reports a channel or user named in an option that does not exist as a DriverError', () => {
    expect(() => pair.discord.driver.slash('/digest setup', { channel: '#nowhere', schedule: '0 9 * * *' }, { user: 'ada' })).toThrow(DriverError);
  });
});
