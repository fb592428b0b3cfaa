/**
 * Colours as plain rgb() / rgba(): computed styles may say `color(srgb …)` or `oklab(…)` (from
 * color-mix), which other SVG renderers do not read. A 1×1 canvas converts any colour the browser
 * knows; without a canvas (test DOMs) the value is kept as it is.
 */
const cache = new Map<string, string>();
let context: CanvasRenderingContext2D | null | undefined;

function canvasContext(): CanvasRenderingContext2D | null {
  if (context !== undefined) return context;
  try {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    context = canvas.getContext('2d', { willReadFrequently: true });
  } catch {
    context = null;
  }
  return context;
}

const PLAIN = /^(#[0-9a-f]{3,8}|rgba?\([^)]*\)|none|transparent|currentcolor)$/i;

export function concreteColor(value: string): string {
  const text = value.trim();
  if (text === '' || PLAIN.test(text) || text.startsWith('url(')) return text;
  const known = cache.get(text);
  if (known !== undefined) return known;
  const ctx = canvasContext();
  let result = text;
  if (ctx) {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = '#000000';
    ctx.fillStyle = text;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
    result = a === 255 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${((a ?? 0) / 255).toFixed(3)})`;
  }
  cache.set(text, result);
  return result;
}

/** Transparent (or unset): nothing to draw. */
export const isTransparent = (color: string): boolean =>
  color === '' ||
  color === 'transparent' ||
  color === 'none' ||
  /^rgba\([^)]*,\s*0(\.0+)?\)$/.test(color) ||
  /\/\s*0\)$/.test(color);
