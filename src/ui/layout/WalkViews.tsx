/**
 * The walk: the address, the 2D grid and the address split on the left, the narration and the
 * translation caches on the right (with the sequence of steps built on a cache preset), and the table trees across the full width below, where all
 * their cards fit. The DOM order is the reading order (tab order follows the page). The layout
 * itself subscribes to nothing: each slot follows the store on its own.
 */
import { useRef } from 'react';
import { useNarrowLayout } from './useNarrowLayout';
import { AccessControls, AccessPicker } from '../controls/AccessControls';
import { AddressInput } from '../controls/AddressInput';
import { SequenceSection } from '../sequence/SequenceSection';
import { CachesSection } from './CachesSection';
import { WALK_TARGET_ID } from './SkipLink';
import type { PresetInfo } from '../hooks/presets';
import {
  AddressBitsSlot,
  ExportSlot,
  GridSlot,
  NarrationSlot,
  NoticeSlot,
  TablesSlot,
} from './walk-view-slots';

export function WalkViews({ presets }: { presets: readonly PresetInfo[] }) {
  const scope = useRef<HTMLDivElement>(null);
  // One column (a tablet or a phone): the narration moves right under the grid, in the DOM too, so
  // reading and tab order stay the page's order. See docs/walk-view.md.
  const narrow = useNarrowLayout();
  return (
    <div className="walk" ref={scope}>
      {/* The skip link's target: focusable by script only. */}
      <main className="layout" id={WALK_TARGET_ID} tabIndex={-1} aria-labelledby="walk-title">
        <h2 id="walk-title" className="visually-hidden">
          The walk
        </h2>
        <div className="column column-left">
          <div className="address-row">
            <AddressInput />
            <AccessPicker />
            <div className="chrome">
              <AccessControls />
            </div>
          </div>
          <GridSlot />
          {narrow && <NarrationSlot />}
          <AddressBitsSlot />
          <div className="chrome export-row">
            <ExportSlot scope={scope} />
          </div>
        </div>
        <div className="column column-right">
          <div className="column-fill">
            <NoticeSlot presets={presets} />
            {!narrow && <NarrationSlot />}
            <SequenceSection />
            <CachesSection />
          </div>
        </div>
      </main>
      {/* Not a landmark of its own: the table view inside is the "Tables on the walk's path" region. */}
      <div className="tables-row">
        <h2 className="visually-hidden">Tables</h2>
        <TablesSlot />
      </div>
    </div>
  );
}
