import { ephemeral, textMessage, type MessagePayload } from './payload.js';
import { discordLimits } from './limits.js';
import { cutAtBoundary } from './truncate.js';

/** A UserError's message, shown only to the person who caused it, as it is. */
export function renderUserError(message: string): MessagePayload {
  return ephemeral(textMessage(cutAtBoundary(message, discordLimits.content).text));
}

/** What the user sees when something failed on our side: an apology and a reference to quote. */
export function renderApology(reference: string): MessagePayload {
  return ephemeral(textMessage(`Sorry, something went wrong on my side and I could not finish this. Please try again in a moment; if it keeps happening, give the bot's maintainer this reference: \`${reference}\``));
}
