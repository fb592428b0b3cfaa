/**
 * The tables on the walk's path as cards: the guest tables (top row, CR3 → … → data page) and the
 * nested walk of one row (bottom row, EPTP → …), which by default follows the cursor. With
 * `onEditEntry`, each card can flip flags or take a typed value; the shell re-walks.
 */
import { useId, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { WalkEvent } from '../../engine';
import { readWalk } from './model/walk-model';
import { hex, levelName, nestedName, rowSubject } from './model/names';
import { buildTree, rowAtCursor, type TableCard } from './tables/tree-model';
import { EntryCard } from './tables/EntryCard';
import { PageCard } from './tables/PageCard';
import { TreeLinks } from './tables/TreeLinks';
import { HatchPattern, safeId } from './HatchPattern';
import { useScrollToCurrentCard } from './hooks/useScrollToCurrentCard';
import { useScrollCue } from './hooks/useScrollCue';
import './styles/base.css';
import './styles/table-trees.css';

export interface TableTreesProps {
  events: readonly WalkEvent[];
  cursor: number;
  /** Write a new 64-bit entry value at a (host-)physical address; the shell re-walks. */
  onEditEntry?: (addr: number, lo: number, hi: number) => void;
  /** Choosing a card moves the cursor to the step that read its entry. */
  onSeek?: (step: number) => void;
}

export function TableTrees({ events, cursor, onEditEntry, onSeek }: TableTreesProps) {
  const model = useMemo(() => readWalk(events), [events]);
  const [pinned, setPinned] = useState<number | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const reactId = useId();
  const hatchId = safeId(reactId, 'hatch');
  const markerId = safeId(reactId, 'arrow');
  const nested = model.mode !== 'native';
  const following = rowAtCursor(model, cursor);
  const row = pinned ?? following;
  const tree = useMemo(() => buildTree(model, cursor, row), [model, cursor, row]);
  const scrollerRef = useRef<HTMLDivElement>(null);
  useScrollToCurrentCard(scrollerRef, `${cursor}:${row}`);
  useScrollCue(scrollerRef, `${cursor}:${row}:${tree.width}`);
  const rows = nested ? [...Array.from({ length: model.n }, (_, i) => model.n - i), 0] : [];
  const translated = tree.nested.find((c) => c.ref)?.ref?.gpa;
  const nestedTitle =
    `${nestedName(model.mode)} walk translating ` +
    (translated !== undefined
      ? `gPA ${hex(translated)} (${rowSubject(model.mode, row)})`
      : rowSubject(model.mode, row));
  const toggle = (key: string) => () => setEditing((k) => (k === key ? null : key));
  // Both rows of cards (guest and nested) edit, seek and hatch alike.
  const entryCards = (cards: readonly TableCard[]) =>
    cards.map((card) => (
      <EntryCard
        key={card.key}
        card={card}
        model={model}
        hatchId={hatchId}
        editing={editing === card.key}
        onToggleEdit={onEditEntry ? toggle(card.key) : undefined}
        onEditEntry={onEditEntry}
        onSeek={onSeek}
      />
    ));

  return (
    <section className="nw-view nw-tables" aria-label="Tables on the walk's path">
      <svg width={0} height={0} className="nw-defs" aria-hidden="true">
        <defs>
          <HatchPattern id={hatchId} />
        </defs>
      </svg>
      {nested && (
        <div className="nw-row-picker" role="group" aria-label={`${nestedName(model.mode)} walk to show`}>
          <span className="nw-muted">{nestedName(model.mode)} walk for:</span>
          <button type="button" aria-pressed={pinned === null} onClick={() => setPinned(null)}>
            follow cursor
          </button>
          {rows.map((r) => (
            <button key={r} type="button" aria-pressed={pinned === r} onClick={() => setPinned(r)}>
              {r === 0 ? 'data' : `${levelName(r)} entry`}
            </button>
          ))}
        </div>
      )}
      <div className="nw-tables-scroll" ref={scrollerRef}>
        <div
          className={`nw-tables-canvas${tree.narrow ? ' is-narrow' : ''}`}
          style={{ width: tree.width, height: tree.height } as CSSProperties}
        >
          <TreeLinks tree={tree} mode={model.mode} markerId={markerId} />
          {/* Each row's title heads its cards, in reading order: guest row, then the nested row. */}
          <h3 className="nw-row-title" style={{ top: 0, left: 46 }}>
            {nested ? 'guest page tables' : 'page tables'}
          </h3>
          {entryCards(tree.guest)}
          <PageCard page={tree.page} model={model} />
          {nested && tree.nested[0] && (
            <h3 className="nw-row-title is-nested" style={{ top: tree.nested[0].y - 24, left: 46 }}>
              {nestedTitle}
            </h3>
          )}
          {entryCards(tree.nested)}
        </div>
      </div>
      {/* Shown only while cards hide beyond an edge (useScrollCue). */}
      <p className="nw-tables-cue nw-muted" aria-hidden="true">
        <span className="nw-cue-left">◀ </span>more cards: scroll sideways
        <span className="nw-cue-right"> ▶</span>
      </p>
    </section>
  );
}
