/**
 * Walk events: plain, structured-clone-safe data, emitted in order to an optional sink.
 * Every memory reference carries its step number (1-based) and its cell in the 2D grid
 * (guest level, nested level), so any view can be drawn from the event list alone.
 */
import type { AccessKind, Cpl, LinearAddress, Outcome, PagingMode, TranslationResult } from './types';

export interface WalkStartEvent {
  readonly type: 'walk-start';
  readonly va: LinearAddress;
  readonly kind: AccessKind;
  readonly cpl: Cpl;
  readonly mode: PagingMode;
  readonly guestLevels: number;
  readonly nestedLevels: number;
}

/** A read of a guest (or native) paging-structure entry. */
export interface GuestReadEvent {
  readonly type: 'guest-read';
  readonly step: number;
  readonly guestLevel: number;
  /** 9-bit index of the entry within its table. */
  readonly index: number;
  /** Guest-physical address of the entry (native: equal to addr). */
  readonly gpa: number;
  /** Host-physical (native: physical) address of the entry. */
  readonly addr: number;
  readonly lo: number;
  readonly hi: number;
}

/** A read of an EPT (Intel) or nested page table (AMD) entry. */
export interface NestedReadEvent {
  readonly type: 'nested-read';
  readonly step: number;
  /** Guest level whose entry gPA is being translated; 0 = the final data gPA. */
  readonly guestLevel: number;
  readonly nestedLevel: number;
  readonly index: number;
  /** The guest-physical address being translated. */
  readonly gpa: number;
  /** Host-physical address of the nested entry. */
  readonly addr: number;
  readonly lo: number;
  readonly hi: number;
}

/** The walk set accessed / dirty flags in an entry (no memory reference is counted). */
export interface AdUpdateEvent {
  readonly type: 'ad-update';
  readonly table: 'guest' | 'nested';
  readonly guestLevel: number;
  readonly nestedLevel: number;
  readonly addr: number;
  readonly setAccessed: boolean;
  readonly setDirty: boolean;
  /** The entry after the update. */
  readonly lo: number;
  readonly hi: number;
}

export interface FaultEvent {
  readonly type: 'fault';
  readonly outcome: Exclude<Outcome, 'ok'>;
  readonly guestLevel: number;
  readonly nestedLevel: number;
  /** One plain sentence saying why. */
  readonly reason: string;
}

export interface WalkEndEvent {
  readonly type: 'walk-end';
  readonly result: TranslationResult;
}

export type WalkEvent =
  | WalkStartEvent
  | GuestReadEvent
  | NestedReadEvent
  | AdUpdateEvent
  | FaultEvent
  | WalkEndEvent;

/** Receives walk events. Absent in bulk runs, where the walker allocates nothing per access. */
export type EventSink = (event: WalkEvent) => void;
