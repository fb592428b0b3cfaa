/** Saving what the panel shows: a text file, and the chart's SVG drawn onto a canvas as a PNG. */
import { svgToPngBlob } from '../export/files';

export { saveBlob, saveText } from '../export/files';

/**
 * The SVG as a standalone image: its size from the viewBox, the page's text colour and font (the
 * chart draws with currentColor) and background written in, since a page's CSS does not reach it.
 */
export function standaloneSvg(
  svg: SVGSVGElement,
  background: string,
): { text: string; width: number; height: number } {
  const { width, height } = svg.viewBox.baseVal;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const style = getComputedStyle(svg);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('color', style.color || '#1b1f24');
  clone.querySelector('.chart-background')?.setAttribute('fill', background);
  return { text: new XMLSerializer().serializeToString(clone), width, height };
}

/** The element's background, or the first ancestor's that is not transparent; white if none. */
export function backgroundOf(element: Element): string {
  for (let node: Element | null = element; node !== null; node = node.parentElement) {
    const color = getComputedStyle(node).backgroundColor;
    if (color && color !== 'transparent' && color !== 'rgba(0, 0, 0, 0)') return color;
  }
  return '#ffffff';
}

export const svgToPng = (svg: SVGSVGElement, scale = 2): Promise<Blob> =>
  svgToPngBlob(standaloneSvg(svg, backgroundOf(svg)), scale);
