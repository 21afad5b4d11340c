import { digestChartEntries, digestSourceTitles } from '../chart/digest-entries.js';
import { renderTimelinePicture } from '../chart/render.js';
import type { ChartEntry } from '../chart/types.js';
import { describeIsoDate } from '../corpus/partial-date.js';
import type { Digest } from '../digest/types.js';
import type { Logger } from '../logger.js';
import type { FilePayload, MessagePayload } from './render/payload.js';

/** Fewer dates than this read better as the list alone, unless the user asks for the picture. */
export const pictureByDefaultFrom = 3;

/** Whether /timeline attaches its picture: as asked, or by default from three dates; never for none. */
export function pictureWanted(asked: boolean | null, dateCount: number): boolean {
  if (dateCount === 0) return false;
  return asked ?? dateCount >= pictureByDefaultFrom;
}

/**
 * The picture of /timeline's dates, as a file with its alt text, and what it had to hide, in
 * words. Drawing is an extra: should it fail, the list goes out alone, saying so, and the
 * failure is logged.
 */
export async function timelinePictureFile(
  entries: readonly ChartEntry[],
  options: { title: string; titleOf: (docId: string) => string | undefined; logger: Logger },
): Promise<{ file: FilePayload | null; hidden: string[] }> {
  try {
    const picture = await renderTimelinePicture(entries, { title: options.title, titleOf: options.titleOf, size: 'full' });
    // The first note is the key to the marks; the others say what is hidden.
    return { file: { name: 'key-dates.png', attachment: picture.png, description: picture.description }, hidden: picture.spec.notes.slice(1) };
  } catch (error) {
    options.logger.warn({ err: error, entries: entries.length }, 'timeline picture failed; sending the list without it');
    return { file: null, hidden: ['The picture could not be drawn this time; the list below has every date.'] };
  }
}

/** The digest's small picture: its window with today marked; null when nothing in it is dated. */
export async function digestPictureFile(digest: Digest): Promise<FilePayload | null> {
  const entries = digestChartEntries(digest);
  if (digest.empty || entries.length === 0) return null;
  const titles = digestSourceTitles(digest);
  const picture = await renderTimelinePicture(entries, {
    title: `Key dates around ${describeIsoDate(digest.today)}`,
    size: 'small',
    titleOf: (docId) => titles.get(docId),
    today: digest.today,
    window: { from: digest.pastWindow.from, to: digest.window.to },
  });
  return { name: 'digest-window.png', attachment: picture.png, description: picture.description };
}

/**
 * The digest's message with its picture attached when the server wants one. Drawing is an
 * extra: should it fail, the digest goes out without the picture and the failure is logged.
 */
export async function withDigestPicture(payload: MessagePayload, digest: Digest, options: { enabled: boolean; logger: Logger }): Promise<MessagePayload> {
  if (!options.enabled) return payload;
  try {
    const picture = await digestPictureFile(digest);
    return picture === null ? payload : { ...payload, files: [...(payload.files ?? []), picture] };
  } catch (error) {
    options.logger.warn({ err: error, today: digest.today }, 'digest picture failed; posting the digest without it');
    return payload;
  }
}
