/**
 * A link that reproduces the view: the scenario as base64url JSON in the hash, plus the selected
 * access and the cursor: `#s=<base64url>&a=1&step=12`. A symbolic walk has no scenario; its
 * levels stand in: `#n=1&m=3&step=2`.
 */
export type LinkState =
  | { readonly scenario: unknown; readonly accessIndex: number; readonly step: number }
  | { readonly levels: { readonly n: number; readonly m: number }; readonly step: number };

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function encodeLink(state: LinkState): string {
  const params = new URLSearchParams();
  if ('levels' in state) {
    params.set('n', String(state.levels.n));
    params.set('m', String(state.levels.m));
  } else {
    params.set('s', toBase64Url(JSON.stringify(state.scenario)));
    if (state.accessIndex > 0) params.set('a', String(state.accessIndex));
  }
  params.set('step', String(state.step));
  return '#' + params.toString();
}

const count = (text: string | null): number => {
  const n = Number(text);
  return text !== null && Number.isInteger(n) && n >= 0 ? n : 0;
};

/** The link state in a hash; null when there is none. Throws when the scenario part is unreadable. */
export function decodeLink(hash: string): LinkState | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const encoded = params.get('s');
  if (encoded === null || encoded === '') {
    const n = count(params.get('n'));
    const m = count(params.get('m'));
    return n > 0 && m > 0 ? { levels: { n, m }, step: count(params.get('step')) } : null;
  }
  let scenario: unknown;
  try {
    scenario = JSON.parse(fromBase64Url(encoded));
  } catch {
    throw new Error('The scenario in this link is damaged: it is not base64url-encoded JSON.');
  }
  return { scenario, accessIndex: count(params.get('a')), step: count(params.get('step')) };
}
