/**
 * The one reading of an event list as memory references: the guest and nested paging-structure
 * reads of an access, in step order. The store's selectors and the views both use it.
 */
import type { GuestReadEvent, NestedReadEvent, WalkEvent } from './events';

export type ReferenceEvent = GuestReadEvent | NestedReadEvent;

export const isReference = (event: WalkEvent): event is ReferenceEvent =>
  event.type === 'guest-read' || event.type === 'nested-read';

/** The references among `events`, sorted by step (1 = the first read of the walk). */
export const referencesOf = (events: readonly WalkEvent[]): ReferenceEvent[] =>
  events.filter(isReference).sort((a, b) => a.step - b.step);
