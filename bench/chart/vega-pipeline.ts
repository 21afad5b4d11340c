import type { ChartSpec } from '../../src/chart/types.js';

/**
 * The same shapes drawn the measured lead's way: a vega-lite spec compiled with vega to SVG.
 * Coordinates are given in pixels (`scale: null`), so both pipelines draw the same marks and the
 * comparison times the pipeline, not a different design.
 */
export async function vegaSvg(spec: ChartSpec): Promise<string> {
  const [vegaLite, vega] = await Promise.all([import('vega-lite'), import('vega')]);
  const shapes = spec.shapes;
  const pixel = (field: string) => ({ field, type: 'quantitative' as const, scale: null });
  const colour = { field: 'fill', type: 'nominal' as const, scale: null };
  const liteSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: spec.width,
    height: spec.height,
    autosize: 'none' as const,
    padding: 0,
    background: 'white',
    config: { font: 'DejaVu Sans', view: { stroke: null } },
    layer: [
      { data: { values: shapes.filter((shape) => shape.kind === 'rect').map((shape) => ({ x: shape.x, x2: shape.x + shape.width, y: shape.y, y2: shape.y + shape.height, fill: shape.fill })) }, mark: 'rect', encoding: { x: pixel('x'), x2: { field: 'x2' }, y: pixel('y'), y2: { field: 'y2' }, color: colour } },
      { data: { values: shapes.filter((shape) => shape.kind === 'line').map((shape) => ({ x: shape.x1, x2: shape.x2, y: shape.y1, y2: shape.y2, fill: shape.stroke })) }, mark: 'rule', encoding: { x: pixel('x'), x2: { field: 'x2' }, y: pixel('y'), y2: { field: 'y2' }, color: colour } },
      { data: { values: shapes.filter((shape) => shape.kind === 'circle').map((shape) => ({ x: shape.x, y: shape.y, fill: shape.fill })) }, mark: { type: 'circle', size: 64, opacity: 1 }, encoding: { x: pixel('x'), y: pixel('y'), color: colour } },
      {
        data: { values: shapes.filter((shape) => shape.kind === 'text').map((shape) => ({ x: shape.x, y: shape.y, text: shape.text, size: shape.fontSize})) },
        // One alignment for all: the timing does not depend on it.
        mark: { type: 'text', baseline: 'alphabetic', align: 'left' },
        encoding: { x: pixel('x'), y: pixel('y'), text: { field: 'text' }, size: { field: 'size', type: 'quantitative' as const, scale: null } },
      },
    ],
  };
  const compiled = vegaLite.compile(liteSpec as never).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
