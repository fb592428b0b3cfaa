/**
 * The walk views, each subscribed to just what it draws, so a step re-renders the views that show
 * the cursor and nothing else (the address split, the inputs and the layout stay as they are).
 */
import type { RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { selectCurrentEvents, selectTotalReferences } from '../../state/selectors';
import { ViewBoundary } from '../controls/ViewBoundary';
import { ExportViewButtons } from '../export/ExportViewButtons';
import { useAppStore } from '../hooks/app-store-context';
import { AddressBits, Narration, TableTrees, WalkGrid } from '../views';

/** Presenter mode draws the bits larger: their smallest label (11 px) becomes 18 px. */
const PRESENTER_BITS_SCALE = 18 / 11;

export function AddressBitsSlot() {
  const events = useAppStore(selectCurrentEvents);
  const presenter = useAppStore((s) => s.presenter);
  return (
    <ViewBoundary name="address view">
      <AddressBits events={events} textScale={presenter ? PRESENTER_BITS_SCALE : 1} />
    </ViewBoundary>
  );
}

export function GridSlot() {
  const events = useAppStore(selectCurrentEvents);
  const cursor = useAppStore((s) => s.cursor);
  const seek = useAppStore((s) => s.seek);
  const highlight = useAppStore((s) => s.gridHighlight);
  return (
    <ViewBoundary name="walk grid">
      <WalkGrid events={events} cursor={cursor} onSeek={seek} highlight={highlight} />
    </ViewBoundary>
  );
}

export function NarrationSlot() {
  const events = useAppStore(selectCurrentEvents);
  const cursor = useAppStore((s) => s.cursor);
  const seek = useAppStore((s) => s.seek);
  const highlightCells = useAppStore((s) => s.setGridHighlight);
  return (
    <ViewBoundary name="narration">
      <Narration events={events} cursor={cursor} onSeek={seek} onHighlightCells={highlightCells} />
    </ViewBoundary>
  );
}

export function TablesSlot() {
  const events = useAppStore(selectCurrentEvents);
  const cursor = useAppStore((s) => s.cursor);
  const editEntry = useAppStore((s) => s.editEntry);
  const seek = useAppStore((s) => s.seek);
  // Presenter mode shows the tables, not their editors.
  const editable = useAppStore((s) => s.scenario !== null && !s.presenter);
  return (
    <ViewBoundary name="table trees">
      <TableTrees
        events={events}
        cursor={cursor}
        onEditEntry={editable ? (addr, lo, hi) => void editEntry(addr, lo, hi) : undefined}
        onSeek={seek}
      />
    </ViewBoundary>
  );
}

export function ExportSlot({ scope }: { scope: RefObject<HTMLElement | null> }) {
  const { cursor, total, accessIndex, accesses, name } = useAppStore(
    useShallow((s) => ({
      cursor: s.cursor,
      total: selectTotalReferences(s),
      accessIndex: s.accessIndex,
      accesses: s.events.length,
      name:
        s.scenario?.name ?? (s.source === 'abstract' ? `${s.abstractN} × ${s.abstractM} walk` : 'nestwalk'),
    })),
  );
  const reportError = useAppStore((s) => s.reportError);
  const access = accesses > 1 ? ` · access ${accessIndex + 1} of ${accesses}` : '';
  return (
    <ExportViewButtons
      scope={scope}
      cursor={cursor}
      total={total}
      title={`${name}${access} · step ${cursor} of ${total}`}
      onError={(message) => reportError('file', message)}
    />
  );
}
