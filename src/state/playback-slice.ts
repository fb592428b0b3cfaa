/**
 * The cursor over the selected access's memory references, and playback. The interval lives here,
 * beside the state it drives, so any view (or none) can start and stop it.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState, PlaybackSlice } from './app-state';
import { selectTotalReferences } from './selectors';

export const SPEEDS = [0.5, 1, 2, 4, 8] as const;
export const clamp = (k: number, total: number): number => Math.max(0, Math.min(total, Math.round(k) || 0));

export const createPlaybackSlice: StateCreator<AppState, [], [], PlaybackSlice> = (set, get) => {
  let timer: ReturnType<typeof setInterval> | null = null;

  const stopTimer = () => {
    if (timer !== null) clearInterval(timer);
    timer = null;
  };
  const tick = () => {
    const s = get();
    const total = selectTotalReferences(s);
    if (s.cursor >= total) {
      stopTimer();
      set({ playing: false });
    } else {
      set({ cursor: s.cursor + 1, playing: s.cursor + 1 < total });
      if (s.cursor + 1 >= total) stopTimer();
    }
  };
  const startTimer = () => {
    stopTimer();
    timer = setInterval(tick, 1000 / get().speed);
  };
  // A step by hand takes over from playback.
  const moveTo = (k: number) => {
    stopTimer();
    set({ cursor: clamp(k, selectTotalReferences(get())), playing: false });
  };

  return {
    cursor: 0,
    playing: false,
    speed: 2,

    stepForward: () => moveTo(get().cursor + 1),
    stepBack: () => moveTo(get().cursor - 1),
    reset: () => moveTo(0),
    end: () => moveTo(selectTotalReferences(get())),
    seek: (k) => moveTo(k),
    play() {
      const total = selectTotalReferences(get());
      if (total === 0) return;
      // Playing from the end starts over.
      set({ playing: true, cursor: get().cursor >= total ? 0 : get().cursor });
      startTimer();
    },
    pause() {
      stopTimer();
      set({ playing: false });
    },
    togglePlay: () => (get().playing ? get().pause() : get().play()),
    setSpeed(speed) {
      if (!(speed > 0)) return;
      set({ speed });
      if (get().playing) startTimer();
    },
  };
};
