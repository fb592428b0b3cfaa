/**
 * Hypervisor scene links live in the query string: `?hv=<scene-id>&step=<k>` opens the scenes
 * page on that scene at playback position k; `start=cold|warm` and `nested=npt` pick the start
 * and AMD NPT (docs/hv-scenes.md). Other parameters (presenter) are kept.
 */
import type { HvStart } from '../engine';

export const HV_PARAM = 'hv';
export const HV_STEP_PARAM = 'step';
export const HV_START_PARAM = 'start';
export const HV_NESTED_PARAM = 'nested';

export interface HvLink {
  readonly sceneId: string;
  readonly step: number;
  /** Absent: as the scene's script says. */
  readonly start?: HvStart;
  /** Absent: Intel EPT. */
  readonly tdpMode?: 'ept' | 'npt';
}

export function hvFromSearch(search: string): HvLink | null {
  const params = new URLSearchParams(search);
  const sceneId = params.get(HV_PARAM);
  if (sceneId === null) return null;
  const stepText = params.get(HV_STEP_PARAM) ?? '0';
  const step = /^\d{1,6}$/.test(stepText) ? Number(stepText) : 0;
  const startText = params.get(HV_START_PARAM);
  const start = startText === 'cold' || startText === 'warm' ? startText : undefined;
  const tdpMode = params.get(HV_NESTED_PARAM) === 'npt' ? 'npt' : undefined;
  return { sceneId, step, ...(start && { start }), ...(tdpMode && { tdpMode }) };
}

/** `search` with the scene, step and options set (defaults left out), other parameters kept. */
export function withHvLink(search: string, link: HvLink): string {
  const params = new URLSearchParams(search);
  params.set(HV_PARAM, link.sceneId);
  if (link.step > 0) params.set(HV_STEP_PARAM, String(link.step));
  else params.delete(HV_STEP_PARAM);
  if (link.start) params.set(HV_START_PARAM, link.start);
  else params.delete(HV_START_PARAM);
  if (link.tdpMode === 'npt') params.set(HV_NESTED_PARAM, 'npt');
  else params.delete(HV_NESTED_PARAM);
  return `?${params.toString()}`;
}

/** `search` with the scene parameters removed: the walk view's address. */
export function withoutHvLink(search: string): string {
  const params = new URLSearchParams(search);
  for (const name of [HV_PARAM, HV_STEP_PARAM, HV_START_PARAM, HV_NESTED_PARAM]) params.delete(name);
  const text = params.toString();
  return text ? `?${text}` : '';
}
