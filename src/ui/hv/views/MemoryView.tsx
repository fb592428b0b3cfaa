/**
 * The hypervisor's side of one VM's memory at the cursor, for the guest-memory, swap-out, KSM
 * and emulate scenes: QEMU's guest RAM, the memslots, and for each page the scene touches its
 * gPA → HVA (slot offset) → hPA (host PTE) and its EPT leaf; the steps of the current event.
 */
import {
  emulationWalk,
  formatLinear,
  formatPhys,
  framesShared,
  memoryPicture,
  pageSizeText,
  tdpNames,
} from '../../../engine';
import type { TdpNames } from '../../../engine';
import type { HvPosition, HvReport, HvScript, HvSceneView, HvVmPicture, HvLeaf } from '../../../engine';
import { StepList } from '../StepList';

/** A leaf as the table shows it: its frame, and below it the size of the page it maps, read-only when so. */
function LeafCell({ leaf, swapped = false }: { leaf: HvLeaf | null; swapped?: boolean }) {
  if (leaf === null) return <td>{swapped ? 'cleared (in swap)' : 'not present'}</td>;
  const about = [
    leaf.size === null ? null : `${pageSizeText(leaf.size).replace(' ', '\u00a0')} page`,
    leaf.writable ? null : 'read-only',
  ];
  return (
    <td>
      {leaf.hpa === null ? 'resident' : formatPhys(leaf.hpa)}
      {about.some((a) => a !== null) && (
        <span className="hv-leaf-about">{about.filter((a) => a !== null).join(', ')}</span>
      )}
    </td>
  );
}

function VmTable({ vm, names }: { vm: HvVmPicture; names: TdpNames }) {
  return (
    <section className="hv-vm" aria-label={`VM ${vm.id}`}>
      <h3>
        VM {vm.id}
        {vm.eptp !== undefined && (
          <span className="hv-muted">
            {' '}
            · {names.root} {formatPhys(vm.eptp)}
          </span>
        )}
      </h3>
      <p>
        QEMU’s guest RAM: HVA {formatPhys(vm.ram.hva)} – {formatPhys(vm.ram.hva + vm.ram.size - 1)}
        {vm.warm ? ' (warm: resident from the start)' : ' (cold: nothing resident at start)'}
      </p>
      <ul className="hv-slots">
        {vm.memslots.map((s, i) => (
          <li key={i}>
            memslot {i}: gPA {formatPhys(s.gpa)} – {formatPhys(s.gpa + s.size - 1)} → HVA {formatPhys(s.hva)}{' '}
            (offset +{formatPhys(s.hva - s.gpa)})
          </li>
        ))}
      </ul>
      <div className="hv-table-scroll" tabIndex={0} role="group" aria-label={`Guest pages of VM ${vm.id}`}>
        <table className="hv-pages">
          <caption>Guest pages of this scene</caption>
          <thead>
            <tr>
              <th scope="col">gVA</th>
              <th scope="col">gPA</th>
              <th scope="col">HVA (memslot)</th>
              <th scope="col">host PTE → hPA</th>
              <th scope="col">{names.table} leaf → hPA</th>
            </tr>
          </thead>
          <tbody>
            {vm.pages.map((p) => (
              <tr key={p.gpa}>
                <td>{p.role === 'table' ? 'guest table' : p.vas.map((v) => formatLinear(v)).join(', ')}</td>
                <th scope="row">{formatPhys(p.gpa)}</th>
                <td>{p.hva === null ? 'MMIO (no slot)' : `${formatPhys(p.hva)} (slot ${p.slot})`}</td>
                <LeafCell leaf={p.hostPte} swapped={p.swapped} />
                {vm.eptp === undefined ? <td>—</td> : <LeafCell leaf={p.eptLeaf} />}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * What KSM saves now and at the end of the run. A write to a merged page breaks the sharing
 * (copy-on-write), so a run that ends with such a write ends with nothing saved: say why.
 */
function KsmSaving({ shared, atEnd }: { shared: number; atEnd: number }) {
  const kib = (frames: number) => `${frames} × 4 KiB = ${frames * 4} KiB`;
  return (
    <p className="hv-saved">
      Host memory saved by KSM at this step: <strong>{kib(shared)}</strong> (pages backed − distinct host
      frames). At the end of the run: <strong>{kib(atEnd)}</strong>
      {atEnd < shared || atEnd === 0
        ? ' — a write to a merged page exits and gets a private copy (copy-on-write), which ends the sharing.'
        : '.'}
    </p>
  );
}

function EmulationTable({ script, report }: { script: HvScript; report: HvReport }) {
  return (
    <>
      {emulationWalk(script, report).map((w) => (
        <section key={w.event} className="hv-emulate" aria-label={`Emulating at ${formatLinear(w.va)}`}>
          <h3>KVM’s software walk of {formatLinear(w.va)} against the hardware’s</h3>
          <ol>
            {w.reads.map((r) => (
              <li key={r.level}>
                level {r.level}: gPA {formatPhys(r.gpa)} + {formatPhys(r.offset)} (slot {r.slot ?? '–'}) = HVA{' '}
                {formatPhys(r.hva)}
              </li>
            ))}
          </ol>
          <p>
            Software: {w.reads.length} reads ≈ {w.softwareCycles.toLocaleString('en-US')} cycles, each a guest
            table entry found by adding the slot’s offset to its gPA. Hardware:{' '}
            {w.hardware
              ? `${w.hardware.references} references ≈ ${w.hardware.cycles.toLocaleString('en-US')} cycles (event ${w.hardware.event + 1})`
              : 'no completed access to this address in the scene'}
            . A guest-physical address needs only the one addition.
          </p>
        </section>
      ))}
    </>
  );
}

export function MemoryView({
  view,
  script,
  report,
  shadow,
  position,
}: {
  view: HvSceneView;
  script: HvScript;
  report: HvReport;
  shadow: HvReport;
  position: HvPosition | null;
}) {
  const pictures = memoryPicture(script, report, position);
  const names = tdpNames(report.mode);
  return (
    <div className={`hv-view hv-memory hv-${view}`}>
      <div className="hv-columns">
        <div>
          {pictures.map((vm) => (
            <VmTable key={vm.id} vm={vm} names={names} />
          ))}
          {view === 'ksm' && <KsmSaving shared={framesShared(pictures)} atEnd={report.ksmSavedFrames} />}
          {view === 'emulate' && <EmulationTable script={script} report={report} />}
        </div>
        <StepList
          event={position ? report.events[position.event] : undefined}
          upTo={position?.step ?? -1}
          mode={report.mode}
          label={`What happens under ${names.table}`}
        />
      </div>
      <p className="hv-note">
        The whole run: {report.totals.exitCount} exits under {names.table}, {shadow.totals.exitCount} in
        shadow mode; host faults {report.totals.hostFaults.minor} first touch +{' '}
        {report.totals.hostFaults.swapIn} swap-in. Only memory-virtualization exits are modelled.
      </p>
    </div>
  );
}
