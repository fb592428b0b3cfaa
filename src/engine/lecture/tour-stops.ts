/**
 * The lecture tour (docs/tour.md): numbered stops in the lecture's order, one per claim. Each stop
 * names a scene — a state of one of the app's views, described as data the UI applies — and says
 * two or three sentences whose numbers come from the engine.
 */
import type { CachePresetName } from '../cache/presets';
import { nestedWalkReferences } from '../cost';
import {
  bytesLabel,
  eptPageSizeTradeOff,
  linearVsTree,
  missReferences,
  PAGE_SIZE_BYTES,
  tlbReachBytes,
  TRADE_OFF_REGIONS,
} from './lecture-figures';
import { demandPagingStep, ksmAfterMergeStep, ksmBothEptsStep } from './tour-scene-steps';

/** Where on the walk page a stop points: the page scrolls there. */
export type TourFocus = 'walk' | 'cost' | 'concepts' | 'caches' | 'experiments';

/** A figure drawn for the tour alone, above the walk page. */
export type TourFigure = 'linear-vs-tree' | 'tlb-reach' | 'ept-page-size';

export type TourScene =
  /** A preset scenario (public/scenarios/<preset>) at a walk position, optionally with caches. */
  | {
      readonly view: 'walk';
      readonly preset: string;
      readonly step: number;
      readonly cachePreset?: CachePresetName;
      readonly focus: TourFocus;
      readonly figure?: TourFigure;
    }
  /** The n / m sliders' walk: n guest levels on m nested levels. */
  | {
      readonly view: 'levels';
      readonly n: number;
      readonly m: number;
      readonly step: number;
      readonly focus: TourFocus;
    }
  /** A hypervisor scene (`?hv=<sceneId>&step=<step>`). */
  | { readonly view: 'hv'; readonly sceneId: string; readonly step: number };

export interface TourStop {
  /** Stable id (tests, docs); the link uses the stop's number. */
  readonly id: string;
  readonly title: string;
  /** Two or three sentences. */
  readonly sentences: readonly string[];
  /** One thing to do, naming the control to touch. */
  readonly tryThis: string;
  readonly scene: TourScene;
}

const n24 = nestedWalkReferences(4, 4);
const n35 = nestedWalkReferences(5, 5);

function buildStops(): readonly TourStop[] {
  const [l48, l57] = linearVsTree();
  const m4k = missReferences(4, '4K');
  const m2m = missReferences(4, '2M');
  const m1g = missReferences(4, '1G');
  const reach4k = tlbReachBytes('skylake', '4K');
  const reach2m = tlbReachBytes('skylake', '2M');
  const reach1g = tlbReachBytes('skylake', '1G');
  // The 2 MiB EPT stop quotes the rows its figure draws.
  const [ept4kRow, ept2mRow] = eptPageSizeTradeOff(TRADE_OFF_REGIONS);
  const waste4k = ept4kRow?.tailWaste ?? 0;
  const waste2m = ept2mRow?.tailWaste ?? 0;
  const ept2m = ept2mRow?.missReferences ?? 0;
  return [
    {
      id: 'two-dimensional',
      title: 'Memory is two-dimensional',
      sentences: [
        'A guest virtual address (gVA) is translated by the guest’s page tables to a guest-physical address (gPA); the hypervisor’s EPT then translates every gPA to a host-physical address (hPA).',
        'The grid shows both dimensions at once: before the walk can read a guest entry, the EPT walk of that entry’s guest-physical address has to run.',
      ],
      tryThis:
        'Press → (or Step forward) a few times and watch each reference light up in the grid and the tables.',
      scene: { view: 'walk', preset: 'default.json', step: 0, focus: 'walk' },
    },
    {
      id: 'linear-vs-tree',
      title: 'Linear vs multi-level page tables',
      sentences: [
        `One flat (linear) table with an 8-byte entry for every 4 KiB page would need ${bytesLabel(l48?.linearBytes ?? 0)} for 48-bit addresses and ${bytesLabel(l57?.linearBytes ?? 0)} for 57-bit ones, per process.`,
        `The multi-level tree allocates only the tables in use, and one translation reads one 4 KiB table per level: ${bytesLabel(l48?.treeTouchedBytes ?? 0)} with ${l48?.levels ?? 4} levels, ${bytesLabel(l57?.treeTouchedBytes ?? 0)} with ${l57?.levels ?? 5}.`,
      ],
      tryThis:
        'Compare the two columns of the table above the walk, then press → to see the four tables one walk reads.',
      scene: { view: 'walk', preset: 'native.json', step: 0, focus: 'walk', figure: 'linear-vs-tree' },
    },
    {
      id: 'shadow-vs-ept',
      title: 'Shadow page tables vs EPT / NPT',
      sentences: [
        'Without hardware help the hypervisor keeps shadow tables that map gVA straight to hPA, and must trap every guest change to the guest tables to keep them in sync.',
        'With EPT (Intel) or NPT (AMD) the hardware walks the guest’s tables and the hypervisor’s second table itself: the guest changes its own tables without leaving.',
      ],
      tryThis: 'Press → to step the context-switch loop and compare the exit counters of the two columns.',
      scene: { view: 'hv', sceneId: 'context-switch', step: 0 },
    },
    {
      id: 'root-mode',
      title: `Root mode: n = ${m4k.native} / ${m2m.native} / ${m1g.native} references`,
      sentences: [
        `Outside a VM (EPT off) a TLB miss reads one entry per level: ${m4k.native} for a 4 KiB page, ${m2m.native} for a 2 MiB page (the walk stops at the PD), ${m1g.native} for a 1 GiB page (it stops at the PDPT).`,
        'CR3 holds a physical address, so no entry needs translating before it is read.',
      ],
      tryThis: 'Press → four times: one reference per level, and the walk is done.',
      scene: { view: 'walk', preset: 'native.json', step: 0, focus: 'walk' },
    },
    {
      id: 'non-root',
      title: `Non-root mode: n·m + n + m = ${n24}`,
      sentences: [
        `In a VM every guest table address and the final data address are guest-physical, and each needs an m-level EPT walk: n·m + n + m references, ${n24} for n = m = 4.`,
        `With 5-level paging in both dimensions it is ${n35}.`,
      ],
      tryThis: 'Move the n and m sliders under “What n × m levels cost” to 5 and watch the count become 35.',
      scene: { view: 'levels', n: 4, m: 4, step: 0, focus: 'cost' },
    },
    {
      id: 'kvm-with-without-ept',
      title: 'KVM with and without EPT',
      sentences: [
        'KVM was written before EPT existed and can still run with shadow paging (today mostly for nested virtualization).',
        'Here the same guest maps pages on demand in both modes: shadow paging intercepts its page faults and table writes; under EPT they stay inside the guest.',
      ],
      tryThis:
        'Compare the exits of the two modes in the counters, then press Home and → to see which event each shadow exit comes from.',
      // At the end of the run the counters hold the whole difference.
      scene: { view: 'hv', sceneId: 'demand-paging', step: demandPagingStep() },
    },
    {
      id: 'guest-memory',
      title: 'QEMU’s guest RAM, memslots and the host’s page tables',
      sentences: [
        'QEMU allocates the guest’s RAM in its own virtual memory like any process; KVM’s memslots map guest-physical ranges onto those host-virtual addresses.',
        'The host kernel backs them with its own page tables, and KVM fills EPT entries from them when the guest first touches a page.',
      ],
      tryThis: 'Press → to step and watch the EPT leaves fill one first touch at a time.',
      scene: { view: 'hv', sceneId: 'guest-memory', step: 0 },
    },
    {
      id: 'cr3-no-exit',
      title: 'Guest CR3 writes do not exit under EPT',
      sentences: [
        'A guest context switch writes the guest’s CR3. With shadow paging that write exits, so the hypervisor can switch shadow tables; under EPT the guest’s CR3 is its own and the write stays in the guest.',
        'The loop here switches between guest processes over and over; the counters add up the exits of each mode.',
      ],
      tryThis:
        'Press → through the loop and watch the shadow column’s exits grow with every switch while the EPT column’s do not.',
      scene: { view: 'hv', sceneId: 'context-switch', step: 1 },
    },
    {
      id: 'one-eptp',
      title: 'One EPTP per VM',
      sentences: [
        'In root mode the EPT pointer (EPTP) in each VM’s control structure names that VM’s EPT; KVM owns the tables it points to.',
        'Two VMs have two EPTPs and two EPTs, even when they share host frames.',
      ],
      tryThis: 'Find the EPTP line of each VM in the memory view, and each VM’s own EPT leaves below it.',
      // After each VM's first access both EPTs have been built.
      scene: { view: 'hv', sceneId: 'ksm', step: ksmBothEptsStep() },
    },
    {
      id: 'emulate',
      title: 'Emulating an instruction: a walk in software',
      sentences: [
        'To emulate an instruction KVM needs the guest’s virtual address translated, so it walks the guest’s tables in software, one memslot lookup and read per level.',
        'Guest-physical to host-virtual is an addition; guest-virtual to guest-physical is a whole walk.',
      ],
      tryThis: 'Press → to step the software walk and compare it with the hardware walk beside it.',
      scene: { view: 'hv', sceneId: 'emulate', step: 0 },
    },
    {
      id: 'swap-out',
      title: 'Swap-out reaches the EPT',
      sentences: [
        'When the host swaps out a page of QEMU’s memory, KVM must zap the EPT entry that maps it; the guest’s own tables do not change.',
        'The guest’s next access is an EPT violation, and KVM swaps the page back in.',
      ],
      tryThis: 'Press → until the host PTE reads “cleared (in swap)”, then on to the EPT violation.',
      scene: { view: 'hv', sceneId: 'swap-out', step: 0 },
    },
    {
      id: 'ksm',
      title: 'KSM: VMs share host frames',
      sentences: [
        'KSM merges identical pages, of several VMs too, onto one read-only host frame.',
        'A write to a shared page is an EPT violation and gets a private copy (copy-on-write).',
      ],
      tryThis:
        'Read the host memory the merge saved under the tables, then press End and read which VM got the private copy.',
      // Right after the merge the two VMs share one frame.
      scene: { view: 'hv', sceneId: 'ksm', step: ksmAfterMergeStep() },
    },
    {
      id: 'tlb-miss-caches',
      title: 'The cost of a TLB miss, and what page-walk caches save',
      sentences: [
        `Without caches every TLB miss in a VM costs ${n24} references.`,
        'Paging-structure caches keep upper-level entries of both dimensions, so a walk near a recent one skips most of them; a TLB hit skips the walk entirely.',
      ],
      tryThis:
        'Pick the next access in the Access list beside the linear address, press End, and read what the caches spared.',
      scene: { view: 'walk', preset: 'caches-skylake.json', step: 0, focus: 'walk' },
    },
    {
      id: 'pointer-chase',
      title: 'The pointer-chasing experiment on Sandy Bridge',
      sentences: [
        'The lecture’s measurement chases a list of objects linked at random across a 32 GiB heap and times each access, natively and under EPT with 4 KiB, 2 MiB and 1 GiB pages.',
        'Random accesses miss the TLB almost every time, so the walk length shows directly in the time per access.',
      ],
      tryThis:
        'Open the Experiments panel (folded in presenter mode), press Lecture experiment and compare the curves.',
      scene: { view: 'walk', preset: 'default.json', step: 0, focus: 'experiments' },
    },
    {
      id: 'ept-2m',
      title: '2 MiB EPT pages: the trade-off',
      sentences: [
        `With 2 MiB EPT pages every EPT walk stops one level early: ${ept2m} references per miss instead of ${ept4kRow?.missReferences ?? n24}, and a guest using 2 MiB pages too gets TLB entries that cover ${PAGE_SIZE_BYTES['2M'] / PAGE_SIZE_BYTES['4K']} times more.`,
        `The price is internal fragmentation: a region of arbitrary size wastes half a page at its end on average, so ${TRADE_OFF_REGIONS} regions waste about ${bytesLabel(waste4k)} with 4 KiB pages and ${bytesLabel(waste2m)} with 2 MiB pages.`,
        'Most hypervisors take that trade.',
      ],
      tryThis:
        'Compare the two columns of the table above the walk, then press End and open the “2 MiB EPT pages” card below the walk.',
      scene: {
        view: 'walk',
        preset: 'guest-4k-on-ept-2m.json',
        step: 0,
        focus: 'walk',
        figure: 'ept-page-size',
      },
    },
    {
      id: 'tlb-reach-vs-ram',
      title: 'Does multi-terabyte RAM still need memory virtualization?',
      sentences: [
        `Skylake’s data TLBs (first and second level together) cover ${bytesLabel(reach4k)} with 4 KiB pages, ${bytesLabel(reach2m)} with 2 MiB pages and ${bytesLabel(reach1g)} with 1 GiB pages: a small share of a machine with terabytes of RAM.`,
        `Every miss beyond that reach pays a two-dimensional walk: ${m4k.nested} / ${m2m.nested} / ${m1g.nested} references with 4-level tables (4K / 2M / 1G), ${missReferences(5, '4K').nested} / ${missReferences(5, '2M').nested} / ${missReferences(5, '1G').nested} with 5 levels.`,
      ],
      tryThis: 'Read the plot above the walk: where does each page size’s reach fall below 1 % of RAM?',
      scene: { view: 'walk', preset: 'five-level.json', step: 0, focus: 'walk', figure: 'tlb-reach' },
    },
  ];
}

export const TOUR_STOPS: readonly TourStop[] = buildStops();

/** The stop numbered `n` (1-based), or undefined. */
export const tourStop = (n: number): TourStop | undefined => TOUR_STOPS[n - 1];
