/**
 * Shadow paging and EPT side by side on one guest workload: the exits of every event, the two
 * counters by reason, references and estimated cycles, one TLB miss's walk in each mode, and the
 * lecture's 80 % claim against this workload's own ratio.
 */
import { tdpNames, totalsUpTo, type HvReport } from '../../../engine';
import type { HvPosition } from '../../../engine';
import { StepList } from '../StepList';
import { CostModelForm } from './CostModelForm';
import { EventTimeline } from './EventTimeline';
import { ExitClaim } from './ExitClaim';
import { ExitCounters } from './ExitCounters';
import { WalkCompare } from './WalkCompare';

export function ShadowVsEptView({
  shadow,
  tdp,
  position,
}: {
  shadow: HvReport;
  tdp: HvReport;
  position: HvPosition | null;
}) {
  const current = position?.event ?? -1;
  const shadowSoFar = totalsUpTo(
    shadow,
    position && { ...position, step: (shadow.events[current]?.steps.length ?? 0) - 1 },
  );
  const tdpSoFar = totalsUpTo(tdp, position);
  const lastStep = (r: HvReport) => (r.events[current]?.steps.length ?? 0) - 1;
  return (
    <div className="hv-view hv-shadow-vs-ept">
      <EventTimeline shadow={shadow} tdp={tdp} current={current} />
      <div className="hv-columns">
        <ExitCounters shadow={shadow} tdp={tdp} shadowSoFar={shadowSoFar} tdpSoFar={tdpSoFar} />
        <WalkCompare shadow={shadow} tdp={tdp} current={current} />
      </div>
      <div className="hv-columns">
        <StepList
          event={shadow.events[current]}
          upTo={lastStep(shadow)}
          mode="shadow"
          label="What happens in shadow mode"
        />
        <StepList
          event={tdp.events[current]}
          upTo={lastStep(tdp)}
          mode={tdp.mode}
          label={`What happens under ${tdpNames(tdp.mode).table}`}
        />
      </div>
      <ExitClaim shadow={shadow} tdp={tdp} shadowSoFar={shadowSoFar} tdpSoFar={tdpSoFar} />
      <CostModelForm cost={tdp.costModel} />
    </div>
  );
}
