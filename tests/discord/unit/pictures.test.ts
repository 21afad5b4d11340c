import { describe, expect, it } from 'vitest';
import { digestPictureFile, pictureWanted, timelinePictureFile } from '../../../src/discord/pictures.js';
import { entry } from '../../chart/entries.js';
import { digest, event } from '../fixtures/digest.js';
import { logSink } from '../fixtures/log-sink.js';

describe('when a picture is attached', () => {
  it('draws /timeline from three dates unless told not to, and fewer only when asked', () => {
    expect([pictureWanted(null, 3), pictureWanted(false, 52), pictureWanted(null, 2), pictureWanted(true, 1)]).toEqual([true, false, false, true]);
  });

  it('never draws an empty selection, even when asked', () => {
    expect(pictureWanted(true, 0)).toBe(false);
  });

  it('draws the digest’s window with today marked, naming its dates in the alt text', async () => {
    const file = await digestPictureFile(digest({ upcoming: [event({ date: '2026-08-27', label: 'Foreign ministers meet in Astana' })] }));
    expect(file?.name).toBe('digest-window.png');
    expect(file?.attachment.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(file?.description).toBe('Key dates around 24 August 2026: 2 dates from 27 August 2026 to 28 August 2026. 27 August 2026: Foreign ministers meet in Astana; 28 August 2026: 22 years: Central Asia + Japan Dialogue launched.');
  });

  it('sends /timeline’s list without the picture, saying so and logging why, when drawing fails', async () => {
    const sink = logSink();
    const failing = () => {
      throw new Error('title lookup broke');
    };
    const result = await timelinePictureFile([entry('2024-05-01', 'A day'), entry('2024-06-01', 'Another')], { title: 'Key dates', titleOf: failing, logger: sink.logger });
    expect(result).toEqual({ file: null, hidden: ['The picture could not be drawn this time; the list below has every date.'] });
    expect(sink.lines).toEqual([expect.objectContaining({ msg: 'timeline picture failed; sending the list without it', err: expect.objectContaining({ message: 'title lookup broke' }) })]);
  });

  it('draws no digest picture when nothing in the window is dated', async () => {
    expect(await digestPictureFile(digest({ anniversaries: [] }))).toBeNull();
    expect(await digestPictureFile(digest({ empty: true }))).toBeNull();
  });
});
