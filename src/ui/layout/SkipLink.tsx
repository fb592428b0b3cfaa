/**
 * The page's first tab stop: "Skip to the walk" moves focus past the header and the playback bar
 * to the walk itself. It focuses the target by hand instead of following "#walk": the page's hash
 * holds the shareable link to the view (scenario, access, step) and must not be replaced.
 */
import type { MouseEvent } from 'react';

export const WALK_TARGET_ID = 'walk';

export function SkipLink() {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const target = document.getElementById(WALK_TARGET_ID);
    if (!target) return;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'start' });
  };
  return (
    <a className="skip-link" href={`#${WALK_TARGET_ID}`} onClick={skip}>
      Skip to the walk
    </a>
  );
}
