import type { CSSProperties } from 'react';
import { formatEntry } from '../../../engine';
import { groupedEntry, guestTableName, hex, nestedTableName } from '../model/names';
import { decodeRef } from '../model/narrate';
import type { WalkModel } from '../model/walk-model';
import type { TableCard } from './tree-model';
import { EntryTarget, FlagChips } from './FlagChips';
import { EntryEditor } from './EntryEditor';

export interface EntryCardProps {
  card: TableCard;
  model: WalkModel;
  hatchId: string;
  editing: boolean;
  onToggleEdit?: () => void;
  onEditEntry?: (addr: number, lo: number, hi: number) => void;
  /** Clicking the card, or Enter on its step, moves the cursor to the step that read it. */
  onSeek?: (step: number) => void;
}

/** A click inside a control of the card (edit, editor) is that control's, not a jump. */
const fromControl = (target: EventTarget) =>
  target instanceof Element && target.closest('button, input, select, textarea, label, form') !== null;

const STATE_TEXT = {
  done: 'read',
  current: 'current step',
  future: 'not yet',
  'not-reached': 'not reached',
} as const;

/** One table on the path: the entry the walk selected, its address, value and decoded flags. */
export function EntryCard({
  card,
  model,
  hatchId,
  editing,
  onToggleEdit,
  onEditEntry,
  onSeek,
}: EntryCardProps) {
  const native = model.mode === 'native';
  const title =
    card.table === 'guest'
      ? `${guestTableName(model.mode, card.level)}`
      : nestedTableName(model.mode, card.level);
  const ref = card.ref;
  const entry = ref ? decodeRef(model, ref) : undefined;
  const style: CSSProperties = { left: card.x, top: card.y, width: card.w, height: card.h };
  const label =
    `${title}${ref ? `, step ${ref.step}, entry ${ref.index}` : ''}, ${STATE_TEXT[card.state]}` +
    (card.fault ? ', the walk faulted here' : '');
  return (
    <article
      className={`nw-card is-${card.table} is-${card.state}${card.fault ? ' is-fault' : ''}`}
      style={style}
      aria-label={label}
      aria-current={card.state === 'current' ? 'step' : undefined}
      data-card={card.key}
      onClick={ref && onSeek ? (e) => !fromControl(e.target) && onSeek(ref.step) : undefined}
    >
      <header className="nw-card-head">
        <svg width={14} height={14} aria-hidden="true">
          {card.table === 'guest' ? (
            <rect x={1} y={1} width={12} height={12} rx={2} fill="var(--nw-guest)" />
          ) : (
            <circle cx={7} cy={7} r={6} fill={`url(#${hatchId})`} stroke="var(--nw-nested)" />
          )}
        </svg>
        <h4>{title}</h4>
        {ref && onSeek ? (
          <button
            type="button"
            className="nw-card-step nw-card-jump"
            aria-label={`Go to step ${ref.step} (${title})`}
            onClick={() => onSeek(ref.step)}
          >
            step {ref.step}
          </button>
        ) : (
          <span className="nw-card-step">
            {ref ? `step ${ref.step}` : card.spared ? 'cached' : STATE_TEXT[card.state]}
          </span>
        )}
      </header>
      {ref && entry ? (
        <>
          <div className="nw-card-addr">
            entry <b>{ref.index}</b>
            {ref.type === 'guest-read' && !native ? <> · gPA {hex(ref.gpa)}</> : null}
          </div>
          <div className="nw-card-addr nw-muted">
            {native ? `at ${hex(ref.addr)}` : `at hPA ${hex(ref.addr)}`}
          </div>
          <div className="nw-card-value-row">
            <div className="nw-card-value nw-mono" title="entry value (64 bits)">
              {card.w < 190 ? formatEntry(ref.lo, ref.hi) : groupedEntry(ref.lo, ref.hi)}
            </div>
            {onEditEntry && (
              <button
                type="button"
                className="nw-card-edit"
                aria-expanded={editing}
                aria-label={`${editing ? 'Close editor of' : 'Edit'} ${title} entry`}
                title={editing ? 'close the editor' : 'edit this entry'}
                onClick={onToggleEdit}
              >
                {editing ? '✕' : '✎'}
              </button>
            )}
          </div>
          <FlagChips entry={entry} />
          <EntryTarget entry={entry} space={card.table === 'nested' ? 'hPA' : native ? '' : 'gPA'} />
          {editing && onEditEntry && (
            <EntryEditor
              key={`${ref.lo}:${ref.hi}`}
              title={title}
              entry={entry}
              addr={ref.addr}
              lo={ref.lo}
              hi={ref.hi}
              onEditEntry={onEditEntry}
              onClose={() => onToggleEdit?.()}
            />
          )}
        </>
      ) : (
        <p className="nw-card-empty">
          {card.spared
            ? `Not read: a ${card.spared} supplied this step.`
            : card.state === 'not-reached'
              ? 'The walk did not reach this table.'
              : ''}
        </p>
      )}
    </article>
  );
}
