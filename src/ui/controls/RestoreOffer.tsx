/**
 * Offers back the work saved on an earlier visit: which scenario, where in it, and when. A saved
 * copy that could not be read is reported instead, with why and where it is kept.
 */
import type { Autosave } from '../hooks/useAutosave';
import { DAMAGED_WORK_KEY } from '../../state/saved-work';

const when = (ms: number): string =>
  new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function DamagedNotice({ reason, dismiss }: { reason: string; dismiss: () => void }) {
  return (
    <section className="restore-offer" role="alert" aria-label="Saved work could not be read">
      <p>
        Work saved in this browser by an earlier visit could not be read, so it was not opened: {reason}. Its
        text is kept in this browser&apos;s local storage under <code>{DAMAGED_WORK_KEY}</code>; what you do
        now is saved as usual.
      </p>
      <div className="error-actions">
        <button type="button" onClick={dismiss}>
          Dismiss
        </button>
      </div>
    </section>
  );
}

export function RestoreOffer({ autosave }: { autosave: Autosave }) {
  const { offer, restore, discard, damaged, dismissDamaged } = autosave;
  if (damaged !== null) return <DamagedNotice reason={damaged.reason} dismiss={dismissDamaged} />;
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
