/**
 * The walk view as one standalone picture, laid out as on the page: a title, the grid with the
 * address bits under it, the narration and the translation caches beside them, and the table
 * trees below; then the same picture as a PNG through a canvas.
 */
import { concreteColor } from './concrete-color';
import { htmlToSvg, SVG_NS, type DrawnPart } from './html-to-svg';
import { addMissingDefinitions } from './inline-svg';
export { svgToPngBlob } from './files';

export interface WalkExportParts {
  /** The grid view (its head, the SVG grid and the legend). */
  readonly grid: Element;
  /** The linear address split into its index fields, with the gPA and hPA it reached. */
  readonly address?: Element | null;
  /** The narration's sentence for the current step. */
  readonly narration?: Element | null;
  /** The translation caches as they stand at this step (left out on a machine without any). */
  readonly caches?: Element | null;
  /** The table trees' canvas (all of it, also what is scrolled out of sight). */
  readonly tables?: Element | null;
  readonly title: string;
}

export interface ExportedSvg {
  readonly text: string;
  readonly width: number;
  readonly height: number;
  /** The picture's background colour (a slide's margins take it). */
  readonly background: string;
}

const PAD = 16;
const GAP = 24;
const TITLE_H = 30;

/** The page's colours: background and text, resolved (the file has no stylesheet). */
function pageColours(): { bg: string; fg: string } {
  const body = getComputedStyle(document.body);
  const root = getComputedStyle(document.documentElement);
  const bg = [body.backgroundColor, root.backgroundColor]
    .map(concreteColor)
    .find((c) => c !== '' && c !== 'transparent' && !/rgba\(.*,\s*0(\.0+)?\)$/.test(c));
  return { bg: bg ?? '#ffffff', fg: concreteColor(body.color) || '#1b1f24' };
}

function place(part: DrawnPart, x: number, y: number): SVGGElement {
  part.group.setAttribute('transform', `translate(${x.toFixed(1)},${y.toFixed(1)})`);
  return part.group;
}

/** Parts drawn one under the other from `y`, GAP apart: their places and the height they take. */
function stack(parts: readonly (DrawnPart | null)[], x: number, y: number) {
  const placed: SVGGElement[] = [];
  let bottom = y;
  let width = 0;
  for (const part of parts) {
    if (part === null) continue;
    if (placed.length > 0) bottom += GAP;
    placed.push(place(part, x, bottom));
    bottom += part.height;
    width = Math.max(width, part.width);
  }
  return { placed, width, height: bottom - y };
}

const drawn = (el: Element | null | undefined): DrawnPart | null => (el ? htmlToSvg(el) : null);

export function buildWalkSvg(parts: WalkExportParts): ExportedSvg {
  const top = PAD + TITLE_H;
  const left = stack([htmlToSvg(parts.grid), drawn(parts.address)], PAD, top);
  const rightX = PAD + left.width + GAP;
  const right = stack([drawn(parts.narration), drawn(parts.caches)], rightX, top);
  const tables = drawn(parts.tables);
  const tablesY = top + Math.max(left.height, right.height) + GAP;
  const width = Math.ceil(
    Math.max(
      right.placed.length > 0 ? rightX + right.width : PAD + left.width,
      tables ? PAD + tables.width : 0,
    ) + PAD,
  );
  const height = Math.ceil((tables ? tablesY + tables.height : tablesY - GAP) + PAD);
  const { bg, fg } = pageColours();

  const svg = document.createElementNS(SVG_NS, 'svg');
  // No xmlns attribute: the serializer declares the SVG namespace itself (twice would not parse).
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const title = document.createElementNS(SVG_NS, 'title');
  title.textContent = parts.title;
  const background = document.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of Object.entries({ width, height, fill: bg })) background.setAttribute(k, String(v));
  const heading = document.createElementNS(SVG_NS, 'text');
  const headingAttrs = {
    x: PAD,
    y: PAD + 14,
    fill: fg,
    'font-family': getComputedStyle(document.body).fontFamily || 'sans-serif',
    'font-size': 18,
    'font-weight': 700,
  };
  for (const [k, v] of Object.entries(headingAttrs)) heading.setAttribute(k, String(v));
  heading.textContent = parts.title;
  svg.append(title, background, heading, ...left.placed, ...right.placed);
  if (tables) svg.append(place(tables, PAD, tablesY));
  addMissingDefinitions(svg);
  const text = '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg) + '\n';
  return { text, width, height, background: bg };
}

/** `nestwalk-step-7-of-24.svg` */
export const exportFileName = (
  cursor: number,
  total: number,
  extension: 'svg' | 'png',
  slide = false,
): string => `nestwalk-step-${cursor}-of-${total}${slide ? '-16x9' : ''}.${extension}`;
