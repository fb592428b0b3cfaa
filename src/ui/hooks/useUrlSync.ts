/**
 * Keeps the page's hash in step with the view (scenario, access, cursor) so a copied link
 * reproduces it. replaceState: stepping through a walk should not fill the history.
 */
import { useEffect } from 'react';
import type { AppStore } from '../../state/create-app-store';
import { encodeLink } from '../../state/url-codec';

export function useUrlSync(store: AppStore): void {
  useEffect(() => {
    let last = '';
    const write = () => {
      const { scenario, accessIndex, cursor, trace, source, abstractN, abstractM } = store.getState();
      if (!trace) return;
      const hash = scenario
        ? encodeLink({ scenario, accessIndex, step: cursor })
        : source === 'abstract'
          ? encodeLink({ levels: { n: abstractN, m: abstractM }, step: cursor })
          : null;
      if (hash === null) return;
      if (hash === last) return;
      last = hash;
      window.history.replaceState(window.history.state, '', hash);
    };
    write();
    return store.subscribe((s, prev) => {
      if (
        s.scenario !== prev.scenario ||
        s.accessIndex !== prev.accessIndex ||
        s.cursor !== prev.cursor ||
        s.trace !== prev.trace
      ) {
        write();
      }
    });
  }, [store]);
}
