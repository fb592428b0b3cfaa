/** The app's store, handed down by context so tests and the page each create their own. */
import type { AppState } from '../../state/app-state';
import { storeContext } from './store-context';

const app = storeContext<AppState>('useAppStore needs an <AppStoreContext.Provider> above it');

export const AppStoreContext = app.Context;
export const useAppStoreApi = app.useStoreApi;
/** Subscribes to one slice of the state; wrap object-returning selectors in `useShallow`. */
export const useAppStore = app.useSlice;
