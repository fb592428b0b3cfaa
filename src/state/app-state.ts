/** The store's shape: data and the actions beside it, one slice per concern. */
import type { CachePresetName } from '../engine';
import type { CacheSnapshot } from '../engine';
import type { WalkEvent } from '../engine';
import type { AccessKind, Cpl } from '../engine';
import type { TraceJson, WalkErrorKind } from '../worker/protocol';
import type { ConcreteOptions } from './concrete-scenario';
import type { ScenarioDoc } from './scenario-doc';

/** A problem shown in the banner: what went wrong and, for scenario errors, where. */
export interface AppError {
  readonly kind: WalkErrorKind | 'network' | 'file' | 'link' | 'restarted' | 'too-long';
  readonly message: string;
  /** JSON paths of the bad fields, e.g. `accesses[0].va`. */
  readonly paths: readonly string[];
  /** What became of the user's work, said only when it is true (e.g. "Nothing was imported…"). */
  readonly note?: string;
  /** Stays until dismissed: a later successful walk does not clear it (a link that could not be opened). */
  readonly sticky?: boolean;
}

export interface LoadOptions {
  /** Cursor to show once walked (clamped); default 0, before the walk. */
  readonly cursor?: number;
  readonly accessIndex?: number;
}

export interface ScenarioSlice {
  /**
   * The document the user works on. A loaded document (preset, import, link) becomes it only once
   * the engine has walked it; an edit of it is kept even when its walk fails. Null for a symbolic walk.
   */
  scenario: ScenarioDoc | null;
  /** Where it came from: a preset file name, 'import: <file>', 'link', 'custom', or 'abstract' (no scenario). */
  source: string;
  /** The last successful walk; kept when a later walk fails. */
  trace: TraceJson | null;
  events: readonly (readonly WalkEvent[])[];
  /** The translation caches as each access began (parallel to `events`; empty without a walk). */
  cacheSnapshots: readonly CacheSnapshot[];
  accessIndex: number;
  walking: boolean;
  /** A newly loaded scenario is being walked: what is on screen belongs to the previous one. */
  loading: boolean;
  /** What went wrong with the last walk (shown in the banner). */
  error: AppError | null;
  /** Inline error of the linear-address field. */
  addressError: string | null;
  /** The form behind the concrete controls. */
  concrete: ConcreteOptions;
  /** The document as last loaded, and its source: what "Revert to preset" brings back. */
  loaded: { readonly doc: ScenarioDoc; readonly source: string } | null;

  loadScenario(json: unknown, source: string, options?: LoadOptions): Promise<boolean>;
  walk(): Promise<boolean>;
  /** Loads the last loaded document again (an edited or rebuilt preset back as it was). */
  revertToLoaded(): Promise<boolean>;
  setAccessIndex(index: number): void;
  setLinearAddress(text: string): Promise<boolean>;
  setAccessKind(kind: AccessKind): Promise<boolean>;
  setCpl(cpl: Cpl): Promise<boolean>;
  editEntry(addr: number, lo: number, hi: number): Promise<boolean>;
  /** Gives the machine a preset's translation caches (`cpu.tlb`) and walks again. */
  setCachePreset(preset: CachePresetName): Promise<boolean>;
  applyConcrete(patch: Partial<ConcreteOptions>): Promise<boolean>;
  /** Takes a document whose steps were appended, moved or cut, and shows memory access `pick` from step 0. */
  editSequence(doc: ScenarioDoc, pick: number): Promise<boolean>;
  /** Walks n guest levels on m nested levels: a built scenario, or a symbolic walk where none exists. */
  walkLevels(n: number, m: number): Promise<boolean>;
  reportError(kind: AppError['kind'], message: string, extra?: Pick<AppError, 'note' | 'sticky'>): void;
  dismissError(): void;
}

export interface PlaybackSlice {
  /** Memory references revealed: 0 = before the walk, total = all shown. */
  cursor: number;
  playing: boolean;
  /** References revealed per second while playing. */
  speed: number;

  stepForward(): void;
  stepBack(): void;
  reset(): void;
  end(): void;
  seek(k: number): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
}

export type Theme = 'light' | 'dark';

/** Grid cells the walk view points at from elsewhere (a wrong count's left-out cells). */
export interface GridHighlight {
  /** "row:col" keys of the grid (row 0 = final gPA, col 0 = the guest-entry read). */
  readonly cells: readonly string[];
  /** The data-access corner cell is meant too. */
  readonly data: boolean;
  /** What the cells are, in words: "the 16 cells a count of 8 leaves out". */
  readonly label: string;
}

export interface ViewSlice {
  theme: Theme;
  presenter: boolean;
  /** The n / m sliders: guest and nested levels, each 1…5; they follow the walk on screen. */
  abstractN: number;
  abstractM: number;
  /** Cells lit in the grid on behalf of another view; null: none. */
  gridHighlight: GridHighlight | null;

  setTheme(theme: Theme): void;
  setPresenter(on: boolean): void;
  setGridHighlight(highlight: GridHighlight | null): void;
  /** Moves the sliders and walks n × m. */
  setAbstractLevels(n: number, m: number): Promise<boolean>;
}

export type AppState = ScenarioSlice & PlaybackSlice & ViewSlice;
