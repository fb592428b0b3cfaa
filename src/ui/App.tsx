/**
 * The page: scenario choice at the top, playback under it, the walk (address and 2D grid beside
 * the narration and the caches, the table trees across below), the concept cards, the cost of
 * n × m walks, and the experiments. Presenter mode hides everything marked chrome (editing and
 * files), folds the experiments away and makes every text large enough for the back row.
 */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { AppStore } from '../state/create-app-store';
import { selectCurrentEvents } from '../state/selectors';
import { ConcreteControls } from './controls/ConcreteControls';
import { ErrorBanner } from './controls/ErrorBanner';
import { LevelSliders } from './controls/LevelSliders';
import { PlaybackControls } from './controls/PlaybackControls';
import { ScenarioPicker } from './controls/ScenarioPicker';
import { Settings } from './controls/Settings';
import { ViewBoundary } from './controls/ViewBoundary';
import { Glossary } from './controls/Glossary';
import { AppStoreContext, useAppStore } from './hooks/app-store-context';
import { useKeyboardShortcuts } from './hooks/useKeyboardShortcuts';
import { usePresenterUrl, withPresenter } from './hooks/usePresenterUrl';
import { useStartup } from './hooks/useStartup';
import { useAutosave } from './hooks/useAutosave';
import { RestoreOffer } from './controls/RestoreOffer';
import { useUrlSync } from './hooks/useUrlSync';
import { ConceptsStrip } from './concepts/ConceptsStrip';
import { ExperimentsSection } from './layout/ExperimentsSection';
import { ExercisesPanel } from './exercises/ExercisesPanel';
import { PredictSection, PredictToggle, usePredictMode } from './exercises/PredictMode';
import { SkipLink } from './layout/SkipLink';
import { WalkViews } from './layout/WalkViews';
import { CostPanel } from './views';
import { HV_SCENES } from '../engine';
import { tourFromSearch } from '../state/tour-url';
import { DEFAULT_COMPARE } from '../state/compare-configs';
import { withCompareLink } from '../state/compare-url';
import './app.css';
import './presenter.css';

export function App({ store }: { store: AppStore }) {
  useKeyboardShortcuts(store);
  useUrlSync(store);
  usePresenterUrl(store);
  const presets = useStartup(store);
  const autosave = useAutosave(store);
  const [predict, setPredict] = usePredictMode();
  const { theme, presenter } = useStore(
    store,
    useShallow((s) => ({ theme: s.theme, presenter: s.presenter })),
  );

  // On the root element so the page background and the views' variables follow the theme.
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = theme;
    root.dataset.presenter = String(presenter);
  }, [theme, presenter]);

  return (
    <AppStoreContext.Provider value={store}>
      <div className="app">
        <SkipLink />
        <header className="app-header">
          <h1>
            nestwalk <span className="subtitle">— two-dimensional page walks</span>
          </h1>
          <div className="header-controls">
            <ViewBoundary name="scenario picker">
              <ScenarioPicker presets={presets} />
            </ViewBoundary>
          </div>
          <ViewBoundary name="glossary and settings">
            <Glossary />
            <Settings />
          </ViewBoundary>
          <PredictToggle on={predict} onChange={setPredict} />
          <a className="hv-link" href={`?hv=${HV_SCENES[0]?.id ?? ''}`}>
            The hypervisor’s side
          </a>
          <a
            className="compare-link"
            href={withCompareLink(withPresenter('', presenter), { ids: DEFAULT_COMPARE, step: 0 })}
          >
            Compare configurations
          </a>
          {tourFromSearch(window.location.search) === null && (
            <a className="tour-link" href={presenter ? '?tour=1&presenter=1' : '?tour=1'}>
              Start the lecture tour
            </a>
          )}
        </header>
        <ViewBoundary name="message banner">
          <ErrorBanner />
          <RestoreOffer autosave={autosave} />
        </ViewBoundary>
        <section className="controls" aria-label="Walk controls">
          <ViewBoundary name="playback controls">
            <PlaybackControls />
          </ViewBoundary>
        </section>
        {predict && (
          <ViewBoundary name="predict mode">
            <PredictSection />
          </ViewBoundary>
        )}
        <ViewBoundary name="walk view">
          <WalkViews presets={presets} />
        </ViewBoundary>
        <ViewBoundary name="concept cards">
          <ConceptsStrip />
        </ViewBoundary>
        <section className="panel cost-row" aria-labelledby="levels-title">
          <h2 id="levels-title">What n × m levels cost</h2>
          <ViewBoundary name="level controls">
            <div className="cost-controls">
              <LevelSliders />
              <div className="chrome">
                <ConcreteControls />
              </div>
            </div>
          </ViewBoundary>
          <CostView />
        </section>
        <ViewBoundary name="experiments section">
          <ExperimentsSection key={String(presenter)} folded={presenter} />
        </ViewBoundary>
        <ViewBoundary name="exercises">
          <ExercisesPanel />
        </ViewBoundary>
        <footer className="app-footer chrome">
          nestwalk counts translation references only: the data access itself is not one of the n·m + n + m.
          Keys: → ← step, space play / pause, Home / End, P presenter mode.
        </footer>
      </div>
    </AppStoreContext.Provider>
  );
}

function CostView() {
  const { n, m, cursor } = useAppStore(
    useShallow((s) => ({ n: s.abstractN, m: s.abstractM, cursor: s.cursor })),
  );
  const events = useAppStore(selectCurrentEvents);
  return (
    <ViewBoundary name="cost view">
      <CostPanel n={n} m={m} events={events} cursor={cursor} />
    </ViewBoundary>
  );
}
