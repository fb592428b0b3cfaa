import { createRoot } from 'react-dom/client';
import '../../../../src/ui/app.css';
import { defaultSweepStore } from '../../../../src/ui/experiments/default-sweep-store';
import { ExperimentsPanel } from '../../../../src/ui/experiments/ExperimentsPanel';

if (new URLSearchParams(location.search).has('dark')) document.documentElement.dataset.theme = 'dark';
// The measuring script times a cancel through the store itself.
(window as unknown as { sweepStore: unknown }).sweepStore = defaultSweepStore();
createRoot(document.getElementById('root')!).render(
  <div className="app">
    <ExperimentsPanel />
  </div>,
);
