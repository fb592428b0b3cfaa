/** The diagonal hatching that marks nested (EPT/NPT) cells, so they differ from guest cells beyond colour. */
export function HatchPattern({ id, size = 8 }: { id: string; size?: number }) {
  return (
    <pattern id={id} width={size} height={size} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect className="nw-hatch-bg" width={size} height={size} />
      <line className="nw-hatch-line" x1={0} y1={0} x2={0} y2={size} />
    </pattern>
  );
}

/** A DOM-safe id for url(#…) references (React's useId may contain characters CSS dislikes). */
export const safeId = (reactId: string, suffix: string): string =>
  `nw${reactId.replace(/[^a-zA-Z0-9]/g, '')}-${suffix}`;
