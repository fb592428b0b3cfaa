/**
 * The scenes page (`?hv=<scene-id>&step=<k>`): a picker of every scene, a link back to the walk
 * view, and the scene itself; the URL follows the scene and the step.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { HV_SCENES, hvSceneById, type HvScene as Scene } from '../../engine';
import type { HvSceneStoreOptions } from '../../state/hv-scene-store';
import { withHvLink, withoutHvLink, type HvLink } from '../../state/hv-url';
import { presenterInUrl } from '../hooks/usePresenterUrl';
import { HvScene, HvSceneFrame } from './HvScene';
import { OwnScript } from './OwnScript';
import '../app.css';
import '../presenter.css';

export function HvScenesPage({ link }: { link: HvLink }) {
  const [sceneId, setSceneId] = useState(link.sceneId);
  // A script of the reader's own, once it has run; cleared by picking a scene.
  const [own, setOwn] = useState<{ scene: Scene; serial: number } | null>(null);
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    root.dataset.presenter = String(presenterInUrl(window.location.search));
  }, []);
  // The step and the options of the scene on screen, as the URL should hold them.
  const current = useRef<HvLink>(link);
  const writeUrl = useCallback((next: HvLink) => {
    current.current = next;
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', pathname + withHvLink(search, next));
  }, []);
  const onStep = useCallback(
    (cursor: number) => writeUrl({ ...current.current, sceneId, step: cursor }),
    [sceneId, writeUrl],
  );
  const onOptions = useCallback(
    (options: HvSceneStoreOptions) =>
      writeUrl({
        ...current.current,
        sceneId,
        start: options.start,
        tdpMode: options.tdpMode === 'npt' ? 'npt' : undefined,
      }),
    [sceneId, writeUrl],
  );
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
            value={sceneId}
            onChange={(e) => {
              setOwn(null);
              setSceneId(e.target.value);
              writeUrl({ sceneId: e.target.value, step: 0 });
            }}
          >
            {HV_SCENES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
        <a href={walkHref}>Back to the walk view</a>
      </header>
      <main>
        {own ? (
          <HvSceneFrame key={`own-${own.serial}`} scene={own.scene} />
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
          initial={JSON.stringify(hvSceneById(sceneId)?.script ?? {}, null, 2)}
          onRun={(scene) => setOwn((prev) => ({ scene, serial: (prev?.serial ?? 0) + 1 }))}
        />
      </main>
    </div>
  );
}
