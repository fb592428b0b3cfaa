// First: no schema may be built before zod is told not to generate code.
import './worker/zod-jitless';
// d3's selection.transition() / interrupt() come from this module's side effect; a production
// bundle that tree-shakes the d3 barrel would otherwise drop them.
import 'd3-transition';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppStore } from './state/create-app-store';
import { App } from './ui/App';
import { createWalkClient } from './worker/client';
import { worksheetFromSearch } from './state/exercise-url';
import { WorksheetPage } from './ui/exercises/WorksheetPage';
import { hvFromSearch } from './state/hv-url';
import { HvScenesPage } from './ui/hv/HvScenesPage';
import { tourFromSearch } from './state/tour-url';
import { HvTour, WalkTour } from './ui/tour/TourLayer';
import { embedFromSearch } from './state/embed-url';
import { EmbedLink } from './ui/layout/EmbedLink';
import { compareFromSearch } from './state/compare-url';
import { ComparePage } from './ui/compare/ComparePage';

const client = createWalkClient();
const store = createAppStore(client);
if (window.matchMedia?.('(prefers-color-scheme: dark)').matches) store.getState().setTheme('dark');
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// A worksheet link opens the printable sheet alone, without the walk.
const worksheet = worksheetFromSearch(window.location.search);
// A scene link opens the hypervisor scenes page instead of the walk.
const hvLink = hvFromSearch(window.location.search);
// A tour link (`?tour=N`) puts the lecture tour's bar over the walk or the scenes page.
const tour = tourFromSearch(window.location.search);
// A compare link (`?compare=a,b,c`) opens the grids side by side instead of the walk.
const compare = compareFromSearch(window.location.search);
const page = worksheet ? (
  <WorksheetPage sheet={worksheet} />
) : compare ? (
  <ComparePage link={compare} client={client} />
) : hvLink ? (
  tour ? (
    <HvTour start={tour}>
      <HvScenesPage link={hvLink} />
    </HvTour>
  ) : (
    <HvScenesPage link={hvLink} />
  )
) : tour ? (
  <WalkTour start={tour} store={store}>
    <App store={store} />
  </WalkTour>
) : (
  <App store={store} />
);
// Embed mode: the view alone, sized for an iframe (a tour stop's own section stays: WalkTour).
const embed = embedFromSearch(window.location.search);
if (embed) document.documentElement.dataset.embed = 'true';
createRoot(root).render(
  <StrictMode>
    {page}
    {embed && <EmbedLink />}
  </StrictMode>,
);
