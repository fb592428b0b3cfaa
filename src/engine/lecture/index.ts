/** The lecture tour's data and figures (docs/tour.md). */
export * from './tour-stops';
export * from './lecture-figures';
export * from './validate-scene';
export * from './tour-scene-steps';
