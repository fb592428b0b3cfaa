/**
 * The walk: the address and the 2D grid on the left, the narration and the translation caches on
 * the right, and the table trees across the full width below, where all their cards fit.
 */
import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { selectCurrentEvents, selectTotalReferences } from '../../state/selectors';
import { AccessControls } from '../controls/AccessControls';
import { AddressInput } from '../controls/AddressInput';
import { ViewBoundary } from '../controls/ViewBoundary';
import { ExportViewButtons } from '../export/ExportViewButtons';
import { useAppStore } from '../hooks/app-store-context';
import { AddressBits, Narration, TableTrees, WalkGrid } from '../views';
import { CachesSection } from './CachesSection';

export function WalkViews() {
  const scope = useRef<HTMLDivElement>(null);
  const events = useAppStore(selectCurrentEvents);
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
  const editEntry = useAppStore((s) => s.editEntry);
  const reportError = useAppStore((s) => s.reportError);
  const editable = useAppStore((s) => s.scenario !== null);
  const access = accesses > 1 ? ` · access ${accessIndex + 1} of ${accesses}` : '';
  return (
    <div className="walk" ref={scope}>
      <main className="layout">
        <div className="column column-left">
          <div className="address-row">
            <AddressInput />
            <div className="chrome">
              <AccessControls />
            </div>
          </div>
          <ViewBoundary name="address">
            <AddressBits events={events} />
          </ViewBoundary>
          <ViewBoundary name="grid">
            <WalkGrid events={events} cursor={cursor} />
          </ViewBoundary>
          <div className="chrome export-row">
            <ExportViewButtons
              scope={scope}
              cursor={cursor}
              total={total}
              title={`${name}${access} · step ${cursor} of ${total}`}
              onError={(message) => reportError('file', message)}
            />
          </div>
        </div>
        <div className="column column-right">
          <div className="column-fill">
            <ViewBoundary name="narration">
              <Narration events={events} cursor={cursor} />
            </ViewBoundary>
            <CachesSection />
          </div>
        </div>
      </main>
      <section className="tables-row" aria-label="Tables">
        <ViewBoundary name="tables">
          <TableTrees
            events={events}
            cursor={cursor}
            onEditEntry={editable ? (addr, lo, hi) => void editEntry(addr, lo, hi) : undefined}
          />
        </ViewBoundary>
      </section>
    </div>
  );
}
