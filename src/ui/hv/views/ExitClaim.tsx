/**
 * The lecture's "EPT avoids ~80 % of exits", quoted as a claim with where it comes from, beside
 * the share this workload's own counts give (docs/hv-scenes.md, "The 80 % claim").
 */
import { exitsAvoided, tdpNames, type HvReport, type HvRunningTotals } from '../../../engine';

function ratioText(shadowExits: number, tdpExits: number, name: string): string {
  const avoided = exitsAvoided(shadowExits, tdpExits);
  if (avoided === null)
    return tdpExits === 0 ? 'neither mode exits' : `shadow paging takes no exit, ${name} ${tdpExits}`;
  const pct = Math.round(avoided * 1000) / 10;
  if (pct >= 0)
    return `${name} avoids ${pct} % of the exits (${shadowExits} in shadow mode, ${tdpExits} under ${name})`;
  return `${name} takes ${-pct} % more exits (${shadowExits} in shadow mode, ${tdpExits} under ${name})`;
}

/** Which mode the cost model says is cheaper for the whole run, and by how much. */
function cyclesText(shadowCycles: number, tdpCycles: number, name: string): string {
  const fmt = (n: number) => n.toLocaleString('en-US');
  const both = `shadow paging ${fmt(shadowCycles)}, ${name} ${fmt(tdpCycles)}`;
  if (shadowCycles === tdpCycles) return `${both}: a tie`;
  const [winner, cheap, dear] =
    shadowCycles < tdpCycles ? ['shadow paging', shadowCycles, tdpCycles] : [name, tdpCycles, shadowCycles];
  return `${both}: ${winner} is cheaper by ${Math.round((1 - cheap / dear) * 1000) / 10} %`;
}

export function ExitClaim({
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
  const name = tdpNames(tdp.mode).table;
  return (
    <section className="hv-claim" aria-labelledby="hv-claim-title">
      <h3 id="hv-claim-title">“EPT avoids ~80 % of exits”?</h3>
      <blockquote>
        <p>“EPT avoids 80% vmexit, but TLB misses are much more costly”</p>
        <footer>
          — the lecture’s claim, slide “Performance Considerations” of{' '}
          <cite>X86-64: MMU Virtualization With EPT</cite> (Hardware and Software Support for Virtualization,
          chapter 5). The slide gives no measurement for it.
        </footer>
      </blockquote>
      <p>
        This workload: <strong>{ratioText(shadow.totals.exitCount, tdp.totals.exitCount, name)}</strong>; so
        far {ratioText(shadowSoFar.exitCount, tdpSoFar.exitCount, name)}.
      </p>
      <p>
        Estimated cycles for the whole run (the cost model below):{' '}
        <strong>{cyclesText(shadow.totals.cycles, tdp.totals.cycles, name)}</strong>.
      </p>
      <p className="hv-note">
        Only memory-virtualization exits are modelled. A real guest also exits for I/O, interrupts, HLT and
        more, the same in both modes, so this share is of the MMU’s exits, not of all exits.
      </p>
    </section>
  );
}
