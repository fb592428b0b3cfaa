/**
 * A script of the reader's own in the scenes page's link (docs/hv-scenes.md, "Your own script"):
 * `?hv=own-script&step=k#script=<base64url of raw deflate of the text>`, compressed as scenario
 * links are (docs/scenario-format.md, "Links"). The text is kept exactly as it was typed. A
 * compressed script longer than the link cap is not written; the page offers the file instead.
 */
import { linkFits, MAX_LINK_CHARS } from './link-size';
import { packText, unpackText } from './url-codec';

/** The scene id a link to the reader's own script carries. */
export const OWN_SCRIPT_ID = 'own-script';
const SCRIPT_PARAM = 'script';

export type ScriptHash =
  { readonly fits: true; readonly hash: string } | { readonly fits: false; readonly chars: number };

/** The hash that holds `text`, or its length when that is over the link cap. */
export function scriptHash(text: string): ScriptHash {
  const hash = `#${SCRIPT_PARAM}=${packText(text)}`;
  return linkFits(hash) ? { fits: true, hash } : { fits: false, chars: hash.length };
}

/** The script text in `hash`; null when it holds none; an Error's message when it is damaged. */
export function scriptFromHash(
  hash: string,
): { ok: true; text: string } | { ok: false; message: string } | null {
  const packed = new URLSearchParams(hash.replace(/^#/, '')).get(SCRIPT_PARAM);
  if (packed === null || packed === '') return null;
  try {
    return { ok: true, text: unpackText(packed, 'script') };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

const kib = (chars: number): string => `${Math.ceil(chars / 1024)} KiB`;

/** What the page says when a script is too large for its link. */
export const scriptTooLong = (chars: number) => ({
  message:
    `Your script is too large for a link: compressed it takes ${kib(chars)}, and links longer than ` +
    `${kib(MAX_LINK_CHARS)} may not open. The address bar still points at the scene you started from.`,
  note: 'Nothing was lost: your script is running below and its text is in “Run your own script”. To share it, download it as a file.',
});
