/** Words for a walk shape in exercise questions. */
import type { NestedKind, WalkShape } from '../random-walk-scenario';

export const nestedName = (nested: NestedKind): string =>
  nested === 'npt' ? 'nested (NPT)' : nested === 'ept' ? 'EPT' : 'none';

const PAGE_WORDS = { '4K': '4 KiB', '2M': '2 MiB', '1G': '1 GiB' } as const;

export function describeShape(shape: WalkShape): string {
  const guest = `${shape.la57 ? '5-level (LA57)' : '4-level'} guest paging mapping a ${PAGE_WORDS[shape.guestPage]} page`;
  if (shape.nested === 'none') return `Native (root mode): ${guest}, no EPT.`;
  const vendor = shape.nested === 'npt' ? 'AMD nested paging' : 'Intel EPT';
  return `${guest}, under ${vendor}: a ${shape.nestedLevels}-level nested table mapping guest memory with ${PAGE_WORDS[shape.nestedPage]} pages.`;
}

export const pageWords = (size: keyof typeof PAGE_WORDS): string => PAGE_WORDS[size];
