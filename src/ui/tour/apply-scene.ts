/**
 * Puts the walk page into a tour stop's scene (docs/tour.md, "Scenes"): a preset walked to its
 * step, or the n / m sliders' walk, then the page scrolled to the part the stop is about. A stop
 * on the hypervisor's side is a page of its own, so it is navigated to.
 */
import type { TourFocus, TourScene } from '../../engine';
import type { AppStore } from '../../state/create-app-store';
import { hvTourSearch, walkTourSearch } from '../../state/tour-url';
import { fetchPreset } from '../hooks/presets';

const FOCUS_SELECTOR: Readonly<Record<TourFocus, string>> = {
  walk: '.app-header',
  cost: '.cost-row',
  concepts: '.concepts',
  caches: '#caches-title',
  experiments: '#experiments, .experiments-fold',
};

export function scrollToFocus(scene: TourScene): void {
  if (scene.view === 'hv') return;
  const selector = scene.view === 'walk' && scene.figure ? '.tour-figure' : FOCUS_SELECTOR[scene.focus];
  const target = document.querySelector(selector);
  if (!target) return;
  // The playback controls stick to the top of the page: the target goes just under them.
  const controls = document.querySelector('.controls');
  const covered =
    controls && getComputedStyle(controls).position === 'sticky' && selector !== FOCUS_SELECTOR.walk
      ? controls.getBoundingClientRect().height
      : 0;
  const top = target.getBoundingClientRect().top + window.scrollY - covered - 8;
  window.scrollTo({ top: Math.max(0, top) });
}

/** The address (search part) that shows stop `n`: the scenes page for a hypervisor stop. */
export function searchForStop(search: string, n: number, scene: TourScene): string {
  return scene.view === 'hv' ? hvTourSearch(search, n, scene.sceneId, scene.step) : walkTourSearch(search, n);
}

/** Applies a walk-page scene to the store; false when the engine or the network refused it. */
export async function applyWalkScene(store: AppStore, scene: TourScene): Promise<boolean> {
  const s = store.getState();
  if (scene.view === 'levels') {
    const ok = await s.setAbstractLevels(scene.n, scene.m);
    if (ok) store.getState().seek(scene.step);
    return ok;
  }
  if (scene.view !== 'walk') return false;
  let json: unknown;
  try {
    json = await fetchPreset(scene.preset);
  } catch (error) {
    s.reportError('network', error instanceof Error ? error.message : String(error));
    return false;
  }
  const ok = await s.loadScenario(json, scene.preset, { cursor: scene.step });
  if (ok && scene.cachePreset) return store.getState().setCachePreset(scene.cachePreset);
  return ok;
}
