import { useEffect, type RefObject } from 'react';
import { select, type Axis, type AxisDomain } from 'd3';

/**
 * Draws a d3 axis into a <g> React owns: React places the group, d3-axis fills it (create and
 * update are the same call; the ticks go with the group on unmount). The group's font is inherited.
 */
export function useD3Axis<Domain extends AxisDomain>(
  ref: RefObject<SVGGElement | null>,
  axis: Axis<Domain>,
): void {
  useEffect(() => {
    // d3-axis sets a 10 px sans-serif font on the group; the chart's own font is inherited instead.
    if (ref.current) select(ref.current).call(axis).attr('font-size', null).attr('font-family', null);
  }, [ref, axis]);
}
