// The rendered size of every piece of text a viewer can see: each non-blank text node (HTML and
// SVG) whose box lies at least partly inside the viewport and is not hidden, with its computed
// font size in CSS pixels. SVG text counts at its drawn size (font size × the SVG's scale), since
// a viewBox scaled down on screen shrinks its labels with it.
import type { Page } from 'playwright-core';

export interface TextSample {
  text: string;
  /** Rendered font size in CSS px. */
  px: number;
  /** A short path of the element: tag.class > tag.class. */
  where: string;
}

/**
 * Every visible text (in the page, so it sees what the browser laid out): in the viewport, or with
 * `wholePage` anywhere on the page a scroll would bring into view.
 */
export async function visibleTexts(page: Page, options: { wholePage?: boolean } = {}): Promise<TextSample[]> {
  // tsx keeps function names with a `__name` helper the page does not have.
  await page.evaluate('window.__name ??= (f) => f');
  return page.evaluate((wholePage) => {
    const samples: { text: string; px: number; where: string }[] = [];
    const describe = (el: Element): string => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && parts.length < 3; e = e.parentElement) {
        const cls = typeof e.className === 'string' ? e.className.trim().split(/\s+/)[0] : '';
        parts.unshift(`${e.tagName.toLowerCase()}${cls ? `.${cls}` : ''}`);
      }
      return parts.join(' > ');
    };
    const isHidden = (el: Element): boolean => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0)
          return true;
        // Screen-reader-only text (visually-hidden: clipped to nothing).
        if (style.clipPath === 'inset(50%)' || (e as HTMLElement).hidden) return true;
      }
      return false;
    };
    /** How much an SVG element is scaled on screen (1 for HTML). */
    const svgScale = (el: Element): number => {
      const graphic = el as SVGGraphicsElement;
      if (!(el instanceof SVGElement) || typeof graphic.getScreenCTM !== 'function') return 1;
      const m = graphic.getScreenCTM();
      return m ? Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) : 1;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
      const el = node.parentElement;
      if (!text || !el) continue;
      // Text inside <option> or <title> is not drawn on the page (the open list is the browser's).
      if (el.closest('option, title, script, style, noscript')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const boxes = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      const inView = boxes.some((r) =>
        wholePage ? true : r.bottom > 0 && r.right > 0 && r.top < vh && r.left < vw,
      );
      if (boxes.length === 0) continue;
      if (!inView || isHidden(el)) continue;
      // CSS zoom (on the table cards in presenter mode) scales HTML text; SVG text its CTM.
      const zoom =
        el instanceof SVGElement ? 1 : ((el as unknown as { currentCSSZoom?: number }).currentCSSZoom ?? 1);
      const px = parseFloat(getComputedStyle(el).fontSize) * svgScale(el) * zoom;
      samples.push({ text: text.slice(0, 60), px: Math.round(px * 10) / 10, where: describe(el) });
    }
    return samples;
  }, options.wholePage ?? false);
}

/** The texts below `minPx`, grouped by where they are, biggest groups first (for a failure message). */
export function describeSmall(samples: readonly TextSample[], minPx: number, limit = 25): string {
  const small = samples.filter((s) => s.px < minPx - 0.05);
  const byWhere = new Map<string, TextSample[]>();
  for (const s of small) byWhere.set(s.where, [...(byWhere.get(s.where) ?? []), s]);
  return [...byWhere]
    .sort((a, b) => b[1].length - a[1].length)
    .slice(0, limit)
    .map(([where, list]) => {
      const sizes = [...new Set(list.map((s) => s.px))].sort((a, b) => a - b).join('/');
      return `  ${list.length}× ${sizes} px  ${where}  e.g. "${list[0]!.text}"`;
    })
    .join('\n');
}
