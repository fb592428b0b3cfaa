/** Words for a walk shape in exercise questions. */
import type { NestedKind, WalkShape } from '../random-walk-scenario';
import { pageSizeText } from '../../paging';

export const nestedName = (nested: NestedKind): string =>
  nested === 'npt' ? 'nested (NPT)' : nested === 'ept' ? 'EPT' : 'none';

export function describeShape(shape: WalkShape): string {
  const guest = `${shape.la57 ? '5-level (LA57)' : '4-level'} guest paging mapping a ${pageSizeText(shape.guestPage)} page`;
  if (shape.nested === 'none') return `Native (root mode): ${guest}, no EPT.`;
  const vendor = shape.nested === 'npt' ? 'AMD nested paging' : 'Intel EPT';
  return `${guest}, under ${vendor}: a ${shape.nestedLevels}-level nested table mapping guest memory with ${pageSizeText(shape.nestedPage)} pages.`;
}
