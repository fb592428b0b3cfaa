/** nestwalk's walk views: props-driven components drawn from an event list and a cursor. */
export { WalkGrid, type WalkGridProps } from './WalkGrid';
