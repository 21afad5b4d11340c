import { parseIsoPartialDate } from '../corpus/partial-date.js';
import { cleanLabel, describeTimeline } from './description.js';
import { ink, otherSourcesColour, sourceColours } from './palette.js';
import { RowPacker } from './rows.js';
import { dayRange, shortDate, timeScale, timeTicks, type TimeScale } from './time-axis.js';
import type { ChartEntry, ChartOptions, ChartSize, ChartSpec, Shape, TextShape } from './types.js';

/** Pixel sizes of the two pictures. Discord shows images up to about 550 px wide and opens them full size on a click. */
const sizes = {
  full: { width: 1200, labelRows: 12, spanRows: 12, labelWidth: 260, tickGap: 70 },
  small: { width: 800, labelRows: 5, spanRows: 4, labelWidth: 240, tickGap: 70 },
} as const satisfies Record<ChartSize, object>;

const margin = 20;
const font = { title: 17, note: 12, label: 12, tick: 11, legend: 12 } as const;
const rowHeight = 17;
const pointRadius = 4.5;
const barHeight = 6;
const barGap = 3;
const labelGap = 8;
/** Characters of a label before it is cut. */
const longestLabel = 48;

interface Placed {
  entry: ChartEntry;
  first: number;
  last: number;
  /** Where the label and its leader line start. */
  anchor: number;
  /** The mark's pixels: a point's centre both, a bar's ends. */
  x1: number;
  x2: number;
  colour: string;
  isPoint: boolean;
  conflicted: boolean;
}

/**
 * The picture of a list of key dates, as shapes in pixels: a time axis, days as points and
 * longer periods as bars, a short label per date packed into rows so no two overlap (dates that
 * find no room are counted in a "+N" cluster and the note), a colour per source with a legend of
 * titles, and conflicting dates drawn as red hollow diamonds tied to the date they contradict.
 * Pure: the same entries and options give the same spec.
 */
export function timelineChartSpec(given: readonly ChartEntry[], options: ChartOptions): ChartSpec {
  // A date that is not a real YYYY, YYYY-MM or YYYY-MM-DD has no place on the axis: it is left out and counted.
  const entries = given.filter(hasRealDates);
  const size = sizes[options.size];
  const left = margin + 6;
  const right = size.width - margin - 6;
  const colourOf = sourceColourMap(entries);
  const scale = scaleFor(entries, options, left, right);
  const placed = entries.map((entry) => place(entry, scale, colourOf, left, right));
  placed.sort((a, b) => a.anchor - b.anchor || a.first - b.first);

  const labels = packLabels(placed, options, size.labelRows, size.labelWidth, right);
  const spans = packSpans(placed.filter((item) => !item.isPoint), size.spanRows);
  const points = placed.filter((item) => item.isPoint);
  const keptPoints = thinPoints(points);
  const notes = notesFor(entries.length, labels.hidden, spans.hidden, points.length - keptPoints.length, given.length - entries.length);

  const shapes: Shape[] = [];
  const text = (shape: Omit<TextShape, 'kind' | 'width'>): TextShape => ({ kind: 'text', ...shape, width: options.measure(shape.text, shape.fontSize, shape.weight) });
  shapes.push(text({ x: margin, y: 30, text: options.title, fontSize: font.title, weight: 'bold', fill: ink.text, anchor: 'start', role: 'title' }));
  let y = 30;
  for (const note of notes) {
    y += 18;
    shapes.push(text({ x: margin, y, text: note, fontSize: font.note, weight: 'normal', fill: ink.muted, anchor: 'start', role: 'note' }));
  }

  const labelTop = y + 14;
  const labelRows = Math.max(1, labels.usedRows);
  const baselineOf = (row: number) => labelTop + (labelRows - row) * rowHeight - 4;
  const pointY = labelTop + labelRows * rowHeight + 10;
  const spanY = (row: number) => pointY + pointRadius + 6 + row * (barHeight + barGap);
  const axisY = spanY(Math.max(spans.usedRows, 0)) + 4;

  if (options.today !== undefined) {
    const todayX = scale.x(dayRange(options.today, null, 'day').first + 0.5);
    shapes.push({ kind: 'line', x1: todayX, y1: labelTop - 4, x2: todayX, y2: axisY, stroke: ink.today, width: 1.5, dashed: true });
  }
  for (const label of labels.placed) {
    const markY = label.item.isPoint ? pointY - pointRadius : spanY(spans.rowOf.get(label.item) ?? 0);
    shapes.push({ kind: 'line', x1: label.item.anchor, y1: baselineOf(label.row) + 4, x2: label.item.anchor, y2: markY, stroke: ink.leader, width: 1 });
  }
  shapes.push(...conflictShapes(placed, scale, pointY, spanY, spans.rowOf));
  for (const [item, row] of spans.rowOf) {
    shapes.push({ kind: 'rect', x: item.x1, y: spanY(row), width: item.x2 - item.x1, height: barHeight, fill: item.colour, ...(item.conflicted ? { stroke: ink.conflict } : {}) });
  }
  shapes.push(...pointShapes(keptPoints, pointY));
  for (const label of labels.placed) {
    shapes.push(text({ x: label.x, y: baselineOf(label.row), text: label.text, fontSize: font.label, weight: 'normal', fill: label.cluster ? ink.muted : ink.text, anchor: label.anchor, halo: true, role: label.cluster ? 'cluster' : 'label' }));
  }

  shapes.push({ kind: 'line', x1: left, y1: axisY, x2: right, y2: axisY, stroke: ink.axis, width: 1 });
  for (const tick of timeTicks(scale, size.tickGap)) {
    const x = scale.x(tick.day);
    shapes.push({ kind: 'line', x1: x, y1: axisY, x2: x, y2: axisY + 5, stroke: ink.axis, width: 1 });
    shapes.push(text({ x, y: axisY + 18, text: tick.label, fontSize: font.tick, weight: 'normal', fill: ink.muted, anchor: 'middle', role: 'tick' }));
  }
  let legendY = axisY + 40;
  if (options.today !== undefined) {
    const todayX = scale.x(dayRange(options.today, null, 'day').first + 0.5);
    shapes.push(text({ x: todayX, y: axisY + 34, text: 'today', fontSize: font.tick, weight: 'bold', fill: ink.today, anchor: 'middle', role: 'today' }));
    legendY += 12;
  }
  const legend = legendShapes(colourOf, placed, options, legendY, size.width, text);
  shapes.push(...legend.shapes);

  return {
    width: size.width,
    height: Math.ceil(legend.bottom + 14),
    shapes,
    entryCount: given.length,
    labelled: labels.labelled,
    hiddenLabels: labels.hidden,
    hiddenSpans: spans.hidden,
    notes,
    description: describeTimeline(entries, options.title),
  };
}

function hasRealDates(entry: ChartEntry): boolean {
  const real = (iso: string) => parseIsoPartialDate(iso)?.precision === entry.precision;
  return real(entry.date) && (entry.end === null || real(entry.end)) && entry.conflicts.every((conflict) => parseIsoPartialDate(conflict.date) !== null && (conflict.end === null || parseIsoPartialDate(conflict.end) !== null));
}

/**
 * The colour of each document that colours a mark (a date takes its first source's colour), in
 * order of first appearance; past the tenth, grey. The legend lists exactly these.
 */
function sourceColourMap(entries: readonly ChartEntry[]): Map<string, string> {
  const colours = new Map<string, string>();
  for (const entry of entries) {
    const docId = entry.sources[0]?.docId;
    if (docId !== undefined && !colours.has(docId)) colours.set(docId, sourceColours[colours.size] ?? otherSourcesColour);
  }
  return colours;
}

function scaleFor(entries: readonly ChartEntry[], { today, window }: ChartOptions, left: number, right: number): TimeScale {
  if (window !== undefined) return timeScale(dayRange(window.from, null, 'day').first, dayRange(window.to, null, 'day').last, left, right);
  let first = Infinity;
  let last = -Infinity;
  const widen = (range: { first: number; last: number }) => {
    first = Math.min(first, range.first);
    last = Math.max(last, range.last);
  };
  for (const entry of entries) {
    widen(dayRange(entry.date, entry.end, entry.precision));
    for (const conflict of entry.conflicts) widen(dayRange(conflict.date, conflict.end, conflict.precision));
  }
  if (today !== undefined) widen(dayRange(today, null, 'day'));
  if (first === Infinity) first = last = 0;
  return timeScale(first, last, left, right);
}

function place(entry: ChartEntry, scale: TimeScale, colourOf: Map<string, string>, left: number, right: number): Placed {
  const { first, last } = dayRange(entry.date, entry.end, entry.precision);
  const isPoint = entry.precision === 'day' && first === last;
  const docId = entry.sources[0]?.docId;
  // A period running past a window's end is cut there.
  const x1 = Math.max(left, isPoint ? scale.x(first + 0.5) : scale.x(first));
  return {
    entry,
    first,
    last,
    anchor: x1,
    x1,
    x2: isPoint ? x1 : Math.max(x1 + 3, Math.min(right, scale.x(last + 1))),
    colour: (docId === undefined ? undefined : colourOf.get(docId)) ?? otherSourcesColour,
    isPoint,
    conflicted: entry.conflicts.length > 0,
  };
}

interface PlacedLabel {
  item: Placed;
  row: number;
  x: number;
  text: string;
  anchor: 'start' | 'end';
  cluster: boolean;
}

/**
 * Labels in order of importance, each in the lowest free row; a label that finds none is hidden.
 * Then, left to right, hidden labels close together become one "+N" cluster where one fits; the
 * note counts every hidden label.
 */
function packLabels(placed: Placed[], options: ChartOptions, maxRows: number, maxWidth: number, right: number) {
  const packer = new RowPacker(maxRows, labelGap);
  const result: PlacedLabel[] = [];
  const tryPlace = (item: Placed, text: string, cluster: boolean): boolean => {
    const width = options.measure(text, font.label, 'normal');
    const leftAligned = item.anchor + width <= right + margin;
    const start = leftAligned ? item.anchor - 2 : item.anchor - width + 2;
    const row = packer.place(start, start + width);
    if (row === null) return false;
    result.push({ item, row, x: leftAligned ? start : start + width, text, anchor: leftAligned ? 'start' : 'end', cluster });
    return true;
  };
  const labelled = new Set<Placed>();
  for (const item of [...placed].sort(byImportance)) {
    // Most dates in a crowd find no row even for a short label: skip measuring theirs.
    const roomy = packer.hasRoom(item.anchor - 2, item.anchor + 40) || (item.anchor + maxWidth > right && packer.hasRoom(item.anchor - 40, item.anchor + 2));
    if (roomy && tryPlace(item, labelText(item.entry, options.measure, maxWidth), false)) labelled.add(item);
  }
  let run: Placed[] = [];
  const flush = () => {
    const [first] = run;
    if (first !== undefined) tryPlace(first, `+${run.length}`, true);
    run = [];
  };
  for (const item of placed) {
    if (labelled.has(item)) continue;
    if (run[0] !== undefined && item.anchor - run[0].anchor > 60) flush();
    run.push(item);
  }
  flush();
  return { placed: result, labelled: labelled.size, hidden: placed.length - labelled.size, usedRows: packer.usedRows() };
}

const precisionRank = { day: 0, month: 1, year: 2 } as const;

/**
 * Which label gets room first in a crowd: a date more sources give, then a disputed one, then
 * the more precise and the shorter period (a summit's day before a decade), then the earlier.
 */
function byImportance(a: Placed, b: Placed): number {
  return (
    b.entry.sources.length - a.entry.sources.length ||
    b.entry.conflicts.length - a.entry.conflicts.length ||
    precisionRank[a.entry.precision] - precisionRank[b.entry.precision] ||
    a.last - a.first - (b.last - b.first) ||
    a.anchor - b.anchor
  );
}

/** "Aug 2004 Japan and the countries of…", cut at a word to fit `maxWidth`; a conflicted date starts with ⚠. */
export function labelText(entry: ChartEntry, measure: ChartOptions['measure'], maxWidth: number): string {
  const prefix = `${entry.conflicts.length > 0 ? '⚠ ' : ''}${shortDate(entry.date, entry.end, entry.precision)} `;
  const fits = (length: number) => measure(`${prefix}${cleanLabel(entry.label, length)}`, font.label, 'normal') <= maxWidth;
  if (fits(longestLabel)) return `${prefix}${cleanLabel(entry.label, longestLabel)}`;
  // Binary search on the length: a handful of measurements, however long the label.
  let low = 0;
  let high = longestLabel;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle;
  }
  return low < 6 ? prefix.trim() : `${prefix}${cleanLabel(entry.label, low)}`;
}

/** Spans in rows under the points, first fit by start; what finds no row is not drawn and counted. */
function packSpans(spans: Placed[], maxRows: number) {
  const packer = new RowPacker(maxRows, 1);
  const rowOf = new Map<Placed, number>();
  let hidden = 0;
  for (const item of spans) {
    const row = packer.place(item.x1, item.x2);
    if (row === null) hidden += 1;
    else rowOf.set(item, row);
  }
  return { rowOf, hidden, usedRows: packer.usedRows() };
}

/**
 * Points closer than 2 pixels cover each other: only the first is kept (a conflicted one apart),
 * which thins 5,000 dates to at most a few hundred circles.
 */
function thinPoints(points: Placed[]): Placed[] {
  const seen = new Set<string>();
  return points.filter((item) => {
    const key = `${Math.round(item.anchor / 2)}|${item.conflicted}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function pointShapes(points: Placed[], y: number): Shape[] {
  return points.map((item) => ({ kind: 'circle', x: item.anchor, y, r: pointRadius, fill: item.colour, stroke: item.conflicted ? ink.conflict : ink.background, strokeWidth: item.conflicted ? 2 : 1 }));
}

/** Each conflicting date as a hollow red diamond on the point line, tied by a dashed red arc to the date it contradicts. */
function conflictShapes(placed: Placed[], scale: TimeScale, pointY: number, spanY: (row: number) => number, rowOf: Map<Placed, number>): Shape[] {
  const shapes: Shape[] = [];
  for (const item of placed) {
    const fromY = item.isPoint ? pointY : spanY(rowOf.get(item) ?? 0) + barHeight / 2;
    for (const conflict of item.entry.conflicts) {
      const range = dayRange(conflict.date, conflict.end, conflict.precision);
      const x = scale.x((range.first + range.last + 1) / 2);
      if (x < scale.x(scale.first) || x > scale.x(scale.last)) continue;
      const lift = Math.min(24, 6 + Math.abs(x - item.anchor) / 8);
      shapes.push({ kind: 'path', d: `M${fixed(item.anchor)} ${fixed(fromY)} Q${fixed((x + item.anchor) / 2)} ${fixed(pointY - lift)} ${fixed(x)} ${fixed(pointY)}`, fill: 'none', stroke: ink.conflict, width: 1.5, dashed: true });
      shapes.push({ kind: 'path', d: diamond(x, pointY, 6), fill: ink.background, stroke: ink.conflict, width: 2 });
    }
  }
  return shapes;
}

function diamond(x: number, y: number, radius: number): string {
  return `M${fixed(x)} ${fixed(y - radius)} L${fixed(x + radius)} ${fixed(y)} L${fixed(x)} ${fixed(y + radius)} L${fixed(x - radius)} ${fixed(y)} Z`;
}

function fixed(value: number): string {
  return value.toFixed(1);
}

function notesFor(count: number, hiddenLabels: number, hiddenSpans: number, coveredPoints: number, unplaced: number): string[] {
  const unplacedNote = unplaced === 0 ? [] : [`${unplaced.toLocaleString('en-GB')} ${unplaced === 1 ? 'date is' : 'dates are'} not real calendar dates and not drawn.`];
  if (count === 0) return ['No dates to draw.', ...unplacedNote];
  const notes = [`${count.toLocaleString('en-GB')} ${count === 1 ? 'date' : 'dates'}; colour shows the source; points are days, bars are longer periods.`];
  if (hiddenLabels > 0) {
    notes.push(`${hiddenLabels.toLocaleString('en-GB')} ${hiddenLabels === 1 ? 'label is' : 'labels are'} hidden where dates crowd (counted as +N): narrow the period with from and to to read them.`);
  }
  const thinned = [
    hiddenSpans > 0 ? `${hiddenSpans.toLocaleString('en-GB')} overlapping ${hiddenSpans === 1 ? 'period is' : 'periods are'} not drawn` : '',
    coveredPoints > 0 ? `${coveredPoints.toLocaleString('en-GB')} ${coveredPoints === 1 ? 'day falls' : 'days fall'} on a point already drawn` : '',
  ].filter(Boolean);
  if (thinned.length > 0) notes.push(`Thinned: ${thinned.join('; ')}.`);
  return [...notes, ...unplacedNote];
}

/** Swatches with source titles, wrapped into rows, then the key to points, bars and conflicts. */
function legendShapes(colourOf: Map<string, string>, placed: Placed[], options: ChartOptions, top: number, width: number, text: (shape: Omit<TextShape, 'kind' | 'width'>) => TextShape) {
  const shapes: Shape[] = [];
  let x = margin;
  let y = top;
  const item = (swatch: (x: number, y: number) => Shape, label: string) => {
    const shown = fitWidth(label, 300, options.measure);
    const itemWidth = 16 + options.measure(shown, font.legend, 'normal') + 18;
    if (x + itemWidth > width - margin && x > margin) {
      x = margin;
      y += 20;
    }
    shapes.push(swatch(x, y), text({ x: x + 16, y: y + 4, text: shown, fontSize: font.legend, weight: 'normal', fill: ink.text, anchor: 'start', role: 'legend' }));
    x += itemWidth;
  };
  let others = false;
  for (const [docId, colour] of colourOf) {
    if (colour === otherSourcesColour) {
      others = true;
      continue;
    }
    item((sx, sy) => ({ kind: 'rect', x: sx, y: sy - 6, width: 11, height: 11, fill: colour }), options.titleOf(docId) ?? docId);
  }
  if (others) item((sx, sy) => ({ kind: 'rect', x: sx, y: sy - 6, width: 11, height: 11, fill: otherSourcesColour }), 'other sources');
  if (placed.some((entry) => entry.conflicted)) {
    item((sx, sy) => ({ kind: 'path', d: diamond(sx + 5.5, sy, 5), fill: ink.background, stroke: ink.conflict, width: 2 }), 'a date another source gives (conflict)');
  }
  return { shapes, bottom: y + 8 };
}

function fitWidth(label: string, maxWidth: number, measure: ChartOptions['measure']): string {
  if (measure(label, font.legend, 'normal') <= maxWidth) return label;
  for (let length = label.length - 1; length > 4; length -= 3) {
    const text = cleanLabel(label, length);
    if (measure(text, font.legend, 'normal') <= maxWidth) return text;
  }
  return cleanLabel(label, 4);
}
