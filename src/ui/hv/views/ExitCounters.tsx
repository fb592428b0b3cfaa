/**
 * The two exit counters by reason, so far and for the whole run, then references and the
 * estimated cycles — every figure summed from the engine's reports.
 */
import {
  EXIT_REASONS,
  exitReasonLabel,
  tdpNames,
  type HvReport,
  type HvRunningTotals,
} from '../../../engine';

const fmt = (n: number) => n.toLocaleString('en-US');

export function ExitCounters({
  shadow,
  tdp,
  shadowSoFar,
  tdpSoFar,
}: {
  shadow: HvReport;
  tdp: HvReport;
  shadowSoFar: HvRunningTotals;
  tdpSoFar: HvRunningTotals;
}) {
  const reasons = EXIT_REASONS.filter((r) => shadow.totals.exits[r] > 0 || tdp.totals.exits[r] > 0);
  const cell = (soFar: number, total: number) => (
    <td>
      <span className="hv-num">{fmt(soFar)}</span> <span className="hv-muted">/ {fmt(total)}</span>
    </td>
  );
  return (
    <table className="hv-counters">
      <caption>Exits and costs so far / in the whole run</caption>
      <thead>
        <tr>
          <th scope="col">VM exits by reason</th>
          <th scope="col">shadow paging</th>
          <th scope="col">{tdpNames(tdp.mode).table}</th>
        </tr>
      </thead>
      <tbody>
        {reasons.length === 0 && (
          <tr>
            <th scope="row">(no exits in either mode)</th>
            <td>0</td>
            <td>0</td>
          </tr>
        )}
        {reasons.map((r) => (
          <tr key={r}>
            <th scope="row">{exitReasonLabel(r, tdp.mode)}</th>
            {cell(shadowSoFar.exits[r], shadow.totals.exits[r])}
            {cell(tdpSoFar.exits[r], tdp.totals.exits[r])}
          </tr>
        ))}
        <tr className="hv-total">
          <th scope="row">all exits</th>
          {cell(shadowSoFar.exitCount, shadow.totals.exitCount)}
          {cell(tdpSoFar.exitCount, tdp.totals.exitCount)}
        </tr>
        <tr>
          <th scope="row">hardware references</th>
          {cell(shadowSoFar.hardwareRefs, shadow.totals.hardwareRefs)}
          {cell(tdpSoFar.hardwareRefs, tdp.totals.hardwareRefs)}
        </tr>
        <tr>
          <th scope="row">software references (KVM)</th>
          {cell(shadowSoFar.softwareRefs, shadow.totals.softwareRefs)}
          {cell(tdpSoFar.softwareRefs, tdp.totals.softwareRefs)}
        </tr>
        <tr className="hv-total">
          <th scope="row">estimated cycles</th>
          {cell(shadowSoFar.cycles, shadow.totals.cycles)}
          {cell(tdpSoFar.cycles, tdp.totals.cycles)}
        </tr>
      </tbody>
    </table>
  );
}
