// The tour bar: what a stop says, Back / Next and the clicker keys; and on the walk page, a stop's
// scene reaching the store and the address bar.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { TOUR_STOPS, nestedWalkReferences } from '../../../src/engine';
import { TourBar } from '../../../src/ui/tour/TourBar';
import { WalkTour } from '../../../src/ui/tour/TourLayer';
import { App } from '../../../src/ui/App';
import { selectTotalReferences } from '../../../src/state/selectors';
import { newAppStore, preferReducedMotion, servePublicFiles } from '../app-harness';

const stop = (n: number) => TOUR_STOPS[n - 1]!;

describe('TourBar', () => {
  afterEach(cleanup);

  it('shows the stop number, title, sentences and what to try', () => {
    render(<TourBar number={5} total={TOUR_STOPS.length} stop={stop(5)} onGo={() => {}} leaveHref="?" />);
    expect(screen.getByText(/Lecture tour · stop/).textContent).toBe(
      `Lecture tour · stop 5 / ${TOUR_STOPS.length}`,
    );
    expect(screen.getByRole('heading', { name: stop(5).title })).toBeTruthy();
    expect(screen.getByText(stop(5).sentences.join(' '))).toBeTruthy();
    expect(screen.getByText(stop(5).tryThis)).toBeTruthy();
  });

  it('Back and Next ask for the neighbouring stops; the ends disable them', () => {
    const onGo = vi.fn();
    const { rerender } = render(<TourBar number={1} total={3} stop={stop(1)} onGo={onGo} leaveHref="?" />);
    expect((screen.getByRole('button', { name: /Back/ }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: /Next/ }));
    expect(onGo).toHaveBeenLastCalledWith(2);
    rerender(<TourBar number={3} total={3} stop={stop(3)} onGo={onGo} leaveHref="?" />);
    expect((screen.getByRole('button', { name: /Next/ }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: /Back/ }));
    expect(onGo).toHaveBeenLastCalledWith(2);
  });

  it('Page Down / Page Up move between stops; the arrows are left to the walk', () => {
    const onGo = vi.fn();
    render(<TourBar number={2} total={3} stop={stop(2)} onGo={onGo} leaveHref="?" />);
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    expect(onGo).not.toHaveBeenCalled();
    fireEvent.keyDown(window, { key: 'PageDown' });
    expect(onGo).toHaveBeenLastCalledWith(3);
    fireEvent.keyDown(window, { key: 'PageUp' });
    expect(onGo).toHaveBeenLastCalledWith(1);
  });
});

describe('the tour on the walk page', () => {
  beforeEach(() => {
    servePublicFiles();
    preferReducedMotion();
    window.history.replaceState(null, '', '/?tour=4');
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    window.history.replaceState(null, '', '/');
  });

  it('applies each stop’s scene and keeps tour=N in the address', async () => {
    const store = newAppStore();
    render(
      <WalkTour start={4} store={store}>
        <App store={store} />
      </WalkTour>,
    );
    // Stop 4: the native preset.
    await waitFor(() => expect(store.getState().source).toBe('native.json'));
    expect(window.location.search).toBe('?tour=4');
    // Stop 5: the sliders' walk, n = m = 4.
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /Next/ }));
    });
    await waitFor(() => expect(store.getState().source).not.toBe('native.json'));
    expect([store.getState().abstractN, store.getState().abstractM]).toEqual([4, 4]);
    expect(selectTotalReferences(store.getState())).toBe(nestedWalkReferences(4, 4));
    expect(window.location.search).toBe('?tour=5');
    expect(
      screen.getByRole('heading', { name: `Non-root mode: n·m + n + m = ${nestedWalkReferences(4, 4)}` }),
    ).toBeTruthy();
    // → still steps the walk inside the stop.
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(store.getState().cursor).toBe(1);
  });

  it('draws the 2 MiB EPT stop’s figure above the page', async () => {
    const n = TOUR_STOPS.findIndex((s) => s.id === 'ept-2m') + 1;
    window.history.replaceState(null, '', `/?tour=${n}`);
    const store = newAppStore();
    render(
      <WalkTour start={n} store={store}>
        <App store={store} />
      </WalkTour>,
    );
    await waitFor(() => expect(store.getState().source).toBe('guest-4k-on-ept-2m.json'));
    expect(screen.getByTestId('figure-ept-page-size')).toBeTruthy();
    expect(screen.queryByTestId('figure-tlb-reach')).toBeNull();
  });
});
