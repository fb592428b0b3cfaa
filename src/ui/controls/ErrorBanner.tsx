/**
 * Says what went wrong and where, and what became of the user's work (the error's note, set only
 * where it is true: docs/robustness.md).
 */
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../hooks/app-store-context';
import { downloadJson, fileName } from './file-io';

const TITLES = {
  scenario: 'The scenario has problems',
  engine: 'The engine failed',
  worker: 'The walk engine stopped',
  network: 'Could not load',
  file: 'Could not import',
  link: 'Link problem',
  restarted: 'The walk engine was restarted',
  'too-long': 'Too large for a link',
} as const;

export function ErrorBanner() {
  const { error, canRetry, dismiss, walk, scenario } = useAppStore(
    useShallow((s) => ({
      error: s.error,
      scenario: s.scenario,
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
      {error.note && <p className="error-note">{error.note}</p>}
      <div className="error-actions">
        {error.kind === 'worker' && canRetry && (
          <button type="button" onClick={() => void walk()}>
            Walk again
          </button>
        )}
        {error.kind === 'too-long' && scenario && (
          <button type="button" onClick={() => downloadJson(scenario, fileName(scenario))}>
            Download scenario file
          </button>
        )}
        <button type="button" onClick={dismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
