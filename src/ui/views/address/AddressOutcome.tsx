import { formatLinear, isNestedFault } from '../../../engine';
import { hex, pageSizeText } from '../model/names';
import type { WalkModel } from '../model/walk-model';

const FAULT_NAMES = {
  'page-fault': 'page fault (#PF)',
  'general-protection': 'general-protection fault (#GP): not canonical',
  'ept-violation': 'EPT violation',
  'ept-misconfig': 'EPT misconfiguration',
  'nested-page-fault': 'nested page fault (#NPF)',
} as const;

/** Where the address went: gPA and hPA (or PA natively), or the fault that stopped the walk. */
export function AddressOutcome({ model }: { model: WalkModel }) {
  const r = model.result;
  if (!r) return <p className="nw-outcome nw-muted">The walk has not finished.</p>;
  if (r.outcome === 'ok') {
    const size = ` · ${pageSizeText(r.pageSize)} page`;
    return (
      <p className="nw-outcome">
        {model.mode === 'native' ? (
          <span className="nw-chip is-data">
            PA <span className="nw-mono">{hex(r.pa ?? 0)}</span>
          </span>
        ) : (
          <>
            <span className="nw-chip is-guest">
              gPA <span className="nw-mono">{hex(r.gpa ?? 0)}</span>
            </span>
            <span aria-hidden="true"> → </span>
            <span className="nw-chip is-data">
              hPA <span className="nw-mono">{hex(r.pa)}</span>
            </span>
          </>
        )}
        <span className="nw-muted">{size}</span>
      </p>
    );
  }
  const where =
    r.outcome === 'page-fault'
      ? ` · CR2 = ${formatLinear(r.faultLinear)}`
      : isNestedFault(r)
        ? ` · gPA ${hex(r.faultGpa)}`
        : '';
  return (
    <p className="nw-outcome">
      <span className="nw-chip is-fault">{FAULT_NAMES[r.outcome]}</span>
      <span className="nw-mono nw-muted">{where}</span>
    </p>
  );
}
