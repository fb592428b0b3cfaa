/**
 * The walk: the address and the 2D grid on the left, the narration and the translation caches on
 * the right (with the sequence of steps built on a cache preset), and the table trees across the full width below, where all their cards fit. The
 * layout itself subscribes to nothing: each slot follows the store on its own.
 */
import { useRef } from 'react';
import { AccessControls, AccessPicker } from '../controls/AccessControls';
import { AddressInput } from '../controls/AddressInput';
import { SequenceSection } from '../sequence/SequenceSection';
import { CachesSection } from './CachesSection';
import { AddressBitsSlot, ExportSlot, GridSlot, NarrationSlot, TablesSlot } from './walk-view-slots';

export function WalkViews() {
  const scope = useRef<HTMLDivElement>(null);
  return (
    <div className="walk" ref={scope}>
      <main className="layout">
        <div className="column column-left">
          <div className="address-row">
            <AddressInput />
            <AccessPicker />
            <div className="chrome">
              <AccessControls />
            </div>
          </div>
          <AddressBitsSlot />
          <GridSlot />
          <div className="chrome export-row">
            <ExportSlot scope={scope} />
          </div>
        </div>
        <div className="column column-right">
          <div className="column-fill">
            <NarrationSlot />
            <SequenceSection />
            <CachesSection />
          </div>
        </div>
      </main>
      <section className="tables-row" aria-label="Tables">
        <TablesSlot />
      </section>
    </div>
  );
}
