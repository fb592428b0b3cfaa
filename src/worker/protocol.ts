/**
 * What crosses the worker boundary. Everything here is structured-clone safe: plain objects,
 * arrays, strings and numbers. Scenario problems are answers, not exceptions, so the UI can show
 * them next to the user's (kept) work.
 */
import type { CacheSnapshot } from '../engine';
import type { WalkEvent } from '../engine';
import type { Trace, TraceWord } from '../engine/scenario';

/** One `{ addr, value }` word of (host-)physical memory, as in the scenario and trace JSON. */
export type MemoryWord = TraceWord;

/** The trace JSON of the contract: one result per access, then memory after the run. */
export type TraceJson = Trace;

export type WalkErrorKind = 'scenario' | 'engine' | 'worker';

export interface WalkError {
  readonly kind: WalkErrorKind;
  /** One message the user can read, naming the JSON paths of the bad fields. */
  readonly message: string;
  /** JSON paths of the bad fields (scenario errors), e.g. `accesses[0].va`. */
  readonly paths: readonly string[];
}

export type Reply<T> = ({ readonly ok: true } & T) | { readonly ok: false; readonly error: WalkError };

export interface WalkOutput {
  readonly trace: TraceJson;
  /** One event list per access, in order. */
  readonly events: readonly (readonly WalkEvent[])[];
  /** The translation caches as each access's event list began (one per list; empty structures: none). */
  readonly cacheSnapshots?: readonly CacheSnapshot[];
}

export type WalkReply = Reply<WalkOutput>;
/** The memory words a scenario starts with (given plus builder-written), before any access. */
export type MemoryImageReply = Reply<{ readonly memory: readonly MemoryWord[] }>;

/** The API the worker exposes; the client returns the same answers as promises. */
export interface WalkApi {
  walk(scenarioJson: unknown): WalkReply;
  memoryImage(scenarioJson: unknown): MemoryImageReply;
}
