/**
 * Buttons that append steps to the sequence, continuing from the picked access: accesses (the same
 * address again, a write, another address) and cache operations, each followed by the picked access
 * again so the next walk shows what the operation removed.
 */
import type { ScenarioDoc } from '../../state/scenario-doc';
import { sequenceActionBlocked, type SequenceAction } from '../../state/sequence-steps';

interface ActionButton {
  readonly action: SequenceAction;
  readonly label: string;
  readonly title: string;
}

const ACCESS_BUTTONS: readonly ActionButton[] = [
  { action: 'again', label: 'Again', title: 'The picked access once more, at the same address' },
  { action: 'write', label: 'Write after read', title: 'A write to the picked address' },
  {
    action: 'neighbour-page',
    label: 'Neighbour page',
    title: 'The 4 KiB page next to it (address bit 12 flipped): same page table',
  },
  {
    action: 'other-2m',
    label: 'Other 2 MiB',
    title:
      'Another 2 MiB region of the same 1 GiB (address bit 21 flipped): same PD, another PDE; mapped if it is not yet',
  },
  {
    action: 'other-1g',
    label: 'Other 1 GiB',
    title:
      'Another 1 GiB region under the same PML4 entry (address bit 30 flipped): another PDPTE; mapped if it is not yet',
  },
];

const OPERATION_BUTTONS: readonly ActionButton[] = [
  { action: 'invlpg', label: 'INVLPG', title: 'Invalidate the picked page, then access it again' },
  {
    action: 'mov-cr3',
    label: 'MOV CR3',
    title: 'Reload CR3 (flushes non-global entries), then access again',
  },
  {
    action: 'mov-cr3-pcid',
    label: 'MOV CR3, PCID kept',
    title: 'Turn on PCIDs (CR4.PCIDE) and reload CR3 with bit 63 set, then access again',
  },
  { action: 'invept', label: 'INVEPT', title: 'Invalidate the EPT-derived mappings, then access again' },
  {
    action: 'vm-exit-entry',
    label: 'VM exit + entry',
    title: 'Leave the guest and re-enter it, then access again',
  },
];

export function SequenceButtons({
  doc,
  busy,
  onAppend,
}: {
  doc: ScenarioDoc;
  busy: boolean;
  onAppend: (action: SequenceAction) => void;
}) {
  const button = ({ action, label, title }: ActionButton) => {
    const blocked = sequenceActionBlocked(doc, action);
    return (
      <button
        key={action}
        type="button"
        disabled={busy || blocked !== null}
        title={blocked ? `Not here: ${blocked}` : title}
        onClick={() => onAppend(action)}
      >
        {label}
      </button>
    );
  };
  return (
    <div className="nw-seq-buttons">
      <div role="group" aria-label="Append an access">
        <span className="nw-seq-group">Append:</span>
        {ACCESS_BUTTONS.map(button)}
      </div>
      <div role="group" aria-label="Append an operation, then the access again">
        <span className="nw-seq-group">Operation + again:</span>
        {OPERATION_BUTTONS.map(button)}
      </div>
    </div>
  );
}
