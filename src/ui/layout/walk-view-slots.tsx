/**
 * The walk views, each subscribed to just what it draws, so a step re-renders the views that show
 * the cursor and nothing else (the address split, the inputs and the layout stay as they are).
 */
import { useMemo, type RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { selectCurrentEvents, selectTotalReferences } from '../../state/selectors';
import { ViewBoundary } from '../controls/ViewBoundary';
import { ExportViewButtons } from '../export/ExportViewButtons';
import { useAppStore } from '../hooks/app-store-context';
import type { PresetInfo } from '../hooks/presets';
import { AddressBits, Narration, TableTrees, WalkGrid, WhatToNotice } from '../views';

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

/** The walk's point: the preset's as shipped, or a generated one once the walk is edited or built. */
export function NoticeSlot({ presets }: { presets: readonly PresetInfo[] }) {
  const events = useAppStore(selectCurrentEvents);
  const { scenario, source, loaded, revert } = useAppStore(
    useShallow((s) => ({
      scenario: s.scenario,
      source: s.source,
      loaded: s.loaded,
      revert: s.revertToLoaded,
    })),
  );
  const info = loaded?.source === source ? presets.find((p) => p.file === source) : undefined;
  // An edit makes a new document; one that ends up equal to the preset (an edit undone) is not modified.
  const modified = useMemo(
    () =>
      info !== undefined &&
      loaded !== null &&
      scenario !== loaded.doc &&
      JSON.stringify(scenario) !== JSON.stringify(loaded.doc),
    [info, loaded, scenario],
  );
  const preset = info && info.description ? { name: info.name, point: info.description } : null;
  return (
    <ViewBoundary name="what to notice">
      <WhatToNotice
        events={events}
        preset={preset}
        modified={modified}
        symbolic={source === 'abstract'}
        onRevert={() => void revert()}
      />
    </ViewBoundary>
  );
}
