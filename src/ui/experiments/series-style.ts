/**
 * How a configuration looks in the chart and legend: colour by EPT page size (native in the text
 * colour), dash and marker by guest page size — so the lines differ by more than colour alone.
 * Literal colours (Okabe–Ito, colour-blind safe) so an exported PNG looks like the page.
 */
import type { PageSize } from '../../engine';
import type { SweepConfiguration } from '../../state/sweep-configurations';

export type Marker = 'circle' | 'square' | 'triangle';

export interface SeriesStyle {
  readonly color: string;
  readonly dash: string | undefined;
  readonly marker: Marker;
}

const EPT_COLOR: Record<PageSize, string> = { '4K': '#d55e00', '2M': '#2a7fc1', '1G': '#009e73' };
const GUEST_DASH: Record<PageSize, string | undefined> = { '4K': undefined, '2M': '7 4', '1G': '2 3' };
const GUEST_MARKER: Record<PageSize, Marker> = { '4K': 'circle', '2M': 'square', '1G': 'triangle' };

export function seriesStyle(configuration: SweepConfiguration): SeriesStyle {
  return {
    color: configuration.eptPageSize === null ? 'currentColor' : EPT_COLOR[configuration.eptPageSize],
    dash: GUEST_DASH[configuration.guestPageSize],
    marker: GUEST_MARKER[configuration.guestPageSize],
  };
}

/** An SVG path for a marker of radius r centred on (0, 0). */
export function markerPath(marker: Marker, r: number): string {
  switch (marker) {
    case 'circle':
      return `M${-r},0a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
    case 'square':
      return `M${-r},${-r}h${2 * r}v${2 * r}h${-2 * r}z`;
    case 'triangle':
      return `M0,${-r * 1.2}L${r * 1.1},${r * 0.8}H${-r * 1.1}z`;
  }
}
