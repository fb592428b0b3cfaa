/**
 * Hypervisor scene links live in the query string: `?hv=<scene-id>&step=<k>` opens the scenes
 * page on that scene at playback position k (docs/hv-scenes.md). Other parameters (presenter) are
 * kept.
 */
export const HV_PARAM = 'hv';
export const HV_STEP_PARAM = 'step';

export interface HvLink {
  readonly sceneId: string;
  readonly step: number;
}

export function hvFromSearch(search: string): HvLink | null {
  const params = new URLSearchParams(search);
  const sceneId = params.get(HV_PARAM);
  if (sceneId === null) return null;
  const stepText = params.get(HV_STEP_PARAM) ?? '0';
  const step = /^\d{1,6}$/.test(stepText) ? Number(stepText) : 0;
  return { sceneId, step };
}

/** `search` with the scene and step set (step 0 is left out), other parameters kept. */
export function withHvLink(search: string, link: HvLink): string {
  const params = new URLSearchParams(search);
  params.set(HV_PARAM, link.sceneId);
  if (link.step > 0) params.set(HV_STEP_PARAM, String(link.step));
  else params.delete(HV_STEP_PARAM);
  return `?${params.toString()}`;
}

/** `search` with the scene parameters removed: the walk view's address. */
export function withoutHvLink(search: string): string {
  const params = new URLSearchParams(search);
  params.delete(HV_PARAM);
  params.delete(HV_STEP_PARAM);
  const text = params.toString();
  return text ? `?${text}` : '';
}
