/**
 * The hypervisor scenes the app shows (docs/hv-scenes.md): each is a script in
 * the hv format with the view that draws it and its teaching point. The app, the tests and the
 * lecture tour find scenes here by id.
 */
import demandPaging from './demand-paging.json';
import emulate from './emulate.json';
import guestMemory from './guest-memory.json';
import hugePages from './huge-pages.json';
import ksm from './ksm.json';
import pointerChase from './pointer-chase.json';
import swapOut from './swap-out.json';
import switchLoop from './switch-loop.json';

/** Which picture of a run a scene is drawn as. */
export type HvSceneView = 'shadow-vs-ept' | 'guest-memory' | 'swap-out' | 'ksm' | 'emulate';

export interface HvScene {
  /** Stable id, used in links (`?hv=<id>`) and by the tour. */
  readonly id: string;
  readonly title: string;
  readonly view: HvSceneView;
  /** The teaching point, shown on screen as "What to notice". */
  readonly whatToNotice: string;
  /** The script (nestwalk-hv/1 JSON), parsed by parseHvScript when the scene opens. */
  readonly script: unknown;
}

export const HV_SCENES: readonly HvScene[] = [
  {
    id: 'context-switch',
    title: 'Shadow vs EPT: a context-switch loop',
    view: 'shadow-vs-ept',
    whatToNotice:
      'Every MOV to CR3 exits in shadow mode and none does under EPT; the price EPT pays instead is the 24-reference walk on each TLB miss.',
    script: switchLoop,
  },
  {
    id: 'demand-paging',
    title: 'Shadow vs EPT: the guest maps pages on demand',
    view: 'shadow-vs-ept',
    whatToNotice:
      "In shadow mode KVM intercepts the guest's page faults, reinjects the ones that are the guest's own, and traps its writes to its write-protected page tables; under EPT the guest handles its faults and edits its tables without a single exit.",
    script: demandPaging,
  },
  {
    id: 'pointer-chase',
    title: 'Shadow vs EPT: a pointer chase that misses the TLB',
    view: 'shadow-vs-ept',
    whatToNotice:
      'With no translation caches every access is a TLB miss: shadow paging walks 4 entries, EPT walks 24. Shadow mode pays one exit per page, once; after a few rounds the 2D walks cost EPT more cycles than those exits cost shadow paging. Start cold and EPT also exits for every first touch.',
    script: pointerChase,
  },
  {
    id: 'guest-memory',
    title: "Where guest memory lives: QEMU's RAM, memslots and the host's tables",
    view: 'guest-memory',
    whatToNotice:
      "A guest-physical page is an offset into QEMU's guest RAM (its memslot gives the HVA); KVM fills the EPT lazily, so the first touch of each page, table pages included, is an EPT violation and a host fault.",
    script: guestMemory,
  },
  {
    id: 'huge-pages',
    title: 'Transparent huge pages: the host switches THP on',
    view: 'guest-memory',
    whatToNotice:
      'With THP off the first read costs one host fault and one 4 KiB EPT leaf per page; once the host turns THP on, one host fault backs a whole 2 MiB of guest RAM, KVM maps it with one 2 MiB EPT leaf, and the next page in that 2 MiB reads without an exit.',
    script: hugePages,
  },
  {
    id: 'swap-out',
    title: 'The host swaps out a guest page',
    view: 'swap-out',
    whatToNotice:
      'The guest never notices: the host clears its own PTE and the EPT leaf, and the next guest access takes an EPT violation that swaps the page back in, into a new frame.',
    script: swapOut,
  },
  {
    id: 'ksm',
    title: 'KSM: two VMs share one host frame',
    view: 'ksm',
    whatToNotice:
      'After the merge both VMs read the same host frame through read-only mappings; the first write breaks the sharing with a copy-on-write into a frame of its own.',
    script: ksm,
  },
  {
    id: 'emulate',
    title: 'Emulating an instruction: KVM walks the guest tables in software',
    view: 'emulate',
    whatToNotice:
      "To emulate, KVM reads each guest table entry itself, turning every gPA into an HVA by its memslot's offset; the hardware's nested walk of the same address costs 24 references.",
    script: emulate,
  },
];

/** How the scenes page steps a view: whole events side by side, or every step of the EPT run. */
export const hvSceneGrain = (view: HvSceneView): 'event' | 'step' =>
  view === 'shadow-vs-ept' ? 'event' : 'step';

export const hvSceneById = (id: string): HvScene | undefined => HV_SCENES.find((s) => s.id === id);
