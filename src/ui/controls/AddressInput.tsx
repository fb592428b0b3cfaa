/**
 * The linear address of the selected access. Applied on Enter or when the field loses focus;
 * text that is not a canonical hex address shows an inline error and changes nothing.
 */
import { useId, useState } from 'react';
import { selectSelectedAccess } from '../../state/selectors';
import { useAppStore } from '../hooks/app-store-context';

const vaText = (va: unknown): string => (typeof va === 'number' ? '0x' + va.toString(16) : String(va ?? ''));

export function AddressInput() {
  const va = useAppStore((s) => vaText(selectSelectedAccess(s)?.va));
  // A new address from the store (another scenario, another access) replaces the draft.
  return <AddressForm key={va} initial={va} />;
}

function AddressForm({ initial }: { initial: string }) {
  const [draft, setDraft] = useState(initial);
  const error = useAppStore((s) => s.addressError);
  const setLinearAddress = useAppStore((s) => s.setLinearAddress);
  const disabled = useAppStore((s) => !s.scenario);
  const id = useId();
  const apply = () => {
    if (draft.trim() !== initial || error) void setLinearAddress(draft);
  };

  return (
    <form
      className="address-input"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <label htmlFor={`${id}-va`}>Linear address</label>
      <input
        id={`${id}-va`}
        className="mono"
        value={draft}
        disabled={disabled}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={apply}
      />
      <button type="submit" disabled={disabled}>
        Walk
      </button>
      {error && (
        <p id={`${id}-error`} className="field-error" aria-live="polite">
          {error}
        </p>
      )}
    </form>
  );
}
