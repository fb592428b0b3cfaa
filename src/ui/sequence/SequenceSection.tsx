/**
 * With translation caches, a single cold walk shows only half of the story: this section builds a
 * sequence after it (docs/walk-view.md, "Sequences"). Every count in it comes from the engine's
 * walk of the whole sequence; picking an access shows its walk in the grid, narration and caches.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { cachePresetOf } from '../../state/concrete-scenario';
import type { ScenarioDoc } from '../../state/scenario-doc';
import { sequenceRows } from '../../state/sequence-rows';
import {
  appendToSequence,
  moveStep,
  removeStep,
  type SequenceAction,
  type SequenceEdit,
} from '../../state/sequence-steps';
import { useAppStore, useAppStoreApi } from '../hooks/app-store-context';
import { SequenceButtons } from './SequenceButtons';
import { SequenceList } from './SequenceList';
import './sequence.css';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function SequenceSection() {
  const store = useAppStoreApi();
  const { scenario, trace, picked, busy } = useAppStore(
    useShallow((s) => ({ scenario: s.scenario, trace: s.trace, picked: s.accessIndex, busy: s.walking })),
  );
  const rows = useMemo(() => sequenceRows(scenario, trace), [scenario, trace]);
  if (!scenario || cachePresetOf(scenario) === 'none') return null;

  const apply = (make: (doc: ScenarioDoc, picked: number) => SequenceEdit) => {
    const { scenario: doc, accessIndex, editSequence, reportError } = store.getState();
    if (!doc) return;
    let edit: SequenceEdit;
    try {
      edit = make(doc, accessIndex);
    } catch (error) {
      reportError('scenario', `The sequence was not changed: ${message(error)}.`);
      return;
    }
    void editSequence(edit.doc, edit.pick);
  };
  const pickedRow = rows.find((r) => r.access === picked);

  return (
    <section className="panel nw-seq" aria-labelledby="sequence-title">
      <h2 id="sequence-title">Sequence</h2>
      <p className="nw-seq-hint">
        One machine runs the steps in order: each walk meets the caches the steps before it left. New steps
        continue from access {picked + 1}
        {pickedRow ? ` (${pickedRow.label})` : ''}.
      </p>
      <SequenceButtons
        doc={scenario}
        busy={busy}
        onAppend={(action: SequenceAction) => apply((doc, at) => appendToSequence(doc, at, action))}
      />
      <SequenceList
        rows={rows}
        picked={picked}
        busy={busy}
        onPick={(access) => store.getState().setAccessIndex(access)}
        onMove={(step, delta) => apply((doc, at) => moveStep(doc, step, delta, at))}
        onRemove={(step) => apply((doc, at) => removeStep(doc, step, at))}
      />
    </section>
  );
}
