/**
 * One TLB miss in each mode: the shadow table's walk is a native one (n references), the 2D walk
 * reads n·m + n + m (docs/hypervisor-model.md, "References and costs"). The cells the event's
 * last hardware walk read are filled; counts are the report's.
 */
import {
  nestedWalkReferences,
  shadowWalkReferences,
  tdpNames,
  type HvEventReport,
  type HvReport,
  type WalkReference,
} from '../../../engine';

const CELL = 26;

const lastWalk = (event: HvEventReport | undefined) =>
  [...(event?.steps ?? [])].reverse().find((s) => s.type === 'walk');

/** The shadow table's walk: one native read per guest level, n…1. */
function ShadowRow({ n, refs }: { n: number; refs: readonly WalkReference[] }) {
  const read = new Set(refs.map((r) => r.guestLevel));
  return (
    <svg width={n * CELL} height={CELL} aria-hidden="true">
      {Array.from({ length: n }, (_, i) => (
        <rect
          key={i}
          x={i * CELL}
          width={CELL - 3}
          height={CELL - 3}
          className={`hv-walk-cell is-guest${read.has(n - i) ? ' is-read' : ''}`}
        />
      ))}
    </svg>
  );
}

/** The 2D walk: rows guest levels n…1 then the data gPA; columns nested levels m…1 then the guest entry. */
function Grid2D({ n, m, refs }: { n: number; m: number; refs: readonly WalkReference[] }) {
  const read = new Set(
    refs.map((r) => (r.kind === 'guest' ? `${r.guestLevel}:g` : `${r.guestLevel}:${r.nestedLevel ?? 0}`)),
  );
  const cells = [];
  for (let row = 0; row <= n; row++) {
    const guestLevel = n - row;
    for (let col = 0; col <= m; col++) {
      const isGuest = col === m;
      if (guestLevel === 0 && isGuest) continue; // the data access itself is no reference
      const key = isGuest ? `${guestLevel}:g` : `${guestLevel}:${m - col}`;
      cells.push(
        <rect
          key={key}
          x={col * CELL}
          y={row * CELL}
          width={CELL - 3}
          height={CELL - 3}
          className={`hv-walk-cell ${isGuest ? 'is-guest' : 'is-nested'}${read.has(key) ? ' is-read' : ''}`}
        />,
      );
    }
  }
  return (
    <svg width={(m + 1) * CELL} height={(n + 1) * CELL} aria-hidden="true">
      {cells}
    </svg>
  );
}

export function WalkCompare({ shadow, tdp, current }: { shadow: HvReport; tdp: HvReport; current: number }) {
  const n = shadow.guestLevels;
  const m = tdp.nestedLevels;
  const shadowWalk = lastWalk(shadow.events[current]);
  const tdpWalk = lastWalk(tdp.events[current]);
  const shadowRefs = shadowWalk?.type === 'walk' ? shadowWalk.references : [];
  const tdpRefs = tdpWalk?.type === 'walk' ? tdpWalk.references : [];
  return (
    <div className="hv-walks">
      <figure>
        <figcaption>
          Shadow walk: <strong className="hv-num">{shadowWalk ? shadowRefs.length : '–'}</strong> references
          this event (a full miss: {shadowWalkReferences(n)})
        </figcaption>
        <ShadowRow n={n} refs={shadowRefs} />
      </figure>
      <figure>
        <figcaption>
          2D walk under {tdpNames(tdp.mode).table}:{' '}
          <strong className="hv-num">{tdpWalk ? tdpRefs.length : '–'}</strong> references this event (a full
          miss: {nestedWalkReferences(n, m)})
        </figcaption>
        <Grid2D n={n} m={m} refs={tdpRefs} />
      </figure>
    </div>
  );
}
