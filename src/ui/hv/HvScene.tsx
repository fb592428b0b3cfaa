/**
 * One hypervisor scene (docs/hv-scenes.md): its title, What-to-notice text, playback and view.
 * `HvScene` finds the scene by id and can stand alone (a tour embeds it); `HvSceneFrame` takes a
 * scene object.
 */
import { useEffect, useState } from 'react';
import { hvSceneById, type HvScene as Scene } from '../../engine';
import { createHvSceneStore, type HvSceneStoreOptions } from '../../state/hv-scene-store';
import { HvPlayback } from './HvPlayback';
import { HvPredict } from './HvPredict';
import { RunOptions } from './RunOptions';
import { HvSceneStoreContext, useHvScene } from './hv-store-context';
import { useStepKeys } from '../hooks/useStepKeys';
import { MemoryView } from './views/MemoryView';
import { ShadowVsEptView } from './views/ShadowVsEptView';
import './hv.css';

interface Props {
  /** Playback position to open at. */
  step?: number;
  /** Called with the cursor after each move (the page writes it into the URL). */
  onStep?: (cursor: number) => void;
  /** Start and nested paging to open with (absent: the script's start, Intel EPT). */
  options?: HvSceneStoreOptions;
  /** Called when the start or the nested paging changes (the page writes them into the URL). */
  onOptions?: (options: HvSceneStoreOptions) => void;
}

export function HvScene({ sceneId, ...props }: { sceneId: string } & Props) {
  const scene = hvSceneById(sceneId);
  if (!scene) return <p role="alert">There is no scene “{sceneId}”.</p>;
  return <HvSceneFrame key={scene.id} scene={scene} {...props} />;
}

export function HvSceneFrame({ scene, step = 0, onStep, options, onOptions }: { scene: Scene } & Props) {
  const [store] = useState(() => createHvSceneStore(scene, step, options));
  useStepKeys(store.getState());
  useEffect(
    () => (onStep ? store.subscribe((s, prev) => s.cursor !== prev.cursor && onStep(s.cursor)) : undefined),
    [store, onStep],
  );
  useEffect(
    () =>
      onOptions
        ? store.subscribe(
            (s, prev) =>
              (s.start !== prev.start || s.tdpMode !== prev.tdpMode) &&
              onOptions({ start: s.start, tdpMode: s.tdpMode }),
          )
        : undefined,
    [store, onOptions],
  );
  return (
    <HvSceneStoreContext.Provider value={store}>
      <section className="hv-scene" aria-labelledby={`hv-title-${scene.id}`}>
        <h2 id={`hv-title-${scene.id}`}>{scene.title}</h2>
        <aside className="hv-notice" aria-label="What to notice">
          <strong>What to notice:</strong> {scene.whatToNotice}
        </aside>
        <RunOptions />
        <HvPlayback byStep={scene.view !== 'shadow-vs-ept'} />
        <HvPredict />
        <SceneView />
      </section>
    </HvSceneStoreContext.Provider>
  );
}

function SceneView() {
  const scene = useHvScene((s) => s.scene);
  const run = useHvScene((s) => s.run);
  const cursor = useHvScene((s) => s.cursor);
  if (!run.ok)
    return (
      <div role="alert" className="hv-error">
        This scene’s script cannot run: {run.errors.join('; ')}
      </div>
    );
  const position = cursor > 0 ? (run.positions[cursor - 1] ?? null) : null;
  if (scene.view === 'shadow-vs-ept')
    return <ShadowVsEptView shadow={run.shadow} tdp={run.tdp} position={position} />;
  return (
    <MemoryView
      view={scene.view}
      script={run.script}
      report={run.primary}
      shadow={run.shadow}
      position={position}
    />
  );
}
