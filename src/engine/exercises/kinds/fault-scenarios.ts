/**
 * Scenarios that end in a chosen way — success, a guest #PF of a given cause, #GP, an EPT
 * violation or misconfiguration — for the fault exercises. Only the setup is chosen here; what
 * actually happens (outcome, error code, exit qualification) is read from the engine's trace.
 */
import type { Prng } from '../../workload/prng';
import {
  pick,
  randomEptShape,
  scenarioDocument,
  singleMappingParts,
  type AccessDoc,
  type ScenarioParts,
  type WalkShape,
} from '../random-walk-scenario';

export const GUEST_FAULT_CAUSES = ['not-present', 'write-read-only', 'user-supervisor', 'nx-fetch'] as const;
export const EPT_VIOLATION_CAUSES = [
  'data-not-writable',
  'data-not-executable',
  'data-not-present',
  'table-not-mapped',
] as const;
export const FAULT_CAUSES = [
  'none',
  ...GUEST_FAULT_CAUSES,
  'non-canonical',
  ...EPT_VIOLATION_CAUSES,
  'misconfigured',
] as const;
export type FaultCause = (typeof FAULT_CAUSES)[number];

export interface FaultSetup {
  /** The guest leaf's flags, the access, and the EPT permissions of the data page. */
  readonly flags: string;
  readonly kind: AccessDoc['kind'];
  readonly cpl: 0 | 3;
  readonly dataPerms: string;
  /** What the setup says in words (the question shows it). */
  readonly story: string;
}

function setupOf(prng: Prng, cause: FaultCause): FaultSetup {
  const kind = pick(prng, ['read', 'write'] as const);
  switch (cause) {
    case 'not-present':
      return { flags: 'np', kind, cpl: 3, dataPerms: 'rwx', story: 'The guest leaf entry has P = 0.' };
    case 'write-read-only':
      return {
        flags: 'user',
        kind: 'write',
        cpl: pick(prng, [0, 3] as const),
        dataPerms: 'rwx',
        story: 'The guest page is user, read-only (R/W = 0), CR0.WP = 1.',
      };
    case 'user-supervisor':
      return {
        flags: 'rw',
        kind,
        cpl: 3,
        dataPerms: 'rwx',
        story: 'The guest page is supervisor-only (U/S = 0).',
      };
    case 'nx-fetch':
      return {
        flags: 'rw user nx',
        kind: 'fetch',
        cpl: 3,
        dataPerms: 'rwx',
        story: 'The guest page has XD = 1, EFER.NXE = 1.',
      };
    case 'data-not-writable':
      return {
        flags: 'rw user',
        kind: 'write',
        cpl: 3,
        dataPerms: 'rx',
        story: 'The EPT maps the data page read + execute (W = 0).',
      };
    case 'data-not-executable':
      return {
        flags: 'rw user',
        kind: 'fetch',
        cpl: 3,
        dataPerms: 'rw',
        story: 'The EPT maps the data page read + write (X = 0).',
      };
    case 'data-not-present':
      return {
        flags: 'rw user',
        kind,
        cpl: 3,
        dataPerms: '',
        story: 'The EPT entry of the data page has R = W = X = 0.',
      };
    case 'misconfigured':
      return {
        flags: 'rw user',
        kind,
        cpl: 3,
        dataPerms: 'w',
        story: 'The EPT maps the data page write-only (W = 1, R = 0).',
      };
    case 'table-not-mapped':
      return {
        flags: 'rw user',
        kind,
        cpl: 3,
        dataPerms: 'rwx',
        story: 'The EPT leaves one of the guest page-table pages unmapped.',
      };
    default:
      return {
        flags: 'rw user',
        kind: pick(prng, ['read', 'write', 'fetch'] as const),
        cpl: 3,
        dataPerms: 'rwx',
        story: 'The guest page is user, writable, executable; the EPT maps it RWX.',
      };
  }
}

export interface FaultScenario {
  readonly scenario: Record<string, unknown>;
  readonly setup: FaultSetup;
  readonly access: AccessDoc;
  readonly shape: WalkShape;
}

export function faultScenario(prng: Prng, cause: FaultCause): FaultScenario {
  const shape = randomEptShape(prng);
  const setup = setupOf(prng, cause);
  const parts = singleMappingParts(prng, shape, { ...setup, name: 'How does it end?' });
  let finalParts: ScenarioParts = parts;
  if (cause === 'table-not-mapped') {
    // The guest tables come first in the nested list: drop the one covering the last table frame.
    const tables = parts.nestedMappings.slice(0, -1);
    finalParts = { ...parts, nestedMappings: [...tables.slice(0, -1), ...parts.nestedMappings.slice(-1)] };
  }
  if (cause === 'non-canonical') {
    const access = parts.accesses[0] as AccessDoc;
    finalParts = { ...parts, accesses: [{ ...access, va: access.va ^ (1n << 52n) }] };
  }
  return {
    scenario: scenarioDocument(finalParts),
    setup,
    access: finalParts.accesses[0] as AccessDoc,
    shape,
  };
}
