/**
 * The experiments below the walk. In presenter mode they are folded into a disclosure, so the
 * walk has the screen until the lecture reaches the measurement; opening it shows the whole panel.
 */
import { useState } from 'react';
import { ExperimentsPanel } from '../experiments/ExperimentsPanel';

export function ExperimentsSection({ folded }: { folded: boolean }) {
  // Folded every time presenter mode starts (the page keys this section by the mode).
  const [open, setOpen] = useState(false);
  if (!folded) return <ExperimentsPanel />;
  return (
    <details
      className="experiments-fold panel"
      open={open}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>Experiments: what a nested walk costs a real program</summary>
      {open && <ExperimentsPanel />}
    </details>
  );
}
