import { useEffect, useRef, type RefObject } from 'react';
// d3-transition's side effect adds selection.transition(); imported here so this hook does not
// depend on some other module having loaded it first.
import 'd3-transition';
import { easeCubicOut, interpolateString, interrupt, select } from 'd3';

/** Longest transition any view runs (ms). */
export const TRANSITION_MS = 250;

/**
 * Moves an SVG element to `transform` with a d3 transition. React never writes this attribute:
 * the hook owns it (create: jump to the first position; update: transition, or jump under
 * reduced motion; destroy: interrupt so no timer outlives the element).
 */
export function useD3Transform(
  ref: RefObject<SVGElement | null>,
  transform: string,
  reducedMotion: boolean,
  duration = TRANSITION_MS,
): void {
  const placed = useRef<Element | null>(null);
  useEffect(() => {
    const node = ref.current;
    if (!node) return undefined;
    const selection = select(node);
    if (placed.current !== node || reducedMotion) {
      interrupt(node);
      selection.attr('transform', transform);
      placed.current = node;
      return undefined;
    }
    // Tween the text ("translate(x,y)" → "translate(x',y')"): d3's SVG transform interpolator needs
    // a layout engine (transform.baseVal) that test DOMs lack.
    const from = node.getAttribute('transform') ?? transform;
    selection
      .transition()
      .duration(duration)
      .ease(easeCubicOut)
      .attrTween('transform', () => interpolateString(from, transform));
    return () => interrupt(node);
  }, [ref, transform, reducedMotion, duration]);
}
