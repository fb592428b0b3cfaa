/** The sweep's settings: workload, heap sizes, configurations, paging levels, caches, accesses. */
import { useId } from 'react';
import type { CachePreset } from '../../engine';
import { SANDY_BRIDGE_HIERARCHY } from '../../engine';
import {
  CACHE_PRESETS,
  heapSizes,
  type LatencyChoice,
  type SweepSettings,
  type WorkloadKind,
} from '../../state/sweep-settings';
import { LIVE_DELAY_MS } from '../../state/sweep-store';
import { ConfigurationPicker } from './ConfigurationPicker';
import { formatBytes } from './format';
import { NumberField } from './NumberField';
import { useSweep } from './sweep-store-context';
import { TraceInput } from './TraceInput';

const WORKLOADS: { kind: WorkloadKind; label: string; item: string }[] = [
  { kind: 'pointer-chase', label: 'Pointer chase (random linked list)', item: 'Object size (bytes)' },
  { kind: 'sequential', label: 'Sequential scan', item: 'Element size (bytes)' },
  { kind: 'stride', label: 'Strided scan', item: 'Stride (bytes)' },
  { kind: 'uniform', label: 'Uniform random', item: 'Alignment (bytes)' },
  { kind: 'trace', label: 'Trace file', item: '' },
];

/** "32 KiB L1 at 4 cycles, 256 KiB L2 at 12, 8 MiB LLC at 40": the hierarchy the footprint model places tables in. */
function hierarchyText(): string {
  const names = ['L1', 'L2', 'LLC'];
  return SANDY_BRIDGE_HIERARCHY.map(
    (level, i) =>
      `${formatBytes(level.bytes)} ${names[i] ?? `L${i + 1}`} at ${level.cycles}${i === 0 ? ' cycles' : ''}`,
  ).join(', ');
}

const CACHE_LABEL: Record<CachePreset, string> = {
  none: 'None: every access walks',
  'sandy-bridge': 'Intel Sandy Bridge',
  skylake: 'Intel Skylake',
  zen3: 'AMD Zen 3',
  ideal: 'Ideal (never misses once warm)',
};

/** 1 MiB … 64 GiB. */
const HEAP_CHOICES = Array.from({ length: 17 }, (_, i) => 2 ** (20 + i));

export function SweepSettingsForm() {
  const settings = useSweep((s) => s.settings);
  const update = useSweep((s) => s.updateSettings);
  const liveUpdate = useSweep((s) => s.liveUpdate);
  const setLiveUpdate = useSweep((s) => s.setLiveUpdate);
  const id = useId();
  const workload = WORKLOADS.find((w) => w.kind === settings.workload)!;
  const sizes = heapSizes(settings).length;

  return (
    <form className="sweep-settings" aria-label="Sweep settings" onSubmit={(e) => e.preventDefault()}>
      <div className="field live-update">
        <label>
          <input
            type="checkbox"
            checked={liveUpdate}
            onChange={(e) => setLiveUpdate(e.currentTarget.checked)}
          />{' '}
          Live update
        </label>
        <span className="hint">
          Reruns the sweep {LIVE_DELAY_MS} ms after a change (heap sizes, configurations, caches …),
          cancelling the run in flight. Best with small sweeps.
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-workload`}>Workload</label>
        <select
          id={`${id}-workload`}
          value={settings.workload}
          onChange={(e) => update({ workload: e.currentTarget.value as WorkloadKind })}
        >
          {WORKLOADS.map((w) => (
            <option key={w.kind} value={w.kind}>
              {w.label}
            </option>
          ))}
        </select>
      </div>
      {settings.workload === 'trace' ? (
        <TraceInput />
      ) : (
        <NumberField
          label={workload.item}
          value={settings.itemBytes}
          min={1}
          onChange={(itemBytes) => update({ itemBytes })}
        />
      )}

      <fieldset className="heap-range">
        <legend>Heap sizes</legend>
        <HeapSelect
          label="from"
          name="Smallest heap"
          value={settings.heapFrom}
          onChange={(heapFrom) => update({ heapFrom })}
        />
        <HeapSelect
          label="to"
          name="Largest heap"
          value={settings.heapTo}
          onChange={(heapTo) => update({ heapTo })}
        />
        <label>
          step
          <select
            aria-label="Heap step"
            value={settings.heapStep}
            onChange={(e) => update({ heapStep: Number(e.currentTarget.value) as SweepSettings['heapStep'] })}
          >
            <option value={2}>×2</option>
            <option value={4}>×4</option>
          </select>
        </label>
        <span className="hint">
          {sizes} size{sizes === 1 ? '' : 's'} × {settings.configurations.length} configuration
          {settings.configurations.length === 1 ? '' : 's'}
          {settings.workload === 'trace' ? '; a trace’s heap covers at least its addresses' : ''}
        </span>
      </fieldset>

      <ConfigurationPicker />

      <div className="field">
        <label htmlFor={`${id}-levels`}>Paging levels (guest and EPT)</label>
        <select
          id={`${id}-levels`}
          value={settings.levels}
          onChange={(e) => update({ levels: Number(e.currentTarget.value) as 4 | 5 })}
        >
          <option value={4}>4-level</option>
          <option value={5}>5-level (LA57, 5-level EPT)</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-caches`}>Translation caches</label>
        <select
          id={`${id}-caches`}
          value={settings.cachePreset}
          onChange={(e) => update({ cachePreset: e.currentTarget.value as CachePreset })}
        >
          {CACHE_PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {CACHE_LABEL[preset]}
            </option>
          ))}
        </select>
        <span className="hint">
          TLB sizes from the vendors; paging-structure cache sizes are approximate.
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-latency`}>Time model</label>
        <select
          id={`${id}-latency`}
          value={settings.latency}
          onChange={(e) => update({ latency: e.currentTarget.value as LatencyChoice })}
        >
          <option value="footprint">By footprint in L1 / L2 / LLC / DRAM</option>
          <option value="flat">Flat: a fixed cost per reference</option>
        </select>
        <span className="hint">
          {settings.latency === 'footprint'
            ? `Each table level, and the heap, is charged where its size fits: ${hierarchyText()}, else memory.`
            : 'Every table reference and every data access costs the same.'}
        </span>
      </div>
      <div className="field-row">
        {settings.latency === 'flat' ? (
          <>
            <NumberField
              label="Cycles per table reference"
              value={settings.referenceCycles}
              onChange={(referenceCycles) => update({ referenceCycles })}
            />
            <NumberField
              label="Cycles per data access"
              value={settings.dataCycles}
              step={10}
              onChange={(dataCycles) => update({ dataCycles })}
            />
          </>
        ) : (
          <NumberField
            label="Memory cycles"
            value={settings.memoryCycles}
            step={10}
            onChange={(memoryCycles) => update({ memoryCycles })}
          />
        )}
        <NumberField
          label="Clock (GHz)"
          value={settings.ghz}
          min={0.1}
          step={0.1}
          decimal
          onChange={(ghz) => update({ ghz })}
        />
      </div>
      <div className="field-row">
        <NumberField
          label="Accesses per point"
          value={settings.accesses}
          min={1}
          step={1000}
          onChange={(accesses) => update({ accesses })}
        />
        <NumberField
          label="Warm-up accesses"
          value={settings.warmup}
          step={1000}
          onChange={(warmup) => update({ warmup })}
        />
        <NumberField label="Seed" value={settings.seed} onChange={(seed) => update({ seed })} />
      </div>
    </form>
  );
}

interface HeapSelectProps {
  readonly label: string;
  readonly name: string;
  readonly value: number;
  readonly onChange: (bytes: number) => void;
}

function HeapSelect({ label, name, value, onChange }: HeapSelectProps) {
  return (
    <label>
      {label}
      <select aria-label={name} value={value} onChange={(e) => onChange(Number(e.currentTarget.value))}>
        {HEAP_CHOICES.map((bytes) => (
          <option key={bytes} value={bytes}>
            {formatBytes(bytes)}
          </option>
        ))}
      </select>
    </label>
  );
}
