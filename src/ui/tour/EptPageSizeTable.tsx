/** 4 KiB against 2 MiB EPT pages (docs/tour.md): what a miss costs, what the TLBs cover, what is wasted. */
import { bytesLabel, eptPageSizeTradeOff, TRADE_OFF_REGIONS, type EptPageSizeRow } from '../../engine';

interface Measure {
  readonly label: string;
  readonly value: (row: EptPageSizeRow) => string;
}

const MEASURES: readonly Measure[] = [
  {
    label: 'references per TLB miss (4-level guest, 4 KiB guest pages)',
    value: (r) => String(r.missReferences),
  },
  { label: 'Skylake data TLB reach (guest pages of the same size)', value: (r) => bytesLabel(r.tlbReach) },
  {
    label: `expected waste at the ends of ${TRADE_OFF_REGIONS} regions (half a page each)`,
    value: (r) => bytesLabel(r.tailWaste),
  },
];

const COLUMN: Readonly<Record<EptPageSizeRow['eptPage'], string>> = {
  '4K': '4 KiB EPT pages',
  '2M': '2 MiB EPT pages',
};

export function EptPageSizeTable() {
  const rows = eptPageSizeTradeOff(TRADE_OFF_REGIONS);
  return (
    <figure className="tour-figure panel" data-testid="figure-ept-page-size">
      <figcaption>
        <b>4 KiB vs 2 MiB EPT pages</b>: bigger EPT pages make a TLB miss shorter and let each TLB entry cover
        more, and pay for it with memory lost inside half-used pages
      </figcaption>
      <table>
        <thead>
          <tr>
            <th scope="col" />
            {rows.map((r) => (
              <th key={r.eptPage} scope="col">
                {COLUMN[r.eptPage]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {MEASURES.map((m) => (
            <tr key={m.label}>
              <th scope="row">{m.label}</th>
              {rows.map((r) => (
                <td key={r.eptPage}>{m.value(r)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
