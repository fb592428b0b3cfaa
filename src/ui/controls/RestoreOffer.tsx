/** Offers back the work saved on an earlier visit: which scenario, where in it, and when. */
import type { Autosave } from '../hooks/useAutosave';

const when = (ms: number): string =>
  new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function RestoreOffer({ autosave }: { autosave: Autosave }) {
  const { offer, restore, discard } = autosave;
  if (offer === null) return null;
  const name = typeof offer.scenario.name === 'string' ? offer.scenario.name : 'an untitled scenario';
  const access = offer.accessIndex > 0 ? `access ${offer.accessIndex + 1}, ` : '';
  return (
    <section className="restore-offer" aria-label="Unsaved work">
      <p>
        Your work from {when(offer.savedAt)} was saved in this browser: <strong>{name}</strong> ({access}
        step {offer.cursor}). Restore it? Until you choose, it is kept and new changes are not saved over it.
      </p>
      <div className="error-actions">
        <button type="button" onClick={restore}>
          Restore
        </button>
        <button type="button" onClick={discard}>
          Discard
        </button>
      </div>
    </section>
  );
}
