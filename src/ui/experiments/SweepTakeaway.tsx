/**
 * What the finished sweep says at its largest heap: each EPT configuration against native paging
 * with the same guest pages, and why — TLB reach and how much of the EPT the caches can hold.
 */
import { useMemo } from 'react';
import type { PageSize } from '../../engine/types';
import { pageSizeText } from '../../state/sweep-configurations';
import { selectTable } from '../../state/sweep-selectors';
import { formatBytes, formatNs, formatSlowdown } from './format';
import { useSweep } from './sweep-store-context';

const PAGE_BYTES: Record<PageSize, number> = { '4K': 2 ** 12, '2M': 2 ** 21, '1G': 2 ** 30 };

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
        walks, and under EPT every guest table entry read needs a guest-physical translation of its own.
        Whether that costs a trip to memory depends on how much of the EPT the paging-structure caches and
        data caches hold: its leaf entries for {formatBytes(heap)} take{' '}
        {eptSizes
          .map((size) => `${formatBytes((heap / PAGE_BYTES[size]) * 8)} with ${pageSizeText(size)} pages`)
          .join(', ')}{' '}
        — which is why hypervisors back guests with 2 MiB EPT pages.
      </p>
    </aside>
  );
}
