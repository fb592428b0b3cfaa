/**
 * "Export SVG" / "Export PNG": the grid, the address bits, the narration, the translation caches
 * and the table trees inside `scope`, as a standalone SVG file or a PNG drawn from it at twice the
 * size (or fitted into a 1920×1080 slide), named after the step shown.
 */
import { useState, type RefObject } from 'react';
import { saveBlob, SLIDE_16_9 } from './files';
import { buildWalkSvg, exportFileName, svgToPngBlob, type ExportedSvg } from './walk-export';

export interface ExportViewButtonsProps {
  /** The element holding the walk views (.nw-grid, .nw-address, the narration, the caches, .nw-tables-canvas). */
  scope: RefObject<HTMLElement | null>;
  cursor: number;
  total: number;
  /** The picture's heading, e.g. the scenario's name and the step. */
  title: string;
  onError: (message: string) => void;
}

/** The picture of what `scope` shows now; null when the grid is not on screen. */
export function exportWalkView(scope: Element, title: string): ExportedSvg | null {
  const grid = scope.querySelector('.nw-grid');
  if (!grid) return null;
  return buildWalkSvg({
    grid,
    address: scope.querySelector('.nw-address'),
    narration: scope.querySelector('[data-testid="narration"]'),
    // Its whole content, also what the column scrolls out of sight; none on a machine without caches.
    caches: scope.querySelector('.caches-section:not(.is-empty) .nw-caches'),
    tables: scope.querySelector('.nw-tables-canvas'),
    title,
  });
}

export function ExportViewButtons({ scope, cursor, total, title, onError }: ExportViewButtonsProps) {
  const [busy, setBusy] = useState(false);
  const run = async (extension: 'svg' | 'png', slide = false) => {
    const picture = scope.current ? exportWalkView(scope.current, title) : null;
    if (!picture) {
      onError('There is no walk on screen to export.');
      return;
    }
    const name = exportFileName(cursor, total, extension, slide);
    if (extension === 'svg') {
      saveBlob(new Blob([picture.text], { type: 'image/svg+xml;charset=utf-8' }), name);
      return;
    }
    setBusy(true);
    try {
      const frame = slide ? { ...SLIDE_16_9, background: picture.background } : undefined;
      saveBlob(await svgToPngBlob(picture, 2, frame), name);
    } catch (error) {
      onError(`The PNG could not be made: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="export-view" role="group" aria-label="Export the walk view">
      <button
        type="button"
        onClick={() => void run('svg')}
        title="The grid, address, narration, caches and tables as an SVG file"
      >
        Export SVG
      </button>
      <button
        type="button"
        onClick={() => void run('png')}
        disabled={busy}
        title="The same picture as a PNG at twice the size"
      >
        Export PNG
      </button>
      <button
        type="button"
        onClick={() => void run('png', true)}
        disabled={busy}
        title="The same picture fitted into a 1920×1080 slide (16:9)"
      >
        PNG for a slide (16:9)
      </button>
    </div>
  );
}
