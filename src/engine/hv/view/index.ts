/** Pure view models of a hypervisor report: playback positions, running totals, memory pictures. */
export {
  playbackPositions,
  clampCursor,
  totalsUpTo,
  stepCycles,
  exitsAvoided,
  type HvGrain,
  type HvPosition,
  type HvRunningTotals,
} from './playback';
export {
  memoryPicture,
  framesShared,
  slotOf,
  type HvLeaf,
  type HvPageState,
  type HvVmPicture,
} from './memory-picture';
export { emulationWalk, type HvEmulationWalk } from './emulation';
