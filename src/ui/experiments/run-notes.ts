/** A few short lines (about 32 characters at most: they sit under the legend) saying what a run was. */
import type { SweepSettings } from '../../state/sweep-settings';

const WORKLOAD: Record<SweepSettings['workload'], (bytes: number) => string> = {
  'pointer-chase': (b) => `Pointer chase, ${b} B objects`,
  sequential: (b) => `Sequential scan, ${b} B elements`,
  stride: (b) => `Strided scan, ${b} B stride`,
  uniform: (b) => `Uniform random, ${b} B aligned`,
  trace: () => 'Trace file',
};

const CACHES: Record<SweepSettings['cachePreset'], string> = {
  none: 'No TLBs or caches',
  'sandy-bridge': 'Sandy Bridge caches',
  skylake: 'Skylake caches',
  zen3: 'Zen 3 caches',
  ideal: 'Ideal caches',
};

export function runNotes(settings: SweepSettings): string[] {
  return [
    WORKLOAD[settings.workload](settings.itemBytes),
    `${CACHES[settings.cachePreset]}, ${settings.levels}-level paging`,
    `${settings.accesses.toLocaleString('en')} accesses + ${settings.warmup.toLocaleString('en')} warm-up`,
    settings.latency === 'footprint'
      ? `Time by table footprint, ${settings.ghz} GHz`
      : `Time: ${settings.referenceCycles} cycles a reference`,
  ];
}
