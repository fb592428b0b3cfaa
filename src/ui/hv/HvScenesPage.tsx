/**
 * The scenes page (`?hv=<scene-id>&step=<k>`): a picker of every scene, a link back to the walk
 * view, and the scene itself; the URL follows the scene and the step. A script of the reader's own
 * is kept in the link's hash (docs/hv-scenes.md, "Your own script").
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { HV_SCENES, hvSceneById, type HvScene as Scene } from '../../engine';
import type { HvSceneStoreOptions } from '../../state/hv-scene-store';
import { OWN_SCRIPT_ID, scriptHash, scriptTooLong } from '../../state/hv-script-link';
import { withHvLink, withoutHvLink, type HvLink } from '../../state/hv-url';
import { presenterInUrl } from '../hooks/usePresenterUrl';
import { HvScene, HvSceneFrame } from './HvScene';
import { OwnScript } from './OwnScript';
import { ScriptLinkNotice, type ScriptLinkProblem } from './ScriptLinkNotice';
import { ownScriptFromLink, type OwnRun } from './own-script-link';
import '../app.css';
import '../presenter.css';

/** A file name for a script: its name in lower case with dashes, else "script". */
const scriptFileName = (scene: Scene): string =>
  (scene.title
    .replace(/^Your script:?\s*/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'script') + '.json';

export function HvScenesPage({ link }: { link: HvLink }) {
  // Read once: a link to the reader's own script, restored or refused.
  const [opened] = useState(() => ownScriptFromLink(link, window.location.hash));
  const [sceneId, setSceneId] = useState(opened.sceneId);
  // A script of the reader's own, once it has run; cleared by picking a scene.
  const [own, setOwn] = useState<OwnRun | null>(opened.own);
  const [problem, setProblem] = useState<ScriptLinkProblem | null>(opened.problem);
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    root.dataset.presenter = String(presenterInUrl(window.location.search));
  }, []);
  // The step and the options of the scene on screen, and the own script's hash, as the URL should hold them.
  const current = useRef<HvLink>(link);
  const hash = useRef(opened.own ? window.location.hash : '');
  const writeUrl = useCallback((next: HvLink, nextHash = hash.current) => {
    current.current = next;
    hash.current = nextHash;
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', pathname + withHvLink(search, next) + nextHash);
  }, []);
  const onStep = useCallback((cursor: number) => writeUrl({ ...current.current, step: cursor }), [writeUrl]);
  const onOptions = useCallback(
    (options: HvSceneStoreOptions) =>
      writeUrl({
        ...current.current,
        start: options.start,
        tdpMode: options.tdpMode === 'npt' ? 'npt' : undefined,
      }),
    [writeUrl],
  );
  const runOwn = (scene: Scene, text: string) => {
    setOwn((prev) => ({ scene, text, serial: (prev?.serial ?? 0) + 1, step: 0 }));
    const packed = scriptHash(text);
    if (packed.fits) {
      setProblem(null);
      writeUrl({ sceneId: OWN_SCRIPT_ID, step: 0 }, packed.hash);
    } else {
      // The address bar keeps the scene the script replaced; the script is offered as a file.
      setProblem({ kind: 'too-long', ...scriptTooLong(packed.chars), text, name: scriptFileName(scene) });
      writeUrl({ sceneId, step: 0 }, '');
    }
  };
  const walkHref = window.location.pathname + withoutHvLink(window.location.search);
  return (
    <div className="app hv-page">
      <header className="app-header">
        <h1>
          nestwalk <span className="subtitle">— the hypervisor’s side</span>
        </h1>
        <label className="hv-picker">
          Scene{' '}
          <select
            value={own ? OWN_SCRIPT_ID : sceneId}
            onChange={(e) => {
              if (e.target.value === OWN_SCRIPT_ID) return;
              setOwn(null);
              setSceneId(e.target.value);
              writeUrl({ sceneId: e.target.value, step: 0 }, '');
            }}
          >
            {HV_SCENES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
            {own && <option value={OWN_SCRIPT_ID}>{own.scene.title}</option>}
          </select>
        </label>
        <a href={walkHref}>Back to the walk view</a>
      </header>
      <main>
        {problem && <ScriptLinkNotice problem={problem} onDismiss={() => setProblem(null)} />}
        {own ? (
          <HvSceneFrame
            key={`own-${own.serial}`}
            scene={own.scene}
            step={own.step}
            onStep={hash.current ? onStep : undefined}
            options={own.serial === 0 ? { start: link.start, tdpMode: link.tdpMode } : undefined}
            onOptions={hash.current ? onOptions : undefined}
          />
        ) : (
          <HvScene
            key={sceneId}
            sceneId={sceneId}
            step={sceneId === link.sceneId ? link.step : 0}
            onStep={onStep}
            options={sceneId === link.sceneId ? { start: link.start, tdpMode: link.tdpMode } : undefined}
            onOptions={onOptions}
          />
        )}
        <OwnScript
          key={`script-of-${sceneId}`}
          initial={
            (sceneId === opened.sceneId && opened.text) ||
            JSON.stringify(hvSceneById(sceneId)?.script ?? {}, null, 2)
          }
          onRun={runOwn}
        />
      </main>
    </div>
  );
}
