/**
 * What the lecture puts around the walk, as cards that open on demand: the three ways to
 * virtualize memory and what each costs, who does what in KVM and QEMU, and the 2 MiB EPT page
 * trade-off. Every figure comes from concept-numbers.ts.
 */
import { bytesWords } from '../../engine';
import { conceptNumbers } from './concept-numbers';
import './concepts.css';

const numbers = conceptNumbers();

function PagingCard() {
  const { four, five } = numbers;
  return (
    <details className="concept" data-testid="concept-paging">
      <summary>
        <b>Native, shadow paging, EPT</b>
        <span className="concept-headline">
          TLB miss: {four.native} · {four.shadow} · {four.nested} references
        </span>
      </summary>
      <table className="concept-table">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">TLB miss, 4 levels</th>
            <th scope="col">5 levels</th>
            <th scope="col">what leaves the guest (VM exit)</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">native</th>
            <td data-testid="cost-native">n = {four.native}</td>
            <td>{five.native}</td>
            <td>no hypervisor</td>
          </tr>
          <tr>
            <th scope="row">shadow paging</th>
            <td data-testid="cost-shadow">n = {four.shadow}</td>
            <td>{five.shadow}</td>
            <td>
              every guest CR3 write, and every guest PTE update (the guest&apos;s tables are write-protected
              so the hypervisor can resync the shadow tables)
            </td>
          </tr>
          <tr>
            <th scope="row">EPT / NPT</th>
            <td data-testid="cost-ept">n·m + n + m = {four.nested}</td>
            <td>{five.nested}</td>
            <td>
              only EPT violations and misconfigurations: CR3 writes and PTE updates stay in the guest, which
              avoids about 80 % of the VM exits of shadow paging
            </td>
          </tr>
        </tbody>
      </table>
      <p className="concept-note">
        The shadow tables map guest-linear straight to host-physical, so the hardware walks {four.shadow}{' '}
        levels; the price is paid in exits instead of references.
      </p>
    </details>
  );
}

function RolesCard() {
  return (
    <details className="concept" data-testid="concept-roles">
      <summary>
        <b>Who does what</b>
        <span className="concept-headline">QEMU, KVM, the host kernel</span>
      </summary>
      <ul className="concept-list">
        <li>
          <b>QEMU</b> allocates the guest&apos;s RAM as one range of its own virtual memory, like any process.
        </li>
        <li>
          <b>KVM memslots</b> map guest-physical ranges to QEMU&apos;s host-virtual addresses: gPA → hVA is an
          addition per slot.
        </li>
        <li>
          <b>KVM builds EPT entries</b> gPA → hPA from the host&apos;s page tables, when an access first exits
          with an EPT violation.
        </li>
        <li>
          <b>MMU notifiers</b>: when the host swaps out or migrates a page, KVM zaps its EPT entry; the next
          guest access exits and faults it back in.
        </li>
        <li>
          <b>KSM</b> merges identical pages (of several VMs, too) into one read-only page; a write exits and
          gets a private copy (copy-on-write).
        </li>
        <li>
          The guest runs its own page tables and CR3. To emulate an instruction, KVM walks those tables in
          software (gVA → gPA): slow, unlike gPA → hVA.
        </li>
      </ul>
    </details>
  );
}

function HugePagesCard() {
  const { four, ept2m, ept1g, reach4k, reach2m } = numbers;
  return (
    <details className="concept" data-testid="concept-huge-pages">
      <summary>
        <b>2 MiB EPT pages</b>
        <span className="concept-headline">
          {ept2m} references instead of {four.nested}
        </span>
      </summary>
      <ul className="concept-list">
        <li>
          <b>Shorter walks</b>: every EPT walk stops at the EPT PD (m = 3): 4·3 + 4 + 3 ={' '}
          <b data-testid="cost-ept-2m">{ept2m}</b> references per TLB miss; 1 GiB EPT pages (m = 2):{' '}
          <b data-testid="cost-ept-1g">{ept1g}</b>.
        </li>
        <li>
          <b>More TLB reach</b>, when the guest uses 2 MiB pages too (an entry covers the smaller of the two
          pages): Skylake&apos;s L1 DTLB holds {reach2m.entries} × 2 MiB ={' '}
          <b data-testid="reach-2m">{bytesWords(reach2m.bytes)}</b> against {reach4k.entries} × 4 KiB ={' '}
          <b data-testid="reach-4k">{bytesWords(reach4k.bytes)}</b>.
        </li>
        <li>
          <b>Coarser memory</b>: the host hands out, swaps and migrates 2 MiB at a time (internal
          fragmentation); KSM shares only identical 4 KiB pages, so a huge page is split before it can be
          merged; a 2 MiB guest page on 4 KiB EPT pages is <i>splintered</i> into 4 KiB TLB entries.
        </li>
        <li>
          Most hypervisors back guests with 2 MiB EPT pages: some wasted memory costs less than slow walks.
        </li>
      </ul>
    </details>
  );
}

export function ConceptsStrip() {
  return (
    <section className="concepts" aria-labelledby="concepts-title">
      <h2 id="concepts-title" className="visually-hidden">
        Concepts
      </h2>
      <PagingCard />
      <RolesCard />
      <HugePagesCard />
    </section>
  );
}
