import { createRoot } from 'react-dom/client';
import '../../../../src/ui/app.css';
import { ExperimentsPanel } from '../../../../src/ui/experiments/ExperimentsPanel';

if (new URLSearchParams(location.search).has('dark')) document.documentElement.dataset.theme = 'dark';
createRoot(document.getElementById('root')!).render(
  <div className="app">
    <ExperimentsPanel />
  </div>,
);
