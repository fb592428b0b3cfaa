/** Says what went wrong and where; the user's scenario and the last good walk stay on screen. */
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../hooks/app-store-context';

const TITLES = {
  scenario: 'The scenario has problems',
  engine: 'The engine failed',
  worker: 'The walk engine stopped',
  network: 'Could not load',
  file: 'Could not import',
  link: 'Link problem',
} as const;

export function ErrorBanner() {
  const { error, hasTrace, canRetry, dismiss, walk } = useAppStore(
    useShallow((s) => ({
      error: s.error,
      hasTrace: s.trace !== null,
      canRetry: s.scenario !== null && !s.walking,
      dismiss: s.dismissError,
      walk: s.walk,
    })),
  );
  if (!error) return null;
  return (
    <div className="error-banner" role="alert">
      <strong>{TITLES[error.kind]}.</strong>
      <pre className="error-message">{error.message}</pre>
      {hasTrace && (
        <p className="error-note">Your edits are kept; the view still shows the last walk that worked.</p>
      )}
      <div className="error-actions">
        {error.kind === 'worker' && canRetry && (
          <button type="button" onClick={() => void walk()}>
            Walk again
          </button>
        )}
        <button type="button" onClick={dismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
