import type { CSSProperties } from 'react';
import { bytesOfPageSize } from '../../../engine';
import { hex, pageSizeText } from '../model/names';
import type { WalkModel } from '../model/walk-model';
import type { TreeModel } from './tree-model';

/** The data page the walk ends in: its frame in both address spaces and the byte addressed. */
export function PageCard({ page, model }: { page: TreeModel['page']; model: WalkModel }) {
  const r = model.result;
  const reached = page.state === 'done' && r?.outcome === 'ok';
  const style: CSSProperties = { left: page.x, top: page.y, width: page.w, height: page.h };
  const native = model.mode === 'native';
  const size = r?.outcome === 'ok' ? r.pageSize : '4K';
  const bytes = bytesOfPageSize(size);
  const frame = (addr: number) => Math.floor(addr / bytes) * bytes;
  return (
    <article
      className={`nw-card is-page is-${reached ? 'done' : 'not-reached'}`}
      style={style}
      aria-label="data page"
    >
      <header className="nw-card-head">
        <svg width={14} height={14} aria-hidden="true">
          <rect x={1} y={1} width={12} height={12} rx={2} fill="var(--nw-data)" />
        </svg>
        <h4>data page</h4>
        <span className="nw-card-step">{reached ? pageSizeText(size) : 'not reached'}</span>
      </header>
      {reached && r ? (
        <>
          {!native && r.gpa !== undefined && (
            <div className="nw-card-addr">frame at gPA {hex(frame(r.gpa))}</div>
          )}
          <div className="nw-card-addr">
            frame at {native ? '' : 'h'}PA {hex(frame(r.pa ?? 0))}
          </div>
          <div className="nw-card-addr nw-muted">offset {hex((r.pa ?? 0) - frame(r.pa ?? 0))}</div>
          <div className="nw-card-next">
            ↦ byte at {native ? '' : 'h'}PA {hex(r.pa ?? 0)}
          </div>
          <p className="nw-card-empty">The data access itself is not counted as a translation reference.</p>
        </>
      ) : (
        <p className="nw-card-empty">
          {r && r.outcome !== 'ok'
            ? 'The walk faulted before reaching the data.'
            : 'Reached when the walk completes.'}
        </p>
      )}
    </article>
  );
}
