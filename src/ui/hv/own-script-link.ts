/**
 * Opening a link to the reader's own script (docs/hv-scenes.md, "Your own script"): the script in
 * the hash is read and run exactly as "Run in both modes" would; a link whose script is missing,
 * damaged or cannot run opens the first scene with a message, its text (when readable) in the box
 * to repair, and the address bar left as it was.
 */
import { HV_SCENES, type HvScene } from '../../engine';
import { OWN_SCRIPT_ID, scriptFromHash } from '../../state/hv-script-link';
import type { HvLink } from '../../state/hv-url';
import { checkOwnScript } from './OwnScript';
import type { ScriptLinkProblem } from './ScriptLinkNotice';

export interface OwnRun {
  readonly scene: HvScene;
  readonly text: string;
  /** Counts runs, so each one starts a fresh scene store. */
  readonly serial: number;
  /** Playback position to open at. */
  readonly step: number;
}

export interface OpenedLink {
  /** The scene under the picker. */
  readonly sceneId: string;
  readonly own: OwnRun | null;
  readonly problem: ScriptLinkProblem | null;
  /** The script text the link held, for the box; null when it held none. */
  readonly text: string | null;
}

const KEPT =
  'The first scene is shown instead; the address bar still holds the link as it was opened, and any text it held is in “Run your own script”.';

export function ownScriptFromLink(link: HvLink, hash: string): OpenedLink {
  if (link.sceneId !== OWN_SCRIPT_ID) return { sceneId: link.sceneId, own: null, problem: null, text: null };
  const first = HV_SCENES[0]!.id;
  const refused = (message: string, text: string | null): OpenedLink => ({
    sceneId: first,
    own: null,
    problem: { kind: 'damaged', message, note: KEPT },
    text,
  });
  const read = scriptFromHash(hash);
  if (read === null) return refused('This link names a script of your own, but it holds no script.', null);
  if (!read.ok) return refused(`${read.message}`, null);
  const checked = checkOwnScript(read.text);
  if (!checked.ok)
    return refused(`The script in this link cannot run: ${checked.errors.join('; ')}`, read.text);
  return {
    sceneId: first,
    own: { scene: checked.scene, text: read.text, serial: 0, step: link.step },
    problem: null,
    text: read.text,
  };
}
