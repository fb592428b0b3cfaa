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

const store = createAppStore(createWalkClient());
if (window.matchMedia?.('(prefers-color-scheme: dark)').matches) store.getState().setTheme('dark');
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// A worksheet link opens the printable sheet alone, without the walk.
const worksheet = worksheetFromSearch(window.location.search);
// A scene link opens the hypervisor scenes page instead of the walk.
const hvLink = hvFromSearch(window.location.search);
const page = worksheet ? (
  <WorksheetPage sheet={worksheet} />
) : hvLink ? (
  <HvScenesPage link={hvLink} />
) : (
  <App store={store} />
);
createRoot(root).render(<StrictMode>{page}</StrictMode>);
