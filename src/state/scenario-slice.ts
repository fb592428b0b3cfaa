/**
 * The scenario the user works on, and its walk. Every edit rewrites the document and walks it
 * again through the client; a failed walk keeps both the user's document and the last good trace,
 * and says what went wrong.
 */
import type { StateCreator } from 'zustand/vanilla';
import { formatLinear, isCanonical, parseLinearAddress } from '../engine';
import type { WalkClient } from '../worker/client';
import type { AppError, AppState, ScenarioSlice } from './app-state';
import { afterSuccess, refusal, restartedNotice } from './load-refusal';
import { buildConcreteScenario, concreteFromDoc, DEFAULT_CONCRETE } from './concrete-scenario';
import { clamp } from './playback-slice';
import {
  entryValue,
  isScenarioDoc,
  withAccess,
  withCachePreset,
  withMemoryWord,
  type ScenarioDoc,
} from './scenario-doc';
import { selectTotalReferences } from './selectors';
import { buildAbstractWalk, levelsOfWalk, realizeLevels } from './abstract-walk';
import { LEVELS_MAX, LEVELS_MIN } from './view-slice';

export type EngineClient = Pick<WalkClient, 'walk' | 'memoryImage'>;

/** Where the cursor goes after a walk: a given position, or 'keep' (the end stays the end). */
type CursorPolicy = { readonly at: number } | 'keep';

const inRange = (levels: number): boolean => levels >= LEVELS_MIN && levels <= LEVELS_MAX;
const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const createScenarioSlice =
  (client: EngineClient): StateCreator<AppState, [], [], ScenarioSlice> =>
  (set, get) => {
    let generation = 0;

    /**
     * Walks `doc`; on success shows its walk and applies `commit` (a loaded document becomes the
     * document only here, so nothing the engine refused is ever rendered). On failure the banner
     * gets `failed(error)`, and the document, trace and cursor on screen stay as they were.
     */
    const runWalk = async (
      doc: ScenarioDoc,
      policy: CursorPolicy,
      accessIndex: number,
      commit: (accessIndex: number) => Partial<AppState>,
      failed: (error: AppError) => AppError,
    ): Promise<boolean> => {
      const mine = ++generation;
      const before = get();
      const wasAtEnd = before.cursor > 0 && before.cursor >= selectTotalReferences(before);
      set({ walking: true });
      let reply;
      try {
        reply = await client.walk(doc);
      } catch (error) {
        if (mine === generation)
          set({
            walking: false,
            loading: false,
            error: failed({ kind: 'worker', message: errorText(error), paths: [] }),
          });
        return false;
      }
      if (mine !== generation) return false; // a newer walk owns the result
      if (!reply.ok) {
        set({ walking: false, loading: false, error: failed(reply.error) });
        return false;
      }
      const index = Math.max(0, Math.min(accessIndex, reply.events.length - 1));
      const total = selectTotalReferences({ events: reply.events, accessIndex: index });
      const cursor =
        policy === 'keep' ? (wasAtEnd ? total : clamp(get().cursor, total)) : clamp(policy.at, total);
      const levels = levelsOfWalk(reply.events[index] ?? []);
      set({
        ...commit(index),
        trace: reply.trace,
        events: reply.events,
        cacheSnapshots: reply.cacheSnapshots ?? [],
        accessIndex: index,
        cursor,
        walking: false,
        loading: false,
        error: reply.restarted ? restartedNotice(reply.restarted, get().error) : afterSuccess(get().error),
        ...(levels && inRange(levels.n) && inRange(levels.m) && { abstractN: levels.n, abstractM: levels.m }),
      });
      return true;
    };

    /** The user's edit is the document at once; a walk that fails keeps it and the last good view. */
    const editFailed = (error: AppError): AppError =>
      get().trace
        ? { ...error, note: 'Your edits are kept; the view still shows the last walk that worked.' }
        : error;

    const walkCurrent = (policy: CursorPolicy): Promise<boolean> => {
      const doc = get().scenario;
      if (!doc) return Promise.resolve(false);
      return runWalk(doc, policy, get().accessIndex, () => ({}), editFailed);
    };

    const edit = (
      doc: ScenarioDoc,
      patch: Partial<ScenarioSlice> = {},
      policy: CursorPolicy = 'keep',
    ): Promise<boolean> => {
      set({ scenario: doc, ...patch });
      return walkCurrent(policy);
    };

    return {
      scenario: null,
      source: '',
      trace: null,
      events: [],
      cacheSnapshots: [],
      accessIndex: 0,
      walking: false,
      loading: false,
      error: null,
      addressError: null,
      concrete: DEFAULT_CONCRETE,
      loaded: null,

      async loadScenario(json, source, options = {}) {
        get().pause();
        if (!isScenarioDoc(json)) {
          set({
            error: refusal(source, {
              kind: 'scenario',
              message: 'A scenario is a JSON object (see the scenario format).',
              paths: ['(root)'],
            }),
          });
          return false;
        }
        const accessIndex = options.accessIndex ?? 0;
        set({ loading: true });
        // Validated by its walk before anything reads it: only then is it the document.
        const commit = (index: number): Partial<AppState> => ({
          scenario: json,
          source,
          loaded: { doc: json, source },
          addressError: null,
          concrete: concreteFromDoc(json, get().concrete, index),
        });
        return runWalk(json, { at: options.cursor ?? 0 }, accessIndex, commit, (error) =>
          refusal(source, error),
        );
      },

      walk: () => walkCurrent('keep'),

      revertToLoaded() {
        const loaded = get().loaded;
        return loaded ? get().loadScenario(loaded.doc, loaded.source) : Promise.resolve(false);
      },

      setAccessIndex(index) {
        const s = get();
        if (index < 0 || index >= s.events.length || index === s.accessIndex) return;
        const wasAtEnd = s.cursor > 0 && s.cursor >= selectTotalReferences(s);
        s.pause();
        const next = { events: s.events, accessIndex: index };
        set({
          accessIndex: index,
          cursor: wasAtEnd ? selectTotalReferences(next) : 0,
          addressError: null,
          concrete: s.scenario ? concreteFromDoc(s.scenario, s.concrete, index) : s.concrete,
        });
      },

      async setLinearAddress(text) {
        const { scenario, accessIndex } = get();
        if (!scenario) return false;
        let va;
        try {
          va = parseLinearAddress(text);
        } catch (error) {
          set({ addressError: errorText(error) });
          return false;
        }
        const la57 = scenario.cpu?.cr4?.la57 === true;
        if (!isCanonical(va.hi, la57)) {
          const top = la57 ? '63:56' : '63:47';
          set({ addressError: `${formatLinear(va, true)} is not canonical: bits ${top} must all be equal` });
          return false;
        }
        // Grouped hex without leading zero groups, as people write it: 0x7fff_f000_0123.
        const grouped = formatLinear(va, true).replace(/^0x(0000_)+/, '0x');
        // A new address is a new walk: it starts before its first reference, not at the old end.
        return edit(withAccess(scenario, accessIndex, { va: grouped }), { addressError: null }, { at: 0 });
      },

      async setAccessKind(kind) {
        const { scenario, accessIndex, concrete } = get();
        if (!scenario) return false;
        return edit(withAccess(scenario, accessIndex, { kind }), { concrete: { ...concrete, kind } });
      },

      async setCpl(cpl) {
        const { scenario, accessIndex, concrete } = get();
        if (!scenario) return false;
        return edit(withAccess(scenario, accessIndex, { cpl }), { concrete: { ...concrete, cpl } });
      },

      async editEntry(addr, lo, hi) {
        const doc = get().scenario;
        if (!doc) return false;
        let image;
        try {
          image = await client.memoryImage(doc);
        } catch (error) {
          set({ error: { kind: 'worker', message: errorText(error), paths: [] } });
          return false;
        }
        if (get().scenario !== doc) return false; // the document changed meanwhile
        if (!image.ok) {
          set({ error: image.error });
          return false;
        }
        const walked = await edit(withMemoryWord(doc, image.memory, addr, entryValue(lo, hi)));
        if (walked && image.restarted) set({ error: restartedNotice(image.restarted, get().error) });
        return walked;
      },

      async setCachePreset(preset) {
        const { scenario, concrete } = get();
        if (!scenario) return false;
        return edit(withCachePreset(scenario, preset), { concrete: { ...concrete, tlb: preset } });
      },

      async applyConcrete(patch) {
        const concrete = { ...get().concrete, ...patch };
        set({ concrete, source: 'custom', accessIndex: 0, addressError: null, loading: true });
        return edit(buildConcreteScenario(concrete));
      },

      async editSequence(doc, pick) {
        get().pause();
        set({ scenario: doc, addressError: null, concrete: concreteFromDoc(doc, get().concrete, pick) });
        return runWalk(doc, { at: 0 }, pick, () => ({}), editFailed);
      },

      reportError: (kind, message, extra) => set({ error: { kind, message, paths: [], ...extra } }),
      async walkLevels(n, m) {
        const realized = realizeLevels(n, m, get().concrete);
        if (realized) return get().applyConcrete(realized);
        // No machine has a 1-level table: show a symbolic walk of the same shape.
        generation++;
        const wasAtEnd = get().cursor > 0 && get().cursor >= selectTotalReferences(get());
        const { trace, events } = buildAbstractWalk(n, m);
        const total = selectTotalReferences({ events, accessIndex: 0 });
        set({
          scenario: null,
          source: 'abstract',
          trace,
          events,
          cacheSnapshots: [],
          accessIndex: 0,
          cursor: wasAtEnd ? total : clamp(get().cursor, total),
          walking: false,
          loading: false,
          error: afterSuccess(get().error),
          addressError: null,
        });
        return true;
      },

      dismissError: () => set({ error: null }),
    };
  };
