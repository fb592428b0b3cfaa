/**
 * The editable cost model: cycles per exit reason and per reference. Every number is an estimate;
 * an edit runs the scene again and the cycle totals follow.
 */
import { useShallow } from 'zustand/react/shallow';
import { EXIT_REASONS, exitReasonLabel, type HvCostModel } from '../../../engine';
import type { HvCostField } from '../../../state/hv-scene-store';
import { useHvScene } from '../hv-store-context';

function CostInput({ label, value, field }: { label: string; value: number; field: HvCostField }) {
  const setCost = useHvScene((s) => s.setCost);
  return (
    <label className="hv-cost-field">
      <span>{label}</span>
      <input
        type="number"
        min={0}
        step={10}
        value={value}
        onChange={(e) => setCost(field, Number(e.target.value))}
      />
    </label>
  );
}

export function CostModelForm({ cost }: { cost: HvCostModel }) {
  const { resetCost, edited } = useHvScene(
    useShallow((s) => ({ resetCost: s.resetCost, edited: Object.keys(s.costModel).length > 0 })),
  );
  return (
    <details className="hv-cost-form chrome">
      <summary>Cost model (cycles, estimates — edit any)</summary>
      <fieldset>
        <legend>Cycles per VM exit, by reason</legend>
        {EXIT_REASONS.map((r) => (
          <CostInput key={r} label={exitReasonLabel(r, 'ept')} value={cost.exit[r]} field={{ exit: r }} />
        ))}
      </fieldset>
      <fieldset>
        <legend>Cycles per reference</legend>
        <CostInput label="hardware reference (page walk)" value={cost.hardwareRef} field="hardwareRef" />
        <CostInput label="software reference (KVM's own read)" value={cost.softwareRef} field="softwareRef" />
      </fieldset>
      <button type="button" onClick={resetCost} disabled={!edited}>
        Default costs
      </button>
    </details>
  );
}
