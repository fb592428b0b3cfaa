/** AMD nested paging rules (APM Vol. 2 §15.25); the pinned choices are in docs/hardware-rules.md. */
import { describe, expect, it } from 'vitest';
import { setup2D, VA, DATA_GPA, HOST_OFFSET } from './setup-2d';
import { walk } from './fixture';
import { expectOutcome } from '../result-narrowing';

const P = 1,
  RW = 2,
  US = 4;
const FINAL = 2 ** 32,
  GUEST_TABLE = 2 ** 33;

describe('AMD nested paging', () => {
  it('the same 2D walk: 24 references for a 4-level guest on a 4-level nested table', () => {
    const s = setup2D({ npt: true });
    const { result } = walk(s.config, s.tables.memory, VA);
    expectOutcome(result, 'ok');
    expect(result).toMatchObject({ mode: 'npt', pa: DATA_GPA + HOST_OFFSET + 0x123 });
    expect(result.references).toHaveLength(24);
  });

  it('guest page-table accesses are user-mode writes: a read-only nested mapping of a table faults (bit 33)', () => {
    const s = setup2D({ npt: true, eptTableFlags: P | US });
    const { result } = walk(s.config, s.tables.memory, VA);
    expectOutcome(result, 'nested-page-fault');
    expect(result).toMatchObject({ faultGpa: 0x1000 + 0xff * 8 });
    expect(result.exitInfo1).toBe(GUEST_TABLE + (P | RW | US));
  });

  it('nested entries must be user: a supervisor nested page faults even for a read', () => {
    const s = setup2D({ npt: true, eptLeafFlags: P | RW });
    const { result } = walk(s.config, s.tables.memory, VA);
    expectOutcome(result, 'nested-page-fault');
    expect(result.exitInfo1).toBe(FINAL + (P | US));
  });

  it('a not-present nested entry for the data page: P clear, bit 32 set', () => {
    const s = setup2D({ npt: true, eptLeafFlags: 0 });
    const { result } = walk(s.config, s.tables.memory, VA, 'write');
    expectOutcome(result, 'nested-page-fault');
    expect(result.exitInfo1).toBe(FINAL + (RW | US));
  });

  it('NX in a nested entry is reserved when the host runs with EFER.NXE = 0', () => {
    const s = setup2D({ npt: true });
    const config = { ...s.config, npt: { ...s.config.npt!, nxe: false } };
    s.tables.memory.load(0x5000_0000); // nested PML4E 0
    s.tables.memory.store(0x5000_0000, s.tables.memory.lo, 0x8000_0000);
    const { result } = walk(config, s.tables.memory, VA);
    expectOutcome(result, 'nested-page-fault');
    expect(result.exitInfo1).toBe(GUEST_TABLE + (P | RW | US | 8));
  });
});
