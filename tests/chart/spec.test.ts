import { describe, expect, it } from 'vitest';
import { measureText } from '../../src/chart/fonts.js';
import { maxDescriptionLength } from '../../src/chart/description.js';
import { timelineChartSpec } from '../../src/chart/spec.js';
import { chartSvg } from '../../src/chart/svg.js';
import type { ChartEntry, ChartOptions, ChartSpec, Shape, TextShape } from '../../src/chart/types.js';
import { entry, manyDays } from './entries.js';

const titles: Record<string, string> = { 'doc-a': 'Bridges not blocs', 'doc-b': 'Central Asia in Japan’s focus' };
const options: ChartOptions = { title: 'Key dates', size: 'full', titleOf: (docId) => titles[docId], measure: measureText };
const spec = (entries: ChartEntry[], extra: Partial<ChartOptions> = {}) => timelineChartSpec(entries, { ...options, ...extra });
const texts = (chart: ChartSpec, ...roles: TextShape['role'][]) => chart.shapes.filter((shape): shape is TextShape => shape.kind === 'text' && roles.includes(shape.role));
const ofKind = <K extends Shape['kind']>(chart: ChartSpec, kind: K) => chart.shapes.filter((shape): shape is Extract<Shape, { kind: K }> => shape.kind === kind);

/** A text's horizontal extent from its anchor and measured width. */
function extent(text: TextShape): [number, number] {
  if (text.anchor === 'start') return [text.x, text.x + text.width];
  if (text.anchor === 'end') return [text.x - text.width, text.x];
  return [text.x - text.width / 2, text.x + text.width / 2];
}

function overlapping(shapes: TextShape[]): [string, string][] {
  const pairs: [string, string][] = [];
  shapes.forEach((a, index) => {
    for (const b of shapes.slice(index + 1)) {
      const [a1, a2] = extent(a);
      const [b1, b2] = extent(b);
      const sameLine = Math.abs(a.y - b.y) < a.fontSize;
      if (sameLine && a1 < b2 && b1 < a2) pairs.push([a.text, b.text]);
    }
  });
  return pairs;
}

describe('the timeline picture as a spec', () => {
  it('draws days as points and longer periods as bars', () => {
    const chart = spec([entry('2025-08-24', 'Iwaya lands in Kazakhstan'), entry('2004-08', 'The Dialogue is formed'), entry('1990', 'A decade of aid', 'doc-a', { end: '1999' })]);
    expect(ofKind(chart, 'circle')).toHaveLength(1);
    // Two bars, plus the legend's swatch.
    expect(ofKind(chart, 'rect').filter((rect) => rect.height === 6)).toHaveLength(2);
    expect(texts(chart, 'label').sort((a, b) => a.x - b.x).map((text) => text.text)).toEqual(['1990–1999 A decade of aid', 'Aug 2004 The Dialogue is formed', '24 Aug 2025 Iwaya lands in Kazakhstan']);
  });

  it('draws a single date as one point with its label', () => {
    const chart = spec([entry('2025-12-19', 'Tokyo hosts the first summit')]);
    expect(ofKind(chart, 'circle')).toHaveLength(1);
    expect(texts(chart, 'label').map((text) => text.text)).toEqual(['19 Dec 2025 Tokyo hosts the first summit']);
    expect(texts(chart, 'tick').length).toBeGreaterThan(1);
  });

  it('never lets two labels overlap, even 200 dates in one year, and counts every hidden one', () => {
    const chart = spec(manyDays(200));
    const labels = texts(chart, 'label', 'cluster');
    expect(overlapping(labels)).toEqual([]);
    expect(chart.labelled + chart.hiddenLabels).toBe(200);
    expect(chart.hiddenLabels).toBeGreaterThan(0);
    expect(texts(chart, 'label')).toHaveLength(chart.labelled);
    const clustered = texts(chart, 'cluster').reduce((sum, text) => sum + Number(text.text.slice(1)), 0);
    expect(clustered).toBeGreaterThan(0);
    expect(clustered).toBeLessThanOrEqual(chart.hiddenLabels);
    expect(chart.notes.join(' ')).toContain(`${chart.hiddenLabels} labels are hidden`);
  });

  it('gives a crowd’s room to the dates more sources give and the more precise ones first', () => {
    // All start in the first days of 2025: left to right, the twenty years would take every row.
    const years = Array.from({ length: 20 }, (_, index) => entry('2025', `Year-long item ${index}`));
    const summit = entry('2025-01-10', 'Tokyo summit', 'doc-b', { end: '2025-01-11' });
    const launch = entry('2025-01', 'Launch, twice told', 'doc-a', { sources: [{ docId: 'doc-a' }, { docId: 'doc-b' }] });
    const chart = spec([...years, launch, summit], { size: 'small' });
    const shown = texts(chart, 'label').map((text) => text.text);
    expect(shown).toContain('Jan 2025 Launch, twice told');
    expect(shown).toContain('10–11 Jan 2025 Tokyo summit');
    expect(chart.hiddenLabels).toBeGreaterThan(0);
  });

  it('keeps labels inside the picture at both ends of the axis', () => {
    const chart = spec([entry('1950', 'Early start with a long label that goes on'), entry('2026-01-01', 'A late date whose label would run off the right edge')]);
    for (const text of texts(chart, 'label')) {
      const [left, right] = extent(text);
      expect(left).toBeGreaterThanOrEqual(0);
      expect(right).toBeLessThanOrEqual(chart.width);
    }
  });

  it('thins 5,000 dates to a bounded drawing and says so', () => {
    const chart = spec(manyDays(5000, 3));
    expect(chart.entryCount).toBe(5000);
    expect(chart.shapes.length).toBeLessThan(2500);
    expect(texts(chart, 'label', 'cluster').length).toBeLessThan(150);
    expect(chart.notes.join(' ')).toMatch(/4,\d{3} labels are hidden/);
    expect(chart.notes.join(' ')).toMatch(/Thinned: 4,\d{3} days fall on a point already drawn/);
  });

  it('draws a conflicting date as a red diamond, marks its label and adds it to the legend', () => {
    const conflicted = entry('2004-08', 'The Dialogue is formed', 'doc-a', { conflicts: [{ date: '2005', end: null, precision: 'year' }] });
    const chart = spec([conflicted, entry('2015', 'Abe tours the region', 'doc-b')]);
    const diamonds = ofKind(chart, 'path').filter((path) => path.stroke === '#cf222e' && path.d.endsWith('Z'));
    expect(diamonds).toHaveLength(2); // on the axis, and in the legend
    expect(ofKind(chart, 'path').some((path) => path.dashed === true)).toBe(true);
    expect(texts(chart, 'label')[0]?.text).toMatch(/^⚠ Aug 2004/);
    expect(texts(chart, 'legend').map((text) => text.text)).toContain('a date another source gives (conflict)');
    expect(chart.description).toContain('August 2004: The Dialogue is formed (sources disagree: also 2005)');
  });

  it('gives each source its own colour and names the sources in the legend by title', () => {
    const chart = spec([entry('2024-01-01', 'One', 'doc-a'), entry('2024-06-01', 'Two', 'doc-b'), entry('2024-09-01', 'Three', 'doc-a')]);
    const colours = ofKind(chart, 'circle').map((circle) => circle.fill);
    expect(colours[0]).toBe(colours[2]);
    expect(colours[0]).not.toBe(colours[1]);
    expect(texts(chart, 'legend').map((text) => text.text)).toEqual(['Bridges not blocs', 'Central Asia in Japan’s focus']);
  });

  it('lists in the legend only the sources whose colour a mark wears', () => {
    const chart = spec([entry('2024-01-01', 'Told by two', 'doc-a', { sources: [{ docId: 'doc-a' }, { docId: 'doc-b' }] })]);
    expect(texts(chart, 'legend').map((text) => text.text)).toEqual(['Bridges not blocs']);
  });

  it('groups sources past the tenth as "other sources"', () => {
    const chart = spec(Array.from({ length: 12 }, (_, index) => entry(`20${10 + index}`, `Year ${index}`, `doc-${index}`)));
    const legend = texts(chart, 'legend').map((text) => text.text);
    expect(legend).toHaveLength(11);
    expect(legend.at(-1)).toBe('other sources');
  });

  it('marks today with a line and a word, and keeps it on the axis', () => {
    const chart = spec([entry('2026-12-03', 'Upcoming visit')], { today: '2026-11-20', size: 'small' });
    expect(texts(chart, 'today').map((text) => text.text)).toEqual(['today']);
    expect(ofKind(chart, 'line').some((line) => line.dashed === true && line.x1 === line.x2)).toBe(true);
    expect(chart.width).toBe(800);
  });

  it('writes alt text that lists the dates in words within Discord’s 1,024 characters', () => {
    const few = spec([entry('2004-08', '…formed the Dialogue…'), entry('2025-12-19', 'Tokyo hosts the first summit', 'doc-a', { end: '2025-12-20' })]);
    expect(few.description).toBe('Key dates: 2 dates from August 2004 to 20 December 2025. August 2004: formed the Dialogue; 19 December 2025 to 20 December 2025: Tokyo hosts the first summit.');
    const many = spec(manyDays(300));
    expect(many.description.length).toBeLessThanOrEqual(maxDescriptionLength);
    expect(many.description).toMatch(/^Key dates: 300 dates from 1 January 2024 to 26 October 2024\. 1 January 2024: Event number 0/);
    expect(many.description).toMatch(/; and \d+ more\.$/);
    // The span ends with the latest day any date covers, whatever its precision.
    expect(spec([entry('2026-08', 'A month'), entry('2026-08-28', 'A day')]).description).toMatch(/^Key dates: 2 dates from August 2026 to August 2026\./);
  });

  it('leaves out dates that are not real calendar dates, and says how many', () => {
    const chart = spec([entry('2024-13', 'No thirteenth month'), { ...entry('2024-02-30', 'No such day') }, entry('garbage', 'Not a date'), entry('2024-05-01', 'A real day')]);
    expect(texts(chart, 'label').map((text) => text.text)).toEqual(['1 May 2024 A real day']);
    expect(chart.notes).toContain('3 dates are not real calendar dates and not drawn.');
    expect(chart.shapes.some((shape) => Object.values(shape).some((value) => typeof value === 'number' && !Number.isFinite(value)))).toBe(false);
  });

  it('is a pure function of its entries and options', () => {
    const entries = manyDays(40, 9);
    expect(spec(entries)).toEqual(spec(entries));
  });

  it('escapes labels in the SVG', () => {
    const svg = chartSvg(spec([entry('2024-01-01', 'Tariffs <20% & "quotas"\u0007')]));
    expect(svg).toContain('Tariffs &lt;20% &amp; &quot;quotas&quot;');
    expect(svg).not.toContain('\u0007');
  });
});
