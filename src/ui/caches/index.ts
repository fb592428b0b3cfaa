export { CachesPanel, type CachesPanelProps } from './CachesPanel';
export { cachesView, type CachesView, type StructureView, type CellView } from './caches-model';
