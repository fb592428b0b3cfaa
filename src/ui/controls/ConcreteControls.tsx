/** Build a scenario from a configuration: guest and nested paging, their levels and page sizes. */
import { useShallow } from 'zustand/react/shallow';
import type { PageSize } from '../../engine';
import { PAGE_SIZES } from '../../engine';
import type { ConcreteOptions, NestedMode } from '../../state/concrete-scenario';
import { useAppStore } from '../hooks/app-store-context';

const NESTED: readonly { value: NestedMode; label: string }[] = [
  { value: 'ept', label: 'Intel EPT' },
  { value: 'npt', label: 'AMD NPT' },
  { value: 'native', label: 'Off (native walk)' },
];

export function ConcreteControls() {
  const concrete = useAppStore((s) => s.concrete);
  const { applyConcrete, busy } = useAppStore(
    useShallow((s) => ({ applyConcrete: s.applyConcrete, busy: s.walking })),
  );
  const apply = (patch: Partial<ConcreteOptions>) => void applyConcrete(patch);
  const native = concrete.nested === 'native';

  return (
    <fieldset className="concrete-controls" aria-busy={busy}>
      <legend>Build a walk</legend>
      <label>
        Guest paging
        <select
          value={concrete.guestLevels}
          onChange={(e) => apply({ guestLevels: Number(e.target.value) === 5 ? 5 : 4 })}
        >
          <option value={4}>4-level</option>
          <option value={5}>5-level (LA57)</option>
        </select>
      </label>
      <label>
        Guest page size
        <select
          value={concrete.guestPageSize}
          onChange={(e) => apply({ guestPageSize: e.target.value as PageSize })}
        >
          {PAGE_SIZES.map((size) => (
            <option key={size}>{size}</option>
          ))}
        </select>
      </label>
      <label>
        Nested paging
        <select value={concrete.nested} onChange={(e) => apply({ nested: e.target.value as NestedMode })}>
          {NESTED.map(({ value, label }) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Nested levels
        <select
          value={concrete.nestedLevels}
          disabled={native}
          onChange={(e) => apply({ nestedLevels: Number(e.target.value) === 5 ? 5 : 4 })}
        >
          <option value={4}>4-level</option>
          <option value={5}>5-level</option>
        </select>
      </label>
      <label>
        Nested page size
        <select
          value={concrete.nestedPageSize}
          disabled={native}
          onChange={(e) => apply({ nestedPageSize: e.target.value as PageSize })}
        >
          {PAGE_SIZES.map((size) => (
            <option key={size}>{size}</option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
