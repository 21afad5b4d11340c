import { renderAsync } from '@resvg/resvg-js';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { chartFontFiles, measureText } from '../../src/chart/fonts.js';
import { rasterise, renderTimelinePicture } from '../../src/chart/render.js';
import { chartSvg, escapeXml } from '../../src/chart/svg.js';
import { buildTimeline } from '../../src/dates/timeline.js';
import { seedCorpus } from '../dates/helpers.js';
import { entry, manyDays } from './entries.js';

/** A label alone on a white canvas, set as the chart sets its labels. */
const labelAlone = (text: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="40"><rect width="100%" height="100%" fill="#fff"/><text x="8" y="26" font-family="DejaVu Sans" font-size="16" fill="#000">${escapeXml(text)}</text></svg>`;

/** Pixels noticeably darker than white. */
function inked(rgba: Buffer): number {
  let count = 0;
  for (let index = 0; index < rgba.length; index += 4) {
    if ((rgba[index] ?? 255) + (rgba[index + 1] ?? 255) + (rgba[index + 2] ?? 255) < 600) count += 1;
  }
  return count;
}

describe('drawing the picture with resvg and the bundled fonts', () => {
  it('really draws text: a label alone inks hundreds of pixels, in Latin and in Cyrillic', async () => {
    expect(inked((await rasterise(labelAlone('Central Asia plus Japan'))).pixels)).toBeGreaterThan(300);
    expect(inked((await rasterise(labelAlone('МИД России заявил'))).pixels)).toBeGreaterThan(300);
  });

  it('would show nothing without a font, which is why the fonts are given explicitly', async () => {
    // The control: the same label with no font and no system fonts draws no text at all.
    const bare = await renderAsync(labelAlone('Central Asia plus Japan'), { font: { loadSystemFonts: false } });
    expect(inked(bare.pixels)).toBe(0);
  });

  it('never measures a label narrower than the font sets it, so packed labels cannot touch', async () => {
    // fontkit's layout applies kerning, as resvg does; the per-character sum leaves it out.
    const font = fontkit.openSync(chartFontFiles.normal) as fontkit.Font;
    const shaped = (text: string) => (font.layout(text).advanceWidth / font.unitsPerEm) * 12;
    for (const text of ['Aug 2004 Japan and the countries of Central Asia…', '21 Mar 2022 …с ситуацией на Украине, МИД', 'WAVE Tokyo, “AV” — ‘quoted’']) {
      expect(measureText(text, 12, 'normal')).toBeGreaterThanOrEqual(shaped(text) - 0.01);
      expect(measureText(text, 12, 'normal')).toBeLessThan(shaped(text) + 8);
    }
  });

  it('makes a PNG of the corpus timeline well within Discord’s 10 MiB, at the spec’s size', async () => {
    const { documents, passagesOf } = await seedCorpus();
    const entries = buildTimeline(documents, passagesOf);
    expect(entries.length).toBeGreaterThan(40);
    const picture = await renderTimelinePicture(entries, { title: 'Key dates', size: 'full', titleOf: () => undefined });
    expect(picture.png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(picture.png.length).toBeLessThan(1024 * 1024);
    expect([picture.png.readUInt32BE(16), picture.png.readUInt32BE(20)]).toEqual([picture.spec.width, picture.spec.height]);
    expect(picture.svg).toBe(chartSvg(picture.spec));
  });

  it('draws one point for a single date, and 5,000 dates without trouble', async () => {
    const one = await renderTimelinePicture([entry('2025-12-19', 'Summit')], { title: 'Key dates', size: 'small', titleOf: () => undefined });
    expect(one.spec.shapes.filter((shape) => shape.kind === 'circle')).toHaveLength(1);
    const many = await renderTimelinePicture(manyDays(5000, 3), { title: 'Key dates', size: 'full', titleOf: () => undefined });
    expect(many.png.length).toBeLessThan(1024 * 1024);
    expect(many.spec.notes.some((note) => note.startsWith('Thinned'))).toBe(true);
  });
});
