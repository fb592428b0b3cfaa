/** Says what went wrong and where; the user's scenario and the last good walk stay on screen. */
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
  const error = useAppStore((s) => s.error);
  const dismiss = useAppStore((s) => s.dismissError);
  const hasTrace = useAppStore((s) => s.trace !== null);
  if (!error) return null;
  return (
    <div className="error-banner" role="alert">
      <strong>{TITLES[error.kind]}.</strong>
      <pre className="error-message">{error.message}</pre>
      {hasTrace && (
        <p className="error-note">Your edits are kept; the view still shows the last walk that worked.</p>
      )}
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
