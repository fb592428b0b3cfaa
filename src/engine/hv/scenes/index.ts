/**
 * The hypervisor scenes the app shows (docs/hypervisor-model.md, "Scenes"): each is a script in
 * the hv format with the view that draws it and its teaching point. The app, the tests and the
 * lecture tour find scenes here by id.
 */
import switchLoop from './switch-loop.json';

/** Which picture of a run a scene is drawn as. */
export type HvSceneView = 'shadow-vs-ept' | 'guest-memory' | 'swap-out' | 'ksm' | 'emulate';

export interface HvScene {
  /** Stable id, used in links (`?hv=<id>`) and by the tour. */
  readonly id: string;
  readonly title: string;
  readonly view: HvSceneView;
  /** The teaching point, shown on screen as "What to notice". */
  readonly whatToNotice: string;
  /** The script (nestwalk-hv/1 JSON), parsed by parseHvScript when the scene opens. */
  readonly script: unknown;
}

export const HV_SCENES: readonly HvScene[] = [
  {
    id: 'context-switch',
    title: 'Shadow vs EPT: a context-switch loop',
    view: 'shadow-vs-ept',
    whatToNotice:
      'Every MOV to CR3 exits in shadow mode and none does under EPT; the price EPT pays instead is the 24-reference walk on each TLB miss.',
    script: switchLoop,
  },
];

export const hvSceneById = (id: string): HvScene | undefined => HV_SCENES.find((s) => s.id === id);
