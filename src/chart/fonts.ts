import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import type { FontWeight, TextMeasure } from './types.js';

const require = createRequire(import.meta.url);

/**
 * The fonts the picture is drawn in, from the `dejavu-fonts-ttf` package (Latin, Cyrillic,
 * Greek and the symbols used: ⚠ ◇ …). The renderer loads these files and no system font, so
 * a picture looks the same on every machine and its text never silently disappears.
 */
export const chartFontFiles: Record<FontWeight, string> = {
  normal: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

type Font = fontkit.Font;

let fonts: Record<FontWeight, { font: Font; advances: Map<number, number> }> | null = null;

function loaded() {
  if (fonts === null) {
    const open = (file: string) => ({ font: fontkit.openSync(file) as Font, advances: new Map<number, number>() });
    fonts = { normal: open(chartFontFiles.normal), bold: open(chartFontFiles.bold) };
  }
  return fonts;
}

/**
 * Text widths from the font's own advances, summed per character and cached: fast enough for
 * thousands of labels. Kerning is left out; DejaVu's kerning tightens pairs such as "AV", so
 * the sum errs wide, never narrow (a test compares it with fontkit's shaped layout).
 */
export const measureText: TextMeasure = (text, fontSize, weight) => {
  const { font, advances } = loaded()[weight];
  let units = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 32;
    let advance = advances.get(codePoint);
    if (advance === undefined) {
      advance = font.glyphForCodePoint(codePoint).advanceWidth;
      advances.set(codePoint, advance);
    }
    units += advance;
  }
  return (units / font.unitsPerEm) * fontSize;
};
