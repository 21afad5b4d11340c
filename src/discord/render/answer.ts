import { ButtonStyle, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import { encodeCustomId } from '../custom-id.js';
import { answerTypeNames, type Answer, type CitedPassage } from '../ports.js';
import { buttonRows, button, clampPage, pageCount, pagerButtons } from './buttons.js';
import { citationLine } from './citation.js';
import { escapeText } from './escape.js';
import { highlightedQuote } from './highlighted-quote.js';
import { discordLimits } from './limits.js';
import { noMentions, type MessagePayload } from './payload.js';
import { clampLine, fitFormatted } from './truncate.js';

/** Passages shown per page of an answer: three quotes read comfortably and fit the 6,000 total. */
export const answerPageSize = 3;

export const answerColors = { confident: 0x2b6cb0, unsure: 0x718096 } as const;

/** Everything one page of an answer shows. */
export interface AnswerView {
  answer: Answer;
  /** 0-based page. */
  page: number;
  /** The session behind the buttons. */
  sessionId: string;
  /** An ephemeral answer offers "Post to channel". */
  ephemeral: boolean;
  /** How many passages a document has, for "passage 3 of 12". */
  passageTotal: (docId: string) => number | undefined;
  /** A heading above the answer, e.g. "Sources for a message"; the question by default. */
  heading?: string;
  /** The user who posted a private answer to the channel; shown, never pinged. */
  sharedBy?: string;
}

const shortenedNote = '\n*Quote shortened here; the passage continues in the source.*';

/** One page of an answer: the question, up to three cited quotes, paging, posting and feedback buttons. */
export function renderAnswerPage(view: AnswerView): MessagePayload {
  const { answer } = view;
  const shared = view.sharedBy === undefined ? '' : `Shared by <@${view.sharedBy}>\n`;
  const heading = shared + (view.heading ?? `**Question:** ${escapeText(answer.question)}`);
  if (answer.passages.length === 0) {
    return {
      content: fitFormatted(`${heading}\nNothing in the sources matches this. Try other words, name a person, place or figure, or use /search for an exact term.`, discordLimits.content, (text) => text).text,
      allowedMentions: noMentions,
    };
  }
  const pages = pageCount(answer.passages.length, answerPageSize);
  const page = clampPage(view.page, pages);
  const first = page * answerPageSize;
  const shown = answer.passages.slice(first, first + answerPageSize);
  const footer = `Page ${page + 1} of ${pages} · passages ${first + 1}–${first + shown.length} of ${answer.passages.length}`;
  const room = Math.floor((discordLimits.embedsTotal - footer.length) / shown.length);
  const color = answer.confident ? answerColors.confident : answerColors.unsure;
  const embeds = shown.map((passage, index): APIEmbed => ({
    description: quoteWithCitation(passage, view.passageTotal(passage.docId), Math.min(room, discordLimits.embedDescription)),
    color,
    ...(index === shown.length - 1 ? { footer: { text: footer } } : {}),
  }));
  const notice = answer.confident ? '' : `\n${unsureNotice(answer)}`;
  return {
    content: fitFormatted(heading, discordLimits.content - notice.length, (text) => text).text + notice,
    embeds,
    components: answerButtons(view.sessionId, page, pages, view.ephemeral),
    allowedMentions: noMentions,
  };
}

/**
 * Why the passages are only leads. Words of the question that no source mentions are named,
 * so the reader sees at once that the library does not cover them, and so are the Russian words
 * no translation is known for, which the English sources could not be searched for; else the
 * names or years that the closest passages leave out, so the reader sees they are about
 * something else, or the kind of answer asked for ("When …": a date) that their answering
 * sentences do not give.
 */
export function unsureNotice({ missingWords, untranslatedWords, notInClosest, noAnswerOfKind }: Pick<Answer, 'missingWords' | 'untranslatedWords' | 'notInClosest' | 'noAnswerOfKind'>): string {
  const unread = untranslatedWords.length === 0 ? '' : `No translation is known for ${boldList(untranslatedWords)}, so the English sources were not searched for ${untranslatedWords.length === 1 ? 'it' : 'them'}. `;
  if (missingWords.length > 0) return `No source mentions ${boldList(missingWords)}. ${unread}The closest passages:`;
  if (unread !== '') return `${unread}The closest passages:`;
  if (notInClosest.length > 0) return `The closest passages do not mention ${boldList(notInClosest)}: read them as leads, not as an answer.`;
  if (noAnswerOfKind !== null) return `The closest passages give no **${answerTypeNames[noAnswerOfKind]}** where they match the question: read them as leads, not as an answer.`;
  return '**Nothing in the sources answers this well.** These are the closest passages: read them as leads, not as an answer.';
}

const alternatives = new Intl.ListFormat('en-GB', { type: 'disjunction' });

/** "**a**", "**a** or **b**", "**a**, **b** or **c**": at most five words, each escaped. */
function boldList(words: readonly string[]): string {
  return alternatives.format(words.slice(0, 5).map((word) => `**${escapeText(word)}**`));
}

/** A quote, its answering sentences in bold, why a Russian passage came up, and its citation, in at most `maxLength` characters; a cut quote says so. */
export function quoteWithCitation(passage: CitedPassage, totalPassages: number | undefined, maxLength: number): string {
  const citation = `\n${citationLine(passage, totalPassages)}`;
  const russian = passage.matchedInRussian && passage.matchedInRussian.length > 0 ? `\n${clampLine(`*matched in Russian: ${escapeText(passage.matchedInRussian.join(' '))}*`, 200)}` : '';
  const room = maxLength - citation.length - russian.length - shortenedNote.length;
  const quote = highlightedQuote(passage.text, passage.highlights, room);
  return `${quote.text}${quote.cut ? shortenedNote : ''}${russian}${citation}`;
}

function answerButtons(sessionId: string, page: number, pages: number, ephemeral: boolean): APIActionRowComponent<APIButtonComponent>[] {
  const paging = pagerButtons(page, pages, (target) => encodeCustomId('ask', 'page', sessionId, target));
  const post = ephemeral ? [button(encodeCustomId('ask', 'post', sessionId, page), 'Post to channel', { style: ButtonStyle.Primary })] : [];
  const votes = [
    button(encodeCustomId('ask', 'vote', sessionId, page, 'up'), 'Helpful', { emoji: '👍' }),
    button(encodeCustomId('ask', 'vote', sessionId, page, 'down'), 'Not helpful', { emoji: '👎' }),
  ];
  // Feedback sits on its own row so it is never mistaken for paging.
  return [...buttonRows([...paging, ...post]), ...buttonRows(votes)];
}
