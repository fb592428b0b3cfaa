/**
 * The translation caches beside the walk: the preset control, and the caches as they were when the
 * selected access began, replayed up to the cursor (the panel rewinds with the playback). The
 * section scrolls on its own and follows the structures lit at the current step.
 */
import { useRef, type RefObject } from 'react';
import { selectCurrentCacheSnapshot, selectCurrentEvents } from '../../state/selectors';
import { CachesPanel } from '../caches';
import { CachePresetControl } from '../controls/CachePresetControl';
import { ViewBoundary } from '../controls/ViewBoundary';
import { useAppStore } from '../hooks/app-store-context';
import { useScrollLitIntoView } from '../hooks/useScrollLitIntoView';

export function CachesSection() {
  const snapshot = useAppStore(selectCurrentCacheSnapshot);
  const box = useRef<HTMLElement>(null);
  const empty = !snapshot || snapshot.structures.length === 0;
  return (
    <section
      ref={box}
      className={`panel caches-section${empty ? ' is-empty' : ''}`}
      aria-labelledby="caches-title"
      // It scrolls on its own beside the grid: a keyboard user must be able to reach and scroll it.
      tabIndex={empty ? undefined : 0}
    >
      <h2 id="caches-title">Translation caches</h2>
      {/* Kept in presenter mode: a lecture switches caches on and off. */}
      <CachePresetControl />
      <ViewBoundary name="caches view">
        <CachesAtCursor box={box} />
      </ViewBoundary>
    </section>
  );
}

/** The part that follows the cursor. */
function CachesAtCursor({ box }: { box: RefObject<HTMLElement | null> }) {
  const snapshot = useAppStore(selectCurrentCacheSnapshot);
  const events = useAppStore(selectCurrentEvents);
  const cursor = useAppStore((s) => s.cursor);
  useScrollLitIntoView(box, `${cursor}:${events.length}:${snapshot?.preset ?? ''}`);
  return <CachesPanel snapshot={snapshot} events={events} cursor={cursor} />;
}
