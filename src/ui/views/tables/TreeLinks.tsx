import type { PagingMode } from '../../../engine';
import { LABEL_H, MARGIN_X, type TreeModel } from './tree-model';

/** The arrows between cards, and CR3 / EPTP pointing at the roots. Decoration: hidden from AT. */
export function TreeLinks({ tree, mode, markerId }: { tree: TreeModel; mode: PagingMode; markerId: string }) {
  const root = (label: string, y: number, kind: string) => (
    <g className={`nw-root is-${kind}`}>
      <text x={2} y={y - 6} className="nw-root-label">
        {label}
      </text>
      <path d={`M2,${y} H${MARGIN_X - 6}`} markerEnd={`url(#${markerId})`} />
    </g>
  );
  const nestedY = tree.nested[0]?.y;
  return (
    <svg className="nw-links" width={tree.width} height={tree.height} aria-hidden="true">
      <defs>
        <marker
          id={markerId}
          viewBox="0 0 10 10"
          refX={8}
          refY={5}
          markerWidth={5}
          markerHeight={5}
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" className="nw-arrowhead" />
        </marker>
      </defs>
      {root('CR3', LABEL_H + 54, 'guest')}
      {nestedY !== undefined && root(mode === 'npt' ? 'nCR3' : 'EPTP', nestedY + 54, 'nested')}
      {tree.links.map((link) => (
        <path
          key={link.key}
          d={link.d}
          className={`nw-link is-${link.kind}${link.lit ? ' is-lit' : ''}${link.fault ? ' is-fault' : ''}`}
          markerEnd={`url(#${markerId})`}
        />
      ))}
      {nestedY !== undefined && (
        <line className="nw-row-rule" x1={0} x2={tree.width} y1={tree.ruleY} y2={tree.ruleY} />
      )}
    </svg>
  );
}
