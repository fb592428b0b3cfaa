/**
 * Keeps the page's hash in step with the view (scenario, access, cursor) so a copied link
 * reproduces it. replaceState: stepping through a walk should not fill the history. A burst of
 * changes is written once, shortly after it starts: replaceState with a long hash costs close to a
 * millisecond, which a step (a frame's work) should not pay. A link too long to open is not
 * written: the address bar drops its hash and the banner offers the file (docs/robustness.md).
 */
import { useEffect } from 'react';
import type { AppStore } from '../../state/create-app-store';
import { encodeLink } from '../../state/url-codec';
import { linkFits, linkTooLong } from '../../state/link-size';

/** The hash trails the view by at most this much. */
const WRITE_DELAY_MS = 200;

export function useUrlSync(store: AppStore): void {
  useEffect(() => {
    let last = '';
    let tooLongFor: unknown = null;
    const write = () => {
      const { scenario, accessIndex, cursor, trace, source, abstractN, abstractM, error } = store.getState();
      if (!trace) return;
      // The damaged link stays in the address bar while its message is up, so it can be copied.
      if (error?.kind === 'link' && error.sticky) return;
      const hash = scenario
        ? encodeLink({ scenario, accessIndex, step: cursor })
        : source === 'abstract'
          ? encodeLink({ levels: { n: abstractN, m: abstractM }, step: cursor })
          : null;
      if (hash === null) return;
      if (hash === last) return;
      last = hash;
      if (!linkFits(hash)) {
        const { pathname, search } = window.location;
        window.history.replaceState(window.history.state, '', pathname + search);
        // Said once per document: stepping through the same walk does not raise it again.
        if (tooLongFor !== scenario) {
          const { kind, message, note } = linkTooLong(hash.length);
          store.getState().reportError(kind, message, { note });
        }
        tooLongFor = scenario;
        return;
      }
      window.history.replaceState(window.history.state, '', hash);
    };
    write();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = store.subscribe((s, prev) => {
      if (
        timer === null &&
        (s.scenario !== prev.scenario ||
          s.accessIndex !== prev.accessIndex ||
          s.cursor !== prev.cursor ||
          s.trace !== prev.trace ||
          s.error !== prev.error)
      ) {
        timer = setTimeout(() => {
          timer = null;
          write();
        }, WRITE_DELAY_MS);
      }
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [store]);
}
