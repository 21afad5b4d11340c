import { SlashCommandBuilder } from 'discord.js';
import { timelineToIcs } from '../src/dates/ics.js';
import { filterTimeline } from '../src/dates/timeline.js';
import type { TimelineEntry } from '../src/dates/types.js';
import { replyInTime, updateInTime } from '../src/discord/acknowledge.js';
import { resolveSource, sourceChoices } from '../src/discord/autocomplete/source-choices.js';
import type { Command } from '../src/discord/command.js';
import type { CommandContext } from '../src/discord/command-context.js';
import { pictureWanted, timelinePictureFile } from '../src/discord/pictures.js';
import { documentsFor, timelineFor } from '../src/discord/visible-library.js';
import { ephemeral, type FilePayload } from '../src/discord/render/payload.js';
import type { TimelineView } from '../src/discord/render/timeline.js';
import { readSession, type TimelineSession } from '../src/discord/sessions.js';
import { UserError } from '../src/errors.js';

export default {
  data: new SlashCommandBuilder()
    .setName('timeline')
    .setDescription('Key dates from the sources, each quoted with its citation')
    .addStringOption((option) => option.setName('from').setDescription('Earliest date: YYYY, YYYY-MM or YYYY-MM-DD').setMaxLength(10))
    .addStringOption((option) => option.setName('to').setDescription('Latest date: YYYY, YYYY-MM or YYYY-MM-DD').setMaxLength(10))
    .addStringOption((option) => option.setName('source').setDescription('Only dates from this document').setAutocomplete(true).setMaxLength(100))
    .addStringOption((option) => option.setName('topic').setDescription('Only dates whose text mentions these words').setMaxLength(100))
    .addBooleanOption((option) => option.setName('calendar').setDescription('Attach the dates as an .ics calendar file'))
    .addBooleanOption((option) => option.setName('picture').setDescription('Attach a picture of the dates on a time axis (on by default from 3 dates)')),
  help: {
    usage: '/timeline [from] [to] [source] [topic] [calendar] [picture]',
    description: 'Lists the key dates in date order, each with the sentence it comes from and where sources disagree. `calendar` attaches an .ics file for your calendar app; `picture` (on from 3 dates) attaches the dates drawn on a time axis.',
    example: '/timeline from: 2024 topic: summit',
  },
  async execute(interaction, context) {
    const from = interaction.options.getString('from') ?? undefined;
    const to = interaction.options.getString('to') ?? undefined;
    const source = interaction.options.getString('source');
    const topic = interaction.options.getString('topic') ?? undefined;
    const withCalendar = interaction.options.getBoolean('calendar') ?? false;
    const pictureAsked = interaction.options.getBoolean('picture');
    await replyInTime(
      interaction,
      async () => {
        const document = source === null ? undefined : resolveSource(documentsFor(context, interaction.guildId), source);
        const entries = filterTimeline([...timelineFor(context, interaction.guildId)], { from, to, docId: document?.id, topic });
        const summary = [from && `from ${from}`, to && `to ${to}`, document && `source: ${document.title}`, topic && `topic: ${topic}`].filter(Boolean).join(' · ');
        const session: TimelineSession = { kind: 'timeline', entries, filterSummary: summary === '' ? null : summary };
        const sessionId = context.sessions.create(session);
        const picture = pictureWanted(pictureAsked, entries.length)
          ? await timelinePictureFile(entries, { title: summary === '' ? 'Key dates' : `Key dates (${summary})`, titleOf: titleLookup(context), logger: context.logger })
          : undefined;
        return renderPage(context, session, sessionId, 0, {
          calendar: withCalendar && entries.length > 0 ? calendarFile(context, entries) : undefined,
          picture,
          pictureAsked: pictureAsked === true,
        });
      },
      { ephemeral: true },
    );
  },
  async autocomplete(interaction, context) {
    await interaction.respond(sourceChoices(documentsFor(context, interaction.guildId), interaction.options.getFocused()));
  },
  async button(interaction, customId, context) {
    const [sessionId, page] = customId.args;
    const session = readSession(context.sessions, sessionId, 'timeline');
    if (customId.action === 'page' && sessionId !== undefined) {
      await updateInTime(interaction, () => renderPage(context, session, sessionId, Number(page)));
    } else if (customId.action === 'ics') {
      if (session.entries.length === 0) throw new UserError('There are no dates to put in a calendar file. Widen the period or drop the topic, then run /timeline again.');
      await interaction.reply(ephemeral({ content: `The ${session.entries.length} key dates as a calendar file: open it with your calendar app.`, files: [calendarFile(context, session.entries)], allowedMentions: { parse: [] } }));
    } else {
      throw new UserError('This button is not recognised. Run /timeline again.');
    }
  },
} satisfies Command;

function renderPage(context: CommandContext, session: TimelineSession, sessionId: string, page: number, attached: Pick<TimelineView, 'calendar' | 'picture' | 'pictureAsked'> = {}) {
  return context.render.timelinePage({
    entries: session.entries,
    filterSummary: session.filterSummary,
    page,
    sessionId,
    titleOf: titleLookup(context),
    ...attached,
  });
}

function titleLookup(context: CommandContext): (docId: string) => string | undefined {
  const titles = new Map(context.search.documents.map((document) => [document.id, document.title]));
  return (docId) => titles.get(docId);
}

function calendarFile(context: CommandContext, entries: readonly TimelineEntry[]): FilePayload {
  return { name: 'key-dates.ics', attachment: Buffer.from(timelineToIcs([...entries], context.search.documents, { now: context.now() }), 'utf8') };
}
