/**
 * The host (docs/hypervisor-model.md, "Who holds what"): frames handed out upward and never
 * reused, the memory holding EPT and shadow tables, and which guest page owns each frame — so a
 * hardware walk reading host-physical memory finds the guest's tables in QEMU's memory.
 */
import { PAGE_2M, PAGE_4K } from '../bits';
import { SparseMemory } from '../memory/sparse-memory';

/** A frame holding guest RAM: the QEMU memory and the page (offset into guest RAM) it backs. */
export interface GuestFrameOwner {
  /** QEMU's memory of that VM (only its words are read here). */
  readonly qemu: { readonly ram: SparseMemory };
  readonly ramOffset: number;
}

export class Host {
  private next: number;
  /** Frames of EPT and shadow tables (KVM's own memory). */
  readonly tables = new SparseMemory(4096);
  private readonly tableFrames = new Set<number>();
  private readonly owners = new Map<number, GuestFrameOwner>();
  thp: boolean;

  constructor(firstFrame: number, thp: boolean) {
    this.next = firstFrame;
    this.thp = thp;
  }

  allocate4K(): number {
    const frame = this.next;
    this.next += PAGE_4K;
    return frame;
  }

  /** A 2 MiB-aligned run of 512 frames (the frames skipped for alignment stay unused). */
  allocate2M(): number {
    const frame = Math.ceil(this.next / PAGE_2M) * PAGE_2M;
    this.next = frame + PAGE_2M;
    return frame;
  }

  allocateTable(): number {
    const frame = this.allocate4K();
    this.tableFrames.add(frame);
    return frame;
  }

  isTableFrame(frame: number): boolean {
    return this.tableFrames.has(frame);
  }

  setOwner(frame: number, owner: GuestFrameOwner): void {
    this.owners.set(frame, owner);
  }

  /** Keeps the first owner of a shared (KSM) frame: contents are equal. */
  addOwner(frame: number, owner: GuestFrameOwner): void {
    if (!this.owners.has(frame)) this.owners.set(frame, owner);
  }

  release(frame: number): void {
    this.owners.delete(frame);
  }

  ownerOf(frame: number): GuestFrameOwner | undefined {
    return this.owners.get(frame);
  }
}
