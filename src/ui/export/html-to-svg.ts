/**
 * Draws a laid-out piece of the page as SVG primitives: each box with a background or border
 * becomes a rect, each line of text a <text> at the place the browser put it, each inline <svg>
 * an inlined copy. Positions come from the live layout (getBoundingClientRect), colours from
 * computed styles, so the result matches the screen. Form controls are left out.
 */
import { concreteColor, isTransparent } from './concrete-color';
import { inlineSvg } from './inline-svg';

export const SVG_NS = 'http://www.w3.org/2000/svg';

export interface DrawnPart {
  readonly group: SVGGElement;
  readonly width: number;
  readonly height: number;
}

interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

const SKIP = new Set(['BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'FORM', 'SCRIPT', 'STYLE', 'TITLE']);
const SIDES = ['top', 'right', 'bottom', 'left'] as const;

function svgElement<K extends keyof SVGElementTagNameMap>(
  name: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  return el;
}

const px = (value: string): number => Number.parseFloat(value) || 0;
const dash = (style: string, width: number): string | undefined =>
  style === 'dashed' ? `${width * 3} ${width * 2}` : style === 'dotted' ? `${width} ${width}` : undefined;

function drawBox(parent: SVGGElement, box: Box, cs: CSSStyleDeclaration): void {
  const fill = concreteColor(cs.backgroundColor);
  const radius = px(cs.borderTopLeftRadius);
  const sides = SIDES.map((side) => ({
    side,
    width: px(cs.getPropertyValue(`border-${side}-width`)),
    style: cs.getPropertyValue(`border-${side}-style`),
    color: concreteColor(cs.getPropertyValue(`border-${side}-color`)),
  })).filter((s) => s.width > 0 && s.style !== 'none' && s.style !== 'hidden' && !isTransparent(s.color));
  const uniform =
    sides.length === 4 && sides.every((s) => s.width === sides[0]!.width && s.color === sides[0]!.color);
  if (uniform) {
    const { width, style, color } = sides[0]!;
    const rect = svgElement('rect', {
      x: box.x + width / 2,
      y: box.y + width / 2,
      width: Math.max(0, box.w - width),
      height: Math.max(0, box.h - width),
      rx: radius,
      fill: isTransparent(fill) ? 'none' : fill,
      stroke: color,
      'stroke-width': width,
    });
    const dashes = dash(style, width);
    if (dashes) rect.setAttribute('stroke-dasharray', dashes);
    parent.append(rect);
    return;
  }
  if (!isTransparent(fill)) {
    parent.append(svgElement('rect', { x: box.x, y: box.y, width: box.w, height: box.h, rx: radius, fill }));
  }
  for (const { side, width, color } of sides) {
    const strip =
      side === 'top'
        ? { x: box.x, y: box.y, width: box.w, height: width }
        : side === 'bottom'
          ? { x: box.x, y: box.y + box.h - width, width: box.w, height: width }
          : side === 'left'
            ? { x: box.x, y: box.y, width, height: box.h }
            : { x: box.x + box.w - width, y: box.y, width, height: box.h };
    parent.append(svgElement('rect', { ...strip, fill: color }));
  }
}

interface Line {
  readonly text: string;
  readonly rect: { left: number; top: number; width: number; height: number };
}

/** The lines a text node was broken into, with where each one is; one line where ranges cannot measure. */
function textLines(node: Text, fallback: DOMRect): Line[] {
  const words = [...node.data.matchAll(/\S+/g)];
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last) return [];
  const range = document.createRange();
  if (typeof range.getClientRects !== 'function') {
    return [{ text: words.map((w) => w[0]).join(' '), rect: fallback }];
  }
  range.setStart(node, first.index);
  range.setEnd(node, last.index + last[0].length);
  if (range.getClientRects().length <= 1) {
    return [
      {
        text: node.data.slice(first.index, last.index + last[0].length),
        rect: range.getBoundingClientRect(),
      },
    ];
  }
  const lines: { words: string[]; left: number; right: number; top: number; height: number }[] = [];
  for (const word of words) {
    range.setStart(node, word.index);
    range.setEnd(node, word.index + word[0].length);
    const r = range.getBoundingClientRect();
    const line = lines[lines.length - 1];
    if (line && Math.abs(r.top - line.top) < r.height / 2) {
      line.words.push(word[0]);
      line.right = r.right;
    } else {
      lines.push({ words: [word[0]], left: r.left, right: r.right, top: r.top, height: r.height });
    }
  }
  return lines.map((l) => ({
    text: l.words.join(' '),
    rect: { left: l.left, top: l.top, width: l.right - l.left, height: l.height },
  }));
}

function drawText(
  parent: SVGGElement,
  node: Text,
  cs: CSSStyleDeclaration,
  origin: DOMRect,
  fallback: DOMRect,
) {
  const color = concreteColor(cs.color);
  for (const line of textLines(node, fallback)) {
    const text = svgElement('text', {
      x: line.rect.left - origin.left,
      y: line.rect.top - origin.top + line.rect.height / 2,
      'dominant-baseline': 'central',
      fill: color,
      'font-family': cs.fontFamily,
      'font-size': cs.fontSize,
      'font-weight': cs.fontWeight,
    });
    if (cs.fontStyle && cs.fontStyle !== 'normal') text.setAttribute('font-style', cs.fontStyle);
    // Pinned to the measured width: another machine's fallback font cannot overflow the boxes.
    if (line.rect.width > 0 && line.text.length > 1) {
      text.setAttribute('textLength', line.rect.width.toFixed(1));
      text.setAttribute('lengthAdjust', 'spacingAndGlyphs');
    }
    text.textContent = line.text;
    parent.append(text);
  }
}

function visit(el: Element, parent: SVGGElement, origin: DOMRect): void {
  if (SKIP.has(el.tagName.toUpperCase()) || el.getAttribute('data-export') === 'skip') return;
  const rect = el.getBoundingClientRect();
  const box = { x: rect.left - origin.left, y: rect.top - origin.top, w: rect.width, h: rect.height };
  if (el instanceof SVGSVGElement) {
    const copy = inlineSvg(el);
    copy.setAttribute('x', String(box.x));
    copy.setAttribute('y', String(box.y));
    copy.setAttribute('width', String(box.w));
    copy.setAttribute('height', String(box.h));
    parent.append(copy);
    return;
  }
  const cs = getComputedStyle(el);
  if (cs.display === 'none' || cs.visibility === 'hidden') return;
  // Text for screen readers only (clipped to a pixel) is not part of the picture.
  if (rect.width <= 1 && rect.height <= 1 && el.children.length === 0 && cs.overflow === 'hidden') return;
  let group = parent;
  const opacity = Number.parseFloat(cs.opacity);
  if (opacity < 1) {
    group = svgElement('g', { opacity });
    parent.append(group);
  }
  drawBox(group, box, cs);
  for (const child of el.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) drawText(group, child as Text, cs, origin, rect);
    else if (child.nodeType === Node.ELEMENT_NODE) visit(child as Element, group, origin);
  }
}

/** `root` and what it contains as one SVG group, in root's coordinates (0, 0 at its top left). */
export function htmlToSvg(root: Element): DrawnPart {
  const origin = root.getBoundingClientRect();
  const group = svgElement('g', {});
  visit(root, group, origin);
  return { group, width: origin.width, height: origin.height };
}
