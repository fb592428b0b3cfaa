/**
 * What the finished sweep says at its largest heap: each EPT configuration against native paging
 * with the same guest pages, and why — TLB reach and how much of the EPT the caches can hold.
 */
import { useMemo } from 'react';
import type { PageSize } from '../../engine';
import { bytesOfPageSize } from '../../engine';
import { pageSizeText } from '../../state/sweep-configurations';
import { selectTable } from '../../state/sweep-selectors';
import { formatBytes, formatNs, formatSlowdown } from './format';
import { useSweep } from './sweep-store-context';

export function SweepTakeaway() {
  const status = useSweep((s) => s.status);
  const plan = useSweep((s) => s.plan);
  const results = useSweep((s) => s.results);
  const { heapSizes, rows } = useMemo(() => selectTable(plan, results, []), [plan, results]);
  const last = heapSizes.length - 1;
  const heap = heapSizes[last];
  if (status !== 'done' || heap === undefined) return null;

  const measured = rows.flatMap(({ configuration, cells }) => {
    const cell = cells[last];
    return cell?.state === 'measured' ? [{ configuration, cell }] : [];
  });
  const natives = measured.filter((m) => m.configuration.eptPageSize === null);
  const epts = measured.filter((m) => m.configuration.eptPageSize !== null && m.cell.slowdown !== null);
  if (natives.length === 0 || epts.length === 0) return null;
  const eptSizes = [...new Set(epts.map((m) => m.configuration.eptPageSize!))];
  const slowdownOf = (ept: PageSize) =>
    epts.find((m) => m.configuration.guestPageSize === '4K' && m.configuration.eptPageSize === ept)?.cell
      .slowdown;
  const [s4k, s2m] = [slowdownOf('4K'), slowdownOf('2M')];
  // The share of 4 KiB EPT pages' extra cost that 2 MiB pages remove (guest 4 KiB pages).
  const recovered = s4k != null && s2m != null && s4k > 1.001 ? Math.max(0, (s4k - s2m) / (s4k - 1)) : null;

  return (
    <aside className="sweep-takeaway" aria-label="What the sweep shows">
      <p>
        At <strong>{formatBytes(heap)}</strong>:{' '}
        {natives
          .map((n) => `${n.configuration.label} ${formatNs(n.cell.measurement.nsPerAccess)}`)
          .join('; ')}
        {epts.map((m) => (
          <span key={m.configuration.id}>
            {'; '}
            {m.configuration.label} <strong>{formatNs(m.cell.measurement.nsPerAccess)}</strong> (
            {formatSlowdown(m.cell.slowdown!)})
          </span>
        ))}
        .
      </p>
      <p>
        Past the TLB’s reach (Sandy Bridge: 512 second-level entries × 4 KiB = 2 MiB) nearly every access
        walks, and under EPT every guest table entry read needs a guest-physical translation of its own. What
        that costs depends on how much of the EPT the caches hold: for {formatBytes(heap)} its leaf entries
        take{' '}
        {eptSizes
          .map(
            (size) => `${formatBytes((heap / bytesOfPageSize(size)) * 8)} with ${pageSizeText(size)} pages`,
          )
          .join(', ')}
        .
        {recovered !== null && (
          <>
            {' '}
            2 MiB EPT pages win back {Math.round(recovered * 100)} % of what 4 KiB pages lose, while host
            memory can still be found, shared and swapped in small pieces — the choice most hypervisors make.
          </>
        )}
      </p>
    </aside>
  );
}
