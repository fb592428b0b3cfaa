/**
 * A copy of an SVG element that looks the same outside the page: every element's computed
 * presentation (colours resolved from the theme's CSS variables, fonts, strokes) is written into
 * its own style attribute, and attributes that still say var(--x) are resolved or dropped.
 */
import { concreteColor } from './concrete-color';

/** The computed properties that decide how SVG content looks. */
const PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'visibility',
] as const;
const COLOURS = new Set(['fill', 'stroke']);
const DEFAULTS: Readonly<Record<string, string>> = {
  'fill-opacity': '1',
  'stroke-opacity': '1',
  opacity: '1',
  'stroke-dasharray': 'none',
  'stroke-linecap': 'butt',
  'stroke-linejoin': 'miter',
  'font-style': 'normal',
  'paint-order': 'normal',
  visibility: 'visible',
};

/** `var(--name, fallback)` → the custom property's value on `element` (or the fallback). */
export function resolveVars(value: string, element: Element): string {
  let text = value;
  for (let i = 0; i < 8 && text.includes('var('); i++) {
    text = text.replace(
      /var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*(?:\([^()]*\))?[^()]*))?\)/g,
      (_, name: string, fallback?: string) => {
        const own = getComputedStyle(element).getPropertyValue(name).trim();
        return own || (fallback ?? '').trim();
      },
    );
  }
  return text;
}

function inlineElement(source: Element, target: Element): void {
  const computed = getComputedStyle(source);
  if (computed.display === 'none') {
    target.remove();
    return;
  }
  for (const attr of [...target.attributes]) {
    if (!attr.value.includes('var(')) continue;
    const resolved = resolveVars(attr.value, source);
    if (resolved) target.setAttribute(attr.name, COLOURS.has(attr.name) ? concreteColor(resolved) : resolved);
    else target.removeAttribute(attr.name);
  }
  const style = (target as SVGElement).style;
  if (!style) return;
  for (const property of PROPERTIES) {
    let value = computed.getPropertyValue(property).trim();
    if (!value || value.includes('var(')) continue;
    if (DEFAULTS[property] === value) continue;
    if (COLOURS.has(property)) value = concreteColor(value);
    style.setProperty(property, value);
  }
}

/** Walks `source` and its clone side by side (same shape), inlining each element. */
function inlineTree(source: Element, target: Element): void {
  const sources = [...source.children];
  const targets = [...target.children];
  sources.forEach((child, i) => {
    const copy = targets[i];
    if (copy) inlineTree(child, copy);
  });
  inlineElement(source, target);
}

/** A self-contained copy of `svg` (an <svg>, or a <pattern> or <marker> it uses) with its computed styles inlined. */
export function inlineSvg<T extends SVGElement>(svg: T): T {
  const clone = svg.cloneNode(true) as T;
  inlineTree(svg, clone);
  return clone;
}

const URL_REF = /url\(\s*["']?#([^"')\s]+)["']?\s*\)/g;

/**
 * Copies into `svg` the definitions (patterns, markers) its url(#id) references point at but that
 * live elsewhere on the page, e.g. in a hidden <svg> of shared definitions.
 */
export function addMissingDefinitions(svg: SVGSVGElement): void {
  const wanted = new Set<string>();
  for (const el of svg.querySelectorAll('*')) {
    for (const attr of el.attributes) for (const m of attr.value.matchAll(URL_REF)) wanted.add(m[1]!);
  }
  const present = new Set([...svg.querySelectorAll('[id]')].map((el) => el.id));
  const defs = document.createElementNS('http://www.w3.org/2000/svg', 'defs');
  for (const id of wanted) {
    const source = present.has(id) ? null : document.getElementById(id);
    if (source instanceof SVGElement) defs.append(inlineSvg(source));
  }
  if (defs.childNodes.length > 0) svg.insertBefore(defs, svg.firstChild);
}
