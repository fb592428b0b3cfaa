/**
 * A link that reproduces the view (docs/scenario-format.md, "Links"): the scenario compressed in
 * the hash, plus the selected access and the cursor: `#z=<base64url of deflate-raw of the JSON>&a=1&step=12`.
 * The older uncompressed form `#s=<base64url of the JSON>` still opens. A symbolic walk has no
 * scenario; its levels stand in: `#n=1&m=3&step=2`.
 *
 * Reading is defensive (docs/robustness.md, "A link that cannot be opened"): the JSON goes through
 * the strict reader, and a compressed scenario that would unpack to more than MAX_INFLATED_BYTES is
 * refused before it is unpacked further (a small link must not fill the memory).
 */
import { deflateSync, Inflate, strToU8 } from 'fflate';
import { readScenarioText } from './scenario-text';

export type LinkState =
  | { readonly scenario: unknown; readonly accessIndex: number; readonly step: number }
  | { readonly levels: { readonly n: number; readonly m: number }; readonly step: number };

/** A compressed scenario unpacks to at most this many bytes of JSON. */
export const MAX_INFLATED_BYTES = 8 * 1024 * 1024;
/** Input fed to the inflater at a time: deflate expands a byte at most ~1,032 times, so one piece stays small. */
const INFLATE_PIECE = 512;

/** What a link carries, for its messages: 'scenario', or 'script' for a hypervisor script. */
type Carried = 'scenario' | 'script';
const damaged = (what: Carried) => `The ${what} in this link is damaged`;

function bytesToBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64UrlToBytes(text: string, what: Carried): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1)
    throw new Error(`${damaged(what)}: it is not base64url text.`);
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function utf8(bytes: Uint8Array, what: Carried): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${damaged(what)}: its text is not UTF-8.`);
  }
}

class UnpacksTooLarge extends Error {}

/** Inflates `packed`, refusing output beyond MAX_INFLATED_BYTES. */
function inflateCapped(packed: Uint8Array, what: Carried): Uint8Array {
  const pieces: Uint8Array[] = [];
  let total = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > MAX_INFLATED_BYTES)
      throw new UnpacksTooLarge(
        `The ${what} in this link would unpack to more than ${MAX_INFLATED_BYTES / 1024 / 1024} MiB; it was not opened.`,
      );
    pieces.push(chunk);
    if (final) done = true;
  });
  try {
    for (let at = 0; at < packed.length; at += INFLATE_PIECE) {
      const end = Math.min(packed.length, at + INFLATE_PIECE);
      inflater.push(packed.subarray(at, end), end === packed.length);
    }
    if (packed.length === 0) inflater.push(packed, true);
  } catch (error) {
    if (error instanceof UnpacksTooLarge) throw error;
    throw new Error(`${damaged(what)}: its compressed data is cut short or corrupt.`, { cause: error });
  }
  if (!done) throw new Error(`${damaged(what)}: its compressed data is cut short.`);
  const out = new Uint8Array(total);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

/** `text` compressed as a link carries it: raw deflate, then base64url. */
export const packText = (text: string): string => bytesToBase64Url(deflateSync(strToU8(text), { level: 9 }));

/** The text `packText` packed; throws an Error naming `what` when it is damaged or unpacks too large. */
export const unpackText = (packed: string, what: Carried): string =>
  utf8(inflateCapped(base64UrlToBytes(packed, what), what), what);

/** The compressed form of a scenario, as it appears after `z=`. */
export const packScenario = (scenario: unknown): string => packText(JSON.stringify(scenario));

export function encodeLink(state: LinkState): string {
  const params = new URLSearchParams();
  if ('levels' in state) {
    params.set('n', String(state.levels.n));
    params.set('m', String(state.levels.m));
  } else {
    params.set('z', packScenario(state.scenario));
    if (state.accessIndex > 0) params.set('a', String(state.accessIndex));
  }
  params.set('step', String(state.step));
  return '#' + params.toString();
}

const count = (text: string | null): number => {
  const n = Number(text);
  return text !== null && Number.isInteger(n) && n >= 0 ? n : 0;
};

function readJson(text: string): unknown {
  try {
    return readScenarioText(text);
  } catch (error) {
    throw new Error(`${damaged('scenario')}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

/**
 * The link state in a hash; null when there is none. Throws an Error saying what is wrong when
 * the scenario part is unreadable. The scenario is JSON, not yet a checked scenario: the caller
 * validates it (by its walk) before it becomes the document.
 */
export function decodeLink(hash: string): LinkState | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const packed = params.get('z');
  const plain = params.get('s');
  const where = { accessIndex: count(params.get('a')), step: count(params.get('step')) };
  if (packed !== null && packed !== '') {
    return { scenario: readJson(unpackText(packed, 'scenario')), ...where };
  }
  if (plain !== null && plain !== '') {
    return { scenario: readJson(utf8(base64UrlToBytes(plain, 'scenario'), 'scenario')), ...where };
  }
  const n = count(params.get('n'));
  const m = count(params.get('m'));
  return n > 0 && m > 0 ? { levels: { n, m }, step: count(params.get('step')) } : null;
}

/** Kept for the old `#s=` form: the scenario as base64url of its JSON, uncompressed. */
export const plainScenario = (scenario: unknown): string =>
  bytesToBase64Url(strToU8(JSON.stringify(scenario)));
