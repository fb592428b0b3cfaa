/**
 * What became of the link to the reader's own script (docs/hv-scenes.md, "Your own script"): too
 * large for a link (with the file offered instead), or a link whose script could not be opened.
 * Stays until dismissed.
 */
import { saveText } from '../export/files';

export type ScriptLinkProblem =
  | {
      readonly kind: 'too-long';
      readonly message: string;
      readonly note: string;
      readonly text: string;
      readonly name: string;
    }
  | { readonly kind: 'damaged'; readonly message: string; readonly note: string };

const TITLES = { 'too-long': 'Too large for a link', damaged: 'Link problem' } as const;

export function ScriptLinkNotice({
  problem,
  onDismiss,
}: {
  problem: ScriptLinkProblem;
  onDismiss: () => void;
}) {
  return (
    <div className="error-banner" role="alert">
      <strong>{TITLES[problem.kind]}.</strong>
      <p className="error-message">{problem.message}</p>
      <p className="error-note">{problem.note}</p>
      <div className="error-actions">
        {problem.kind === 'too-long' && (
          <button type="button" onClick={() => saveText(problem.text, problem.name, 'application/json')}>
            Download script file
          </button>
        )}
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
