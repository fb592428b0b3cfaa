/**
 * What the banner says when a loaded document is refused (docs/robustness.md): which file or link,
 * what was wrong, and — true by construction, since nothing refused ever becomes the document —
 * that the scenario on screen is unchanged.
 */
import type { AppError } from './app-state';

const IMPORT_PREFIX = 'import: ';

export const UNCHANGED_NOTE = 'Nothing was imported: the scenario on screen is unchanged.';
export const LINK_FALLBACK_NOTE =
  'The link was not opened: the first preset is shown instead, and the address bar keeps the link as it was.';

/** The banner for `error`, met while loading a document from `source` (see ScenarioSlice.source). */
export function refusal(source: string, error: AppError): AppError {
  if (source.startsWith(IMPORT_PREFIX)) {
    const file = source.slice(IMPORT_PREFIX.length);
    return { ...error, kind: 'file', message: `${file}: ${error.message}`, note: UNCHANGED_NOTE };
  }
  if (source === 'link') {
    return {
      ...error,
      kind: 'link',
      message: `The scenario in this link has problems.\n${error.message}`,
      note: LINK_FALLBACK_NOTE,
      sticky: true,
    };
  }
  return { ...error, note: 'It was not loaded: the scenario on screen is unchanged.' };
}

/** A successful walk clears the banner, unless it must stay until dismissed. */
export const afterSuccess = (error: AppError | null): AppError | null => (error?.sticky ? error : null);

/**
 * The banner after a walk that needed a fresh engine (docs/robustness.md): what happened, and that
 * nothing was lost. A message that must stay until dismissed wins.
 */
export function restartedNotice(reason: string, shown: AppError | null): AppError {
  if (shown?.sticky) return shown;
  return {
    kind: 'restarted',
    message: `The walk engine stopped (${reason}). A new one was started and the walk ran again.`,
    paths: [],
    note: 'Nothing was lost: your scenario, your edits and your place in the walk are kept.',
  };
}
