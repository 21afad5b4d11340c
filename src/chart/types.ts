import type { DatePrecision } from '../corpus/types.js';

/**
 * What the picture needs of a key date. A TimelineEntry is one as it is; the digest maps
 * its events to this shape. Dates are ISO at their precision (`2004`, `2004-08`, `2004-08-28`).
 */
export interface ChartEntry {
  date: string;
  end: string | null;
  precision: DatePrecision;
  label: string;
  sources: readonly { docId: string }[];
  conflicts: readonly { date: string; end: string | null; precision: DatePrecision }[];
}

/** The width in pixels of a text at a font size, as the renderer will draw it. */
export type TextMeasure = (text: string, fontSize: number, weight: FontWeight) => number;

export type FontWeight = 'normal' | 'bold';

/** `full` for /timeline and the command line; `small` for the digest. */
export type ChartSize = 'full' | 'small';

export interface ChartOptions {
  title: string;
  size: ChartSize;
  titleOf: (docId: string) => string | undefined;
  measure: TextMeasure;
  /** A day (`YYYY-MM-DD`) to mark as today, and to keep inside the axis. */
  today?: string;
  /** Days (`YYYY-MM-DD`) the axis covers, whatever the entries span; marks are cut at its ends. */
  window?: { from: string; to: string };
}

/** A drawing primitive in pixels; the SVG writer turns each into one element. */
export type Shape =
  | { kind: 'rect'; x: number; y: number; width: number; height: number; fill: string; stroke?: string; dashed?: boolean; opacity?: number }
  | { kind: 'circle'; x: number; y: number; r: number; fill: string; stroke?: string; strokeWidth?: number }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; width: number; dashed?: boolean }
  | { kind: 'path'; d: string; fill: string; stroke: string; width: number; dashed?: boolean }
  | TextShape;

export interface TextShape {
  kind: 'text';
  x: number;
  /** Baseline. */
  y: number;
  text: string;
  fontSize: number;
  weight: FontWeight;
  fill: string;
  anchor: 'start' | 'end' | 'middle';
  /** A white outline behind the glyphs keeps a label legible over leader lines. */
  halo?: boolean;
  /** What the text is, for tests and the notes: an event's label, a "+N" cluster, an axis tick… */
  role: 'title' | 'note' | 'label' | 'cluster' | 'tick' | 'legend' | 'today';
  /** The measured width, so a test can check that boxes never overlap. */
  width: number;
}

/** The picture as data: every shape in drawing order, its size, and what it had to leave out. */
export interface ChartSpec {
  width: number;
  height: number;
  shapes: Shape[];
  /** Dates given, and how many got a label of their own. */
  entryCount: number;
  labelled: number;
  /** Labels left out where dates crowd; each is counted in a "+N" cluster or the note. */
  hiddenLabels: number;
  /** Spans not drawn because too many overlap in time. */
  hiddenSpans: number;
  /** Sentences under the title, also sent with the message: what is hidden and how to see it. */
  notes: string[];
  /** Alt text: the dates in words, within Discord's 1,024 characters for an attachment description. */
  description: string;
}
