/**
 * Compare links: `?compare=<id>,<id>[,<id>]&step=<k>` opens the compare view with those
 * configurations at lockstep position k (docs/walk-view.md, "Compare configurations"). Unknown
 * ids are dropped; fewer than two known ones fall back to the default comparison.
 */
import { compareConfigById, DEFAULT_COMPARE, MAX_COMPARED, MIN_COMPARED } from './compare-configs';

export const COMPARE_PARAM = 'compare';
const STEP_PARAM = 'step';

export interface CompareLink {
  readonly ids: readonly string[];
  readonly step: number;
}

export function compareFromSearch(search: string): CompareLink | null {
  const params = new URLSearchParams(search);
  const list = params.get(COMPARE_PARAM);
  if (list === null) return null;
  const known = [...new Set(list.split(','))].filter((id) => compareConfigById(id)).slice(0, MAX_COMPARED);
  const stepText = params.get(STEP_PARAM) ?? '0';
  const step = /^\d{1,4}$/.test(stepText) ? Number(stepText) : 0;
  return { ids: known.length >= MIN_COMPARED ? known : DEFAULT_COMPARE, step };
}

/** `search` with the comparison and the step (0 left out), other parameters (presenter) kept. */
export function withCompareLink(search: string, link: CompareLink): string {
  const params = new URLSearchParams(search);
  params.set(COMPARE_PARAM, link.ids.join(','));
  if (link.step > 0) params.set(STEP_PARAM, String(link.step));
  else params.delete(STEP_PARAM);
  return '?' + params.toString().replace(/%2C/g, ',');
}

/** The walk page's search: the comparison's parameters removed. */
export function withoutCompareLink(search: string): string {
  const params = new URLSearchParams(search);
  params.delete(COMPARE_PARAM);
  params.delete(STEP_PARAM);
  const rest = params.toString();
  return rest ? '?' + rest : '';
}
