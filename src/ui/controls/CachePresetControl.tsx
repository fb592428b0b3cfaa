/**
 * Which translation caches the machine has: a CPU preset from the engine (`cpu.tlb` of the
 * scenario). Choosing one rewrites the scenario and walks it again; the preset's sources say
 * where its sizes come from and which of them are approximate.
 */
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CACHE_PRESET_NAMES, CACHE_PRESETS, type CachePresetName } from '../../engine';
import { cachePresetOf } from '../../state/concrete-scenario';
import { useAppStore } from '../hooks/app-store-context';

export function CachePresetControl() {
  const { preset, editable, busy, setCachePreset } = useAppStore(
    useShallow((s) => ({
      preset: cachePresetOf(s.scenario),
      editable: s.scenario !== null,
      busy: s.walking,
      setCachePreset: s.setCachePreset,
    })),
  );
  const sourcesId = useId();
  return (
    <div className="cache-preset">
      <label>
        Cache preset
        <select
          value={preset}
          disabled={!editable}
          aria-describedby={sourcesId}
          aria-busy={busy}
          onChange={(e) => void setCachePreset(e.target.value as CachePresetName)}
        >
          {CACHE_PRESET_NAMES.map((name) => (
            <option key={name} value={name}>
              {CACHE_PRESETS[name].label}
            </option>
          ))}
        </select>
      </label>
      <p className="cache-preset-sources" id={sourcesId}>
        {editable ? CACHE_PRESETS[preset].sources : 'A symbolic walk has no machine and so no caches.'}
      </p>
    </div>
  );
}
