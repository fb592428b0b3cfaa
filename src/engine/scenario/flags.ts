/**
 * The builder's flag words: guest `flags` ("rw user nx global pwt pcd np") and nested `perms`
 * ("rwx", "r-x wb", "w uc" …). Tokens are separated by spaces (commas and `|` are accepted too).
 */
import { z } from 'zod';
import { describeValue } from './errors';

export interface GuestFlags {
  readonly rw: boolean;
  readonly user: boolean;
  readonly nx: boolean;
  readonly global: boolean;
  readonly pwt: boolean;
  readonly pcd: boolean;
  /** Not present: the leaf is written with P = 0 (its address bits still filled in). */
  readonly np: boolean;
}

export interface NestedPerms {
  readonly r: boolean;
  readonly w: boolean;
  readonly x: boolean;
  /** EPT leaf memory type, bits 5:3 (0 UC, 1 WC, 4 WT, 5 WP, 6 WB). Unused by AMD NPT. */
  readonly memoryType: number;
  /** EPT leaf bit 6 "ignore PAT". */
  readonly ignorePat: boolean;
}

const GUEST_FLAG_NAMES = ['rw', 'user', 'nx', 'global', 'pwt', 'pcd', 'np'] as const;
export const MEMORY_TYPES: Readonly<Record<string, number>> = { uc: 0, wc: 1, wt: 4, wp: 5, wb: 6 };
const MEMORY_TYPE_WB = 6;

const tokensOf = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[\s,|]+/)
    .filter((token) => token !== '');

export function readGuestFlags(input: unknown): GuestFlags | string {
  if (typeof input !== 'string') {
    return `expected a string of flags from "${GUEST_FLAG_NAMES.join(' ')}", got ${describeValue(input)}`;
  }
  const flags: Record<string, boolean> = Object.fromEntries(GUEST_FLAG_NAMES.map((name) => [name, false]));
  for (const token of tokensOf(input)) {
    if (!(token in flags)) {
      return `unknown flag "${token}": expected any of "${GUEST_FLAG_NAMES.join(' ')}"`;
    }
    flags[token] = true;
  }
  return flags as unknown as GuestFlags;
}

/** An empty string means no permission at all (a not-present entry); absent perms mean "rwx wb". */
export function readNestedPerms(input: unknown): NestedPerms | string {
  if (typeof input !== 'string') {
    return `expected a string like "rwx wb" (any of r w x, optionally one of uc wc wt wp wb, ipat), got ${describeValue(input)}`;
  }
  let r = false;
  let w = false;
  let x = false;
  let memoryType: number | undefined;
  let ignorePat = false;
  for (const token of tokensOf(input)) {
    const type = MEMORY_TYPES[token];
    if (type !== undefined) {
      if (memoryType !== undefined && memoryType !== type) return `more than one memory type in "${input}"`;
      memoryType = type;
    } else if (token === 'ipat') {
      ignorePat = true;
    } else if (token === 'none' || /^[rwx-]+$/.test(token)) {
      r ||= token.includes('r');
      w ||= token.includes('w');
      x ||= token.includes('x');
    } else {
      return `unknown permission "${token}": expected any of r w x, one memory type of uc wc wt wp wb, or ipat`;
    }
  }
  return { r, w, x, memoryType: memoryType ?? MEMORY_TYPE_WB, ignorePat };
}

/** A present, supervisor, read-only, executable page. */
export const DEFAULT_GUEST_FLAGS = readGuestFlags('') as GuestFlags;
/** Read, write and execute; write-back. */
export const DEFAULT_NESTED_PERMS = readNestedPerms('rwx') as NestedPerms;

const flagSchema = <T>(read: (input: unknown) => T | string) =>
  z.unknown().transform((input, ctx) => {
    const result = read(input);
    if (typeof result === 'string') {
      ctx.addIssue({ code: 'custom', message: result, input });
      return z.NEVER;
    }
    return result;
  });

export const guestFlagsSchema = () => flagSchema(readGuestFlags).optional();
export const nestedPermsSchema = () => flagSchema(readNestedPerms).optional();
