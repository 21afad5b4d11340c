import { ink } from './palette.js';
import type { ChartSpec, Shape } from './types.js';

/** The font family every text is set in; the renderer is given its files and nothing else. */
export const chartFontFamily = 'DejaVu Sans';

/** The spec as an SVG document: one element per shape, text escaped. Pure. */
export function chartSvg(spec: ChartSpec): string {
  const body = spec.shapes.map(shapeElement).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${spec.width}" height="${spec.height}" viewBox="0 0 ${spec.width} ${spec.height}" font-family="${chartFontFamily}">
<rect width="100%" height="100%" fill="${ink.background}"/>
${body}
</svg>
`;
}

function shapeElement(shape: Shape): string {
  const dash = (dashed: boolean | undefined) => (dashed === true ? ' stroke-dasharray="4 3"' : '');
  switch (shape.kind) {
    case 'rect':
      return `<rect x="${n(shape.x)}" y="${n(shape.y)}" width="${n(shape.width)}" height="${n(shape.height)}" fill="${shape.fill}"${shape.stroke === undefined ? '' : ` stroke="${shape.stroke}" stroke-width="1.5"`}${dash(shape.dashed)}/>`;
    case 'circle':
      return `<circle cx="${n(shape.x)}" cy="${n(shape.y)}" r="${n(shape.r)}" fill="${shape.fill}"${shape.stroke === undefined ? '' : ` stroke="${shape.stroke}" stroke-width="${n(shape.strokeWidth ?? 1)}"`}/>`;
    case 'line':
      return `<line x1="${n(shape.x1)}" y1="${n(shape.y1)}" x2="${n(shape.x2)}" y2="${n(shape.y2)}" stroke="${shape.stroke}" stroke-width="${n(shape.width)}"${dash(shape.dashed)}/>`;
    case 'path':
      return `<path d="${shape.d}" fill="${shape.fill}" stroke="${shape.stroke}" stroke-width="${n(shape.width)}"${dash(shape.dashed)}/>`;
    case 'text': {
      const halo = shape.halo === true ? ` stroke="${ink.background}" stroke-width="3" stroke-linejoin="round" paint-order="stroke"` : '';
      return `<text x="${n(shape.x)}" y="${n(shape.y)}" font-size="${shape.fontSize}" font-weight="${shape.weight}" fill="${shape.fill}" text-anchor="${shape.anchor}"${halo}>${escapeXml(shape.text)}</text>`;
    }
  }
}

function n(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** Text as XML character data; a control character (not allowed in XML 1.0) becomes a space. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
