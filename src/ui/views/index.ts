/** nestwalk's walk views: props-driven components drawn from an event list and a cursor. */
export { AddressBits, type AddressBitsProps } from './AddressBits';
export { WalkGrid, type WalkGridProps } from './WalkGrid';
export { TableTrees, type TableTreesProps } from './TableTrees';
export { Narration, type NarrationProps } from './Narration';
export { CostPanel, type CostPanelProps } from './CostPanel';
export { WhatToNotice, type WhatToNoticeProps } from './WhatToNotice';
