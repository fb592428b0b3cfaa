/**
 * The lecture tour around a page (docs/tour.md): the bar, the stop's figure above the page, and
 * moving between stops. On the walk page a stop's scene is applied to the store; a stop on the
 * other page (the hypervisor scenes, or back to the walk) is opened by navigating there, the tour
 * and presenter mode kept in the address.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { TOUR_STOPS, tourStop, type TourFigure } from '../../engine';
import type { AppStore } from '../../state/create-app-store';
import { tourFromSearch, withoutTour } from '../../state/tour-url';
import { decodeLink } from '../../state/url-codec';
import { applyWalkScene, scrollToFocus, searchForStop } from './apply-scene';
import { EptPageSizeTable } from './EptPageSizeTable';
import { LinearVsTreeTable } from './LinearVsTreeTable';
import { TlbReachPlot } from './TlbReachPlot';
import { TourBar } from './TourBar';

/** Pads the page by the bar's height, so the end of the page can be scrolled above the bar. */
function usePadForBar(): (node: HTMLDivElement | null) => void {
  return useCallback((node: HTMLDivElement | null) => {
    if (!node || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      document.body.style.paddingBottom = `${node.getBoundingClientRect().height}px`;
    });
    observer.observe(node);
  }, []);
}

const FIGURES: Readonly<Record<TourFigure, () => ReactNode>> = {
  'linear-vs-tree': () => <LinearVsTreeTable />,
  'tlb-reach': () => <TlbReachPlot />,
  'ept-page-size': () => <EptPageSizeTable />,
};

function FigureOf({ n }: { n: number }) {
  const scene = tourStop(n)?.scene;
  if (scene?.view !== 'walk' || !scene.figure) return null;
  return FIGURES[scene.figure]();
}

const leaveHref = (): string => window.location.pathname + withoutTour(window.location.search);

const hashHoldsWalk = (): boolean => {
  try {
    return decodeLink(window.location.hash) !== null;
  } catch {
    return false;
  }
};

/** The tour on the walk page: `store` is the walk's. */
export function WalkTour({
  start,
  store,
  children,
}: {
  start: number;
  store: AppStore;
  children: ReactNode;
}) {
  const [n, setN] = useState(start);
  const pad = usePadForBar();
  // A reloaded stop keeps the walk its link holds (stepped inside the stop); a new stop drops it.
  const keepLink = useRef(hashHoldsWalk());
  // Each stop is a history entry, so the browser's Back / Forward move between stops.
  const go = useCallback((next: number) => {
    const stop = tourStop(next);
    if (!stop) return;
    const url = window.location.pathname + searchForStop(window.location.search, next, stop.scene);
    if (stop.scene.view === 'hv') {
      window.location.assign(url);
      return;
    }
    window.history.pushState(null, '', url);
    keepLink.current = false;
    setN(next);
  }, []);
  useEffect(() => {
    const onPop = () => {
      const back = tourFromSearch(window.location.search);
      if (back === null) {
        window.location.reload();
        return;
      }
      keepLink.current = hashHoldsWalk();
      setN(back);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    const stop = tourStop(n);
    if (!stop) return undefined;
    const { pathname, search, hash } = window.location;
    const next = searchForStop(search, n, stop.scene);
    if (stop.scene.view === 'hv') {
      // Replaced, not added: Back from the scenes page skips this entry that only redirected.
      window.location.replace(pathname + next);
      return undefined;
    }
    window.history.replaceState(window.history.state, '', pathname + next + (keepLink.current ? hash : ''));
    // In embed mode the section the stop is about stays on the page (src/ui/layout/embed.css).
    document.documentElement.dataset.embedShow = stop.scene.focus;
    if (keepLink.current) {
      requestAnimationFrame(() => scrollToFocus(stop.scene));
      return undefined;
    }
    const apply = () => {
      void applyWalkScene(store, stop.scene).then(() =>
        requestAnimationFrame(() => scrollToFocus(stop.scene)),
      );
    };
    // Before the start-up walk has landed it would replace the stop's: wait for it.
    if (store.getState().trace === null && store.getState().error === null) {
      const unsubscribe = store.subscribe((s) => {
        if (s.trace === null && s.error === null) return;
        unsubscribe();
        apply();
      });
      return unsubscribe;
    }
    apply();
    return undefined;
  }, [n, store]);

  const stop = tourStop(n);
  if (!stop) return <>{children}</>;
  return (
    <>
      <FigureOf n={n} />
      {children}
      <div ref={pad}>
        <TourBar number={n} total={TOUR_STOPS.length} stop={stop} onGo={go} leaveHref={leaveHref()} />
      </div>
    </>
  );
}

/** The tour on the hypervisor scenes page: every move opens its stop's page. */
export function HvTour({ start, children }: { start: number; children: ReactNode }) {
  const pad = usePadForBar();
  const stop = tourStop(start);
  const go = useCallback((n: number) => {
    const next = tourStop(n);
    if (next)
      window.location.assign(window.location.pathname + searchForStop(window.location.search, n, next.scene));
  }, []);
  if (!stop) return <>{children}</>;
  return (
    <>
      {children}
      <div ref={pad}>
        <TourBar number={start} total={TOUR_STOPS.length} stop={stop} onGo={go} leaveHref={leaveHref()} />
      </div>
    </>
  );
}
