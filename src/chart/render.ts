import { renderAsync, type RenderedImage } from '@resvg/resvg-js';
import { chartFontFiles, measureText } from './fonts.js';
import { timelineChartSpec } from './spec.js';
import { chartFontFamily, chartSvg } from './svg.js';
import type { ChartEntry, ChartOptions, ChartSpec } from './types.js';

/** The picture of some key dates: its spec, SVG, PNG and alt text. */
export interface TimelinePicture {
  spec: ChartSpec;
  svg: string;
  png: Buffer;
  /** Alt text for the attachment: the dates in words. */
  description: string;
}

export type PictureOptions = Omit<ChartOptions, 'measure'>;

/** The spec and SVG only: no rasterising (the command line's `--svg`). */
export function timelineSvg(entries: readonly ChartEntry[], options: PictureOptions): { spec: ChartSpec; svg: string } {
  const spec = timelineChartSpec(entries, { ...options, measure: measureText });
  return { spec, svg: chartSvg(spec) };
}

/**
 * Draws the picture: the spec (pure), its SVG, then resvg to PNG with the bundled DejaVu fonts
 * and no system fonts. resvg runs on libuv's thread pool, so the event loop (and the gateway
 * heartbeat, and an interaction's deferral) keeps going while it draws.
 */
export async function renderTimelinePicture(entries: readonly ChartEntry[], options: PictureOptions): Promise<TimelinePicture> {
  const { spec, svg } = timelineSvg(entries, options);
  return { spec, svg, png: await svgToPng(svg), description: spec.description };
}

/** Rasterises an SVG to PNG at its own size. */
export async function svgToPng(svg: string): Promise<Buffer> {
  return (await rasterise(svg)).asPng();
}

/** Rasterises an SVG with the chart fonts only; `pixels` of the result are RGBA. */
export function rasterise(svg: string): Promise<RenderedImage> {
  return renderAsync(svg, {
    font: { loadSystemFonts: false, fontFiles: [chartFontFiles.normal, chartFontFiles.bold], defaultFontFamily: chartFontFamily, sansSerifFamily: chartFontFamily },
    fitTo: { mode: 'original' },
    background: '#ffffff',
    logLevel: 'off',
  });
}
