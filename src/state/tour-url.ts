/**
 * The lecture tour lives in the query string (`?tour=<N>`, 1-based), beside `presenter` and the
 * scene parameters, apart from the hash that carries the walk (docs/tour.md).
 */
import { TOUR_STOPS } from '../engine';
import { HV_PARAM, HV_STEP_PARAM } from './hv-url';

export const TOUR_PARAM = 'tour';

/** The stop number in `search`, clamped to the tour; null when there is no (readable) tour. */
export function tourFromSearch(search: string): number | null {
  const text = new URLSearchParams(search).get(TOUR_PARAM);
  if (text === null || !/^\d{1,4}$/.test(text)) return null;
  return Math.min(Math.max(Number(text), 1), TOUR_STOPS.length);
}

/** `search` for stop `n` on the walk page: the tour set, scene parameters removed, others kept. */
export function walkTourSearch(search: string, n: number): string {
  const params = new URLSearchParams(search);
  params.delete(HV_PARAM);
  params.delete(HV_STEP_PARAM);
  params.set(TOUR_PARAM, String(n));
  return `?${params.toString()}`;
}

/** `search` for stop `n` showing a hypervisor scene at `step`, other parameters kept. */
export function hvTourSearch(search: string, n: number, sceneId: string, step: number): string {
  const params = new URLSearchParams(search);
  params.set(HV_PARAM, sceneId);
  if (step > 0) params.set(HV_STEP_PARAM, String(step));
  else params.delete(HV_STEP_PARAM);
  params.set(TOUR_PARAM, String(n));
  return `?${params.toString()}`;
}

/** `search` without the tour (leaving it). */
export function withoutTour(search: string): string {
  const params = new URLSearchParams(search);
  params.delete(TOUR_PARAM);
  const text = params.toString();
  return text ? `?${text}` : '';
}
