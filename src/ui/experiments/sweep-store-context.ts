/** The Experiments store, handed down by context so tests and the page each bring their own. */
import type { SweepState } from '../../state/sweep-store';
import { storeContext } from '../hooks/store-context';

const sweep = storeContext<SweepState>('useSweep needs a <SweepStoreContext.Provider> above it');

export const SweepStoreContext = sweep.Context;
export const useSweepStoreApi = sweep.useStoreApi;
/** Subscribes to one slice of the sweep state; wrap object-returning selectors in `useShallow`. */
export const useSweep = sweep.useSlice;
