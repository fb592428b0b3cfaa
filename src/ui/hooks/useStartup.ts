/**
 * On start: the preset list, then the scenario from the link if the page has one, else the
 * first preset (default.json). A link that cannot be opened leaves its message up until dismissed
 * and the address bar as it was (docs/robustness.md); the first preset is shown meanwhile.
 */
import { useEffect, useState } from 'react';
import type { AppStore } from '../../state/create-app-store';
import { LINK_FALLBACK_NOTE } from '../../state/load-refusal';
import { decodeLink } from '../../state/url-codec';
import { fetchPreset, fetchPresetIndex, type PresetInfo } from './presets';

const DEFAULT_FILE = 'default.json';
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function useStartup(store: AppStore): readonly PresetInfo[] {
  const [presets, setPresets] = useState<readonly PresetInfo[]>([]);

  useEffect(() => {
    let cancelled = false;
    const { loadScenario, reportError } = store.getState();

    const presetsLoaded = fetchPresetIndex().then(
      (list) => {
        if (!cancelled) setPresets(list);
        return list;
      },
      (error: unknown) => {
        if (!cancelled) reportError('network', message(error));
        return [] as PresetInfo[];
      },
    );

    const start = async () => {
      try {
        const link = decodeLink(window.location.hash);
        if (link && 'levels' in link) {
          await store.getState().setAbstractLevels(link.levels.n, link.levels.m);
          store.getState().seek(link.step);
          return;
        }
        // A link the engine refuses says so (and stays said); the first preset stands in for it.
        if (
          link &&
          (await loadScenario(link.scenario, 'link', { cursor: link.step, accessIndex: link.accessIndex }))
        )
          return;
      } catch (error) {
        reportError('link', message(error), { note: LINK_FALLBACK_NOTE, sticky: true });
      }
      const list = await presetsLoaded;
      const file = list[0]?.file ?? DEFAULT_FILE;
      // Whatever the user chose meanwhile (a preset, an import, the sliders) wins over the default.
      const untouched = () => !cancelled && store.getState().source === '';
      try {
        const json = await fetchPreset(file);
        if (untouched()) await loadScenario(json, file);
      } catch (error) {
        if (!cancelled) reportError('network', message(error));
      }
    };
    void start();
    return () => {
      cancelled = true;
    };
  }, [store]);

  return presets;
}
