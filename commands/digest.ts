import { ChannelType, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder, channelMention, time, TimestampStyles } from 'discord.js';
import { getDigestSettings, saveDigestSettings, disableDigest } from '../src/digest/settings-store.js';
import { maximumWindowDays, minimumWindowDays, parseSchedule, parseWindowDays, validateTimeZone } from '../src/digest/settings.js';
import { replyInTime } from '../src/discord/acknowledge.js';
import { timeZoneChoices } from '../src/discord/autocomplete/time-zone-choices.js';
import { withDigestPicture } from '../src/discord/pictures.js';
import type { Command } from '../src/discord/command.js';
import { requireGuildId, requireManageServer } from '../src/discord/permissions.js';
import { escapeText } from '../src/discord/render/escape.js';
import { ephemeral, textMessage } from '../src/discord/render/payload.js';
import { UserError } from '../src/errors.js';

const defaultWindowDays = 7;
const scheduleSuggestions = ['daily 09:00', 'weekdays 08:30', 'weekly mon 09:00', 'weekly fri 17:00', '0 9 * * 1'];

export default {
  data: new SlashCommandBuilder()
    .setName('digest')
    .setDescription('The digest of key dates posted to a channel on a schedule')
    .setContexts(InteractionContextType.Guild)
    // Declared for Discord's command list, and checked again at run time: a server may override it.
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((sub) => sub.setName('preview').setDescription('Show the digest this server would get now (only you see it)'))
    .addSubcommand((sub) =>
      sub
        .setName('setup')
        .setDescription('Post the digest to a channel on a schedule (needs Manage Server)')
        .addChannelOption((option) => option.setName('channel').setDescription('Where to post it').setRequired(true).addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement))
        .addStringOption((option) => option.setName('schedule').setDescription('"daily 09:00", "weekly mon 09:00" or a cron expression').setRequired(true).setAutocomplete(true).setMaxLength(100))
        .addStringOption((option) => option.setName('timezone').setDescription('IANA time zone, e.g. Europe/Berlin').setRequired(true).setAutocomplete(true).setMaxLength(64))
        .addIntegerOption((option) => option.setName('window').setDescription(`Days to look ahead and back (default ${defaultWindowDays})`).setMinValue(minimumWindowDays).setMaxValue(maximumWindowDays))
        .addBooleanOption((option) => option.setName('picture').setDescription('Attach a small picture of the window\'s key dates (default True)')),
    )
    .addSubcommand((sub) => sub.setName('off').setDescription('Stop posting the digest; the settings are kept (needs Manage Server)'))
    .addSubcommand((sub) => sub.setName('status').setDescription('Next run, last run and any missed or failed digests')),
  help: {
    usage: '/digest preview | setup channel schedule timezone [window] [picture] | off | status',
    description: 'A digest of anniversaries, recent and upcoming dates and new documents, posted on a schedule, with a small picture of its window (`picture: False` leaves it out). `setup` and `off` need Manage Server.',
    example: '/digest setup channel: #briefings schedule: weekly mon 09:00 timezone: Asia/Tashkent',
  },
  async execute(interaction, context) {
    const guildId = requireGuildId(interaction);
    const subcommand = interaction.options.getSubcommand(true);
    if (subcommand === 'preview') {
      await replyInTime(
        interaction,
        async () => {
          const digest = await context.previewDigest(guildId);
          const enabled = (await getDigestSettings(context.db, guildId))?.picture ?? true;
          return withDigestPicture(context.render.digest(digest, { preview: true }), digest, { enabled, logger: context.logger });
        },
        { ephemeral: true },
      );
    } else if (subcommand === 'status') {
      await replyInTime(interaction, async () => context.render.digestStatus(await context.scheduler.status(guildId)), { ephemeral: true });
    } else if (subcommand === 'setup') {
      requireManageServer(interaction, 'set up the digest');
      const channel = interaction.options.getChannel('channel', true, [ChannelType.GuildText, ChannelType.GuildAnnouncement]);
      const schedule = parseSchedule(interaction.options.getString('schedule', true), { minIntervalMinutes: context.digestMinIntervalMinutes });
      const timeZone = validateTimeZone(interaction.options.getString('timezone', true));
      const windowDays = parseWindowDays(interaction.options.getInteger('window') ?? defaultWindowDays);
      const picture = interaction.options.getBoolean('picture') ?? true;
      await replyInTime(
        interaction,
        async () => {
          await context.channels.assertCanPost(guildId, channel.id);
          await saveDigestSettings(context.db, { guildId, channelId: channel.id, schedule, timeZone, windowDays, enabled: true, picture }, context.now());
          await context.scheduler.reload(guildId);
          const next = (await context.scheduler.status(guildId)).nextRun;
          const nextText = next === null ? '' : ` The next one is ${time(next, TimestampStyles.LongDateTime)} (${time(next, TimestampStyles.RelativeTime)}).`;
          return textMessage(`Digest set: ${escapeText(schedule.label)} (${escapeText(timeZone)}) in ${channelMention(channel.id)}, looking ${windowDays} days ahead and back, ${picture ? 'with' : 'without'} a picture of the window.${nextText}`);
        },
        { ephemeral: true },
      );
    } else if (subcommand === 'off') {
      requireManageServer(interaction, 'turn the digest off');
      if ((await getDigestSettings(context.db, guildId))?.enabled !== true) throw new UserError('The digest is already off on this server. Turn it on with /digest setup.');
      await disableDigest(context.db, guildId, context.now());
      await context.scheduler.reload(guildId);
      await interaction.reply(ephemeral(textMessage('The digest is off. Its settings are kept: `/digest setup` turns it on again.')));
    } else {
      throw new UserError('Unknown /digest subcommand. Use preview, setup, off or status.');
    }
  },
  async autocomplete(interaction) {
    const focused = interaction.options.getFocused(true);
    if (focused.name === 'timezone') {
      await interaction.respond(timeZoneChoices(focused.value));
      return;
    }
    const typed = focused.value.trim();
    const suggestions = scheduleSuggestions.filter((suggestion) => suggestion.startsWith(typed.toLowerCase()));
    const choices = typed === '' || suggestions.includes(typed) ? suggestions : [typed, ...suggestions];
    await interaction.respond(choices.slice(0, 25).map((choice) => ({ name: choice.slice(0, 100), value: choice.slice(0, 100) })));
  },
} satisfies Command;
