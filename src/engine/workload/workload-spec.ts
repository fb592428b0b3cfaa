/** Workloads as plain data (structured-clone safe, for a worker request) and their streams. */
import { ACCESS_FETCH, ACCESS_READ, ACCESS_WRITE, type AccessKind } from '../vocabulary';
import type { AddressStream } from './address-stream';
import { PointerChaseStream } from './pointer-chase';
import { StrideStream } from './stride-scan';
import { parseTrace, type ParsedTrace } from './trace-parse';
import { TraceStream } from './trace-stream';
import { UniformRandomStream } from './uniform-random';

export type WorkloadSpec =
  /** Random cyclic list of heap / objectBytes objects (default 64 B). */
  | { readonly type: 'pointer-chase'; readonly objectBytes?: number }
  /** Consecutive elements (default 64 B: one cache line each). */
  | { readonly type: 'sequential'; readonly elementBytes?: number; readonly kind?: AccessKind }
  | { readonly type: 'stride'; readonly strideBytes: number; readonly kind?: AccessKind }
  /** Independent uniform offsets aligned to alignBytes (default 64). */
  | { readonly type: 'uniform'; readonly alignBytes?: number; readonly kind?: AccessKind }
  /** A trace as text (see trace-parse.ts) or already parsed; its addresses are used as they are. */
  | { readonly type: 'trace'; readonly trace: string | ParsedTrace };

const KIND_CODE: Record<AccessKind, number> = { read: ACCESS_READ, write: ACCESS_WRITE, fetch: ACCESS_FETCH };

export function createStream(
  spec: WorkloadSpec,
  heapBase: number,
  heapBytes: number,
  seed: number,
): AddressStream {
  switch (spec.type) {
    case 'pointer-chase':
      return new PointerChaseStream(heapBase, heapBytes, spec.objectBytes ?? 64, seed);
    case 'sequential':
      return new StrideStream(heapBase, heapBytes, spec.elementBytes ?? 64, KIND_CODE[spec.kind ?? 'read']);
    case 'stride':
      return new StrideStream(heapBase, heapBytes, spec.strideBytes, KIND_CODE[spec.kind ?? 'read']);
    case 'uniform':
      return new UniformRandomStream(
        heapBase,
        heapBytes,
        spec.alignBytes ?? 64,
        seed,
        KIND_CODE[spec.kind ?? 'read'],
      );
    case 'trace':
      return new TraceStream(typeof spec.trace === 'string' ? parseTrace(spec.trace) : spec.trace);
  }
}
