/**
 * A hypervisor script after parsing (docs/hv-script-format.md): every default applied, every
 * cross-reference checked. Addresses are plain numbers (≤ 52 bits); linear addresses 32-bit halves.
 */
import type { CachePresetName } from '../cache/presets';
import type { AccessKind, LinearAddress } from '../vocabulary';

export interface HvMemslot {
  readonly gpa: number;
  readonly size: number;
  /** Where the slot's first byte lives in QEMU's virtual memory: gPA → HVA is hva + (gpa − slot.gpa). */
  readonly hva: number;
}

export interface HvGuestMapping {
  readonly va: LinearAddress;
  readonly gpa: number;
  readonly writable: boolean;
  readonly user: boolean;
  /** The guest PTE's D flag at start (A starts clear). */
  readonly dirty: boolean;
}

export interface HvProcess {
  readonly name: string;
  /** Guest-physical address of the process's top table (PML4); new tables follow it. */
  readonly cr3: number;
  readonly mappings: readonly HvGuestMapping[];
}

export interface HvVm {
  readonly id: string;
  readonly vpid: number;
  /** Starts as a guest that has run a while: all RAM resident, and mapped in the EPT in EPT mode. */
  readonly warm: boolean;
  /** QEMU's guest-RAM range in its own virtual memory (HVA). */
  readonly ram: { readonly hva: number; readonly size: number };
  readonly memslots: readonly HvMemslot[];
  /** Guest-physical ranges that are devices (in no memslot): a guest may map them. */
  readonly mmio: readonly { readonly gpa: number; readonly size: number }[];
  readonly processes: readonly HvProcess[];
}

export interface HvPageRef {
  readonly vm: string;
  readonly gpa: number;
}

export type HvEvent =
  | { readonly kind: 'switch'; readonly vm: string; readonly process: string }
  | {
      readonly kind: 'access';
      readonly vm: string;
      readonly va: LinearAddress;
      readonly op: AccessKind;
      /** A write's new content for the whole page (absent: content unique to this write). */
      readonly value?: string;
    }
  | {
      readonly kind: 'map';
      readonly vm: string;
      readonly va: LinearAddress;
      readonly gpa: number;
      readonly writable: boolean;
      readonly user: boolean;
      readonly dirty: boolean;
    }
  | { readonly kind: 'unmap'; readonly vm: string; readonly va: LinearAddress }
  | { readonly kind: 'invlpg'; readonly vm: string; readonly va: LinearAddress }
  | { readonly kind: 'emulate'; readonly vm: string; readonly va: LinearAddress }
  | { readonly kind: 'swap-out'; readonly vm: string; readonly gpa: number }
  | { readonly kind: 'ksm-merge'; readonly pages: readonly HvPageRef[] }
  | { readonly kind: 'thp'; readonly on: boolean };

export type HvEventKind = HvEvent['kind'];

export interface HvScript {
  readonly name?: string;
  readonly description?: string;
  /** Host-physical address of the first free frame; the allocator hands frames out upward from it. */
  readonly firstFrame: number;
  /** Transparent huge pages at start: QEMU's guest RAM backed by 2 MiB host pages where it can be. */
  readonly thp: boolean;
  readonly caches: CachePresetName;
  readonly vms: readonly HvVm[];
  readonly events: readonly HvEvent[];
}
