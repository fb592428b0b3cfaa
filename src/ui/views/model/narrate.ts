/**
 * Plain sentences for the narration: what is about to happen (cursor 0), what one step read,
 * and how the walk ended (result or fault, with its report decoded into words).
 */
import {
  decodeEptEntry,
  decodeExitInfo1,
  decodeExitQualification,
  decodeGuestEntry,
  decodePageFaultErrorCode,
  describeBits,
  type DecodedEntry,
} from '../../../engine';
import { formatLinear, isNestedFault } from '../../../engine';
import { walkCount, type WalkCount } from './formula';
import {
  guestTableName,
  hex,
  levelName,
  nestedName,
  nestedTableName,
  pageSizeText,
  rowSubject,
} from './names';
import { cellsText, dropText, entryText, structureText } from './cache-words';
import { clampCursor, refAt, type Reference, type WalkModel } from './walk-model';

/** Decodes a reference's entry in the format of its table. */
export function decodeRef(model: WalkModel, ref: Reference): DecodedEntry {
  if (ref.type === 'guest-read') return decodeGuestEntry(ref.lo, ref.hi, ref.guestLevel);
  return model.mode === 'npt'
    ? decodeGuestEntry(ref.lo, ref.hi, ref.nestedLevel)
    : decodeEptEntry(ref.lo, ref.hi, ref.nestedLevel);
}

const accessText = (model: WalkModel): string => {
  const s = model.start ?? model.result;
  if (!s) return 'an access';
  const kind = s.kind === 'fetch' ? 'instruction fetch' : s.kind;
  return `a ${s.cpl === 3 ? 'user-mode' : 'supervisor'} ${kind}`;
};

const vaText = (model: WalkModel): string => {
  const va = model.start?.va ?? model.result?.va;
  return `${model.mode === 'native' ? 'VA' : 'gVA'} ${va ? formatLinear(va) : '?'}`;
};

/** Cells a cache spared (each counted once). */
const sparedCount = (model: WalkModel): number => walkCount(model).spared;

const sparedText = (model: WalkModel, lead: string): string => {
  const spared = sparedCount(model);
  return spared === 0 ? '' : `${lead}${spared} spared by cached translations`;
};

/** "4 guest levels and 3 EPT levels (2 MiB EPT pages end each EPT walk at the EPT PD)". */
function levelsText(model: WalkModel, count: WalkCount): string {
  const native = model.mode === 'native';
  const guest = `${count.n} guest level${count.n === 1 ? '' : 's'}`;
  if (native) {
    const why = count.n < model.n ? ` (a large page ends it at the ${levelName(model.n - count.n + 1)})` : '';
    return `${count.n} level${count.n === 1 ? '' : 's'}${why}`;
  }
  const ends: string[] = [];
  if (count.n < model.n)
    ends.push(`a large guest page ends the guest walk at the guest ${levelName(model.n - count.n + 1)}`);
  if (count.m < model.m)
    ends.push(
      `large ${nestedName(model.mode)} pages end each ${nestedName(model.mode)} walk at the ${nestedTableName(model.mode, model.m - count.m + 1)}`,
    );
  const why = ends.length ? ` (${ends.join('; ')})` : '';
  return `n = ${guest} and m = ${count.m} ${nestedName(model.mode)} level${count.m === 1 ? '' : 's'}${why}`;
}

/** The count as walked, with the structures' depth as context: the same number as grid header and counter. */
function countText(model: WalkModel, count: WalkCount): string {
  const native = model.mode === 'native';
  const depth = native
    ? `${model.n}-level paging`
    : `${model.n}-level guest paging on ${model.m}-level ${nestedName(model.mode)}`;
  if (count.faulted) {
    return `${depth}, up to ${count.full} memory references; this walk stops at a fault ${count.performed === 0 ? 'before any memory reference' : `after ${refsText(count.performed)}`}`;
  }
  const context = count.shortened ? `; the structures' full depth would make ${count.fullTotal}` : '';
  const refs =
    count.spared > 0
      ? `${count.usedFormula} cells, ${count.spared} of them spared by cached translations, so ${refsText(count.performed)}`
      : native
        ? refsText(count.used)
        : `${count.usedFormula} memory reference${count.used === 1 ? '' : 's'}`;
  return `${depth}; this walk uses ${levelsText(model, count)}: ${refs}${context}`;
}

const refsText = (k: number): string => `${k} memory reference${k === 1 ? '' : 's'}`;

export function introSentence(model: WalkModel): string {
  const count = walkCount(model);
  const first = model.refs[0];
  const head = `About to translate ${vaText(model)} (${accessText(model)}): ${countText(model, count)}`;
  if (model.mode === 'native') {
    const where = first
      ? `, starting with the ${levelName(first.guestLevel)} entry at ${hex(first.addr)}`
      : '';
    return `${head}${where}.`;
  }
  const where =
    first?.type === 'nested-read'
      ? `. First the ${nestedName(model.mode)} translates the gPA of ${rowSubject(model.mode, first.guestLevel)}, ${hex(first.gpa)}`
      : '';
  return `${head}${where}.`;
}

export function stepSentence(model: WalkModel, ref: Reference): string {
  const entry = decodeRef(model, ref);
  const words = entry.words.join(', ');
  if (ref.type === 'guest-read') {
    const name = guestTableName(model.mode, ref.guestLevel);
    const native = model.mode === 'native';
    const at = native ? `at ${hex(ref.addr)}` : `at hPA ${hex(ref.addr)} (gPA ${hex(ref.gpa)})`;
    const space = native ? '' : 'gPA ';
    const next = !entry.present
      ? 'the walk stops here'
      : entry.leaf && entry.pageSize
        ? `maps the ${pageSizeText(entry.pageSize)} page at ${space}${hex(entry.address)}`
        : `next table at ${space}${hex(entry.address)}`;
    return `Step ${ref.step} — read ${name} entry ${ref.index} ${at}: ${words}; ${next}.`;
  }
  const name = nestedTableName(model.mode, ref.nestedLevel);
  const next = !entry.present
    ? 'the walk stops here'
    : entry.leaf && entry.pageSize
      ? `the ${pageSizeText(entry.pageSize)} page holding gPA ${hex(ref.gpa)} is at hPA ${hex(entry.address)}`
      : `next ${nestedName(model.mode)} table at hPA ${hex(entry.address)}`;
  return `Step ${ref.step} — ${name} entry ${ref.index} at hPA ${hex(ref.addr)} translating gPA ${hex(ref.gpa)} (${rowSubject(model.mode, ref.guestLevel)}): ${words}; ${next}.`;
}

/** Where a fault happened: ", at the EPT PD entry translating gPA 0x3c00 (the guest PT entry)". */
function faultPlace(model: WalkModel): string {
  const f = model.fault;
  const r = model.result?.outcome === 'ok' ? undefined : model.result;
  const g = f?.guestLevel ?? r?.faultGuestLevel;
  const nl = f?.nestedLevel ?? r?.faultNestedLevel ?? 0;
  const gpa = r !== undefined && isNestedFault(r) ? r.faultGpa : undefined;
  if (g === undefined) return gpa === undefined ? '' : `, translating gPA ${hex(gpa)}`;
  if (nl === 0) return g === 0 ? '' : `, at the ${guestTableName(model.mode, g)} entry`;
  const what =
    gpa === undefined ? rowSubject(model.mode, g) : `gPA ${hex(gpa)} (${rowSubject(model.mode, g)})`;
  return `, at the ${nestedTableName(model.mode, nl)} entry translating ${what}`;
}

/** A short line for the end of the step list. */
export function resultSummary(model: WalkModel): string {
  const r = model.result;
  if (!r) return '';
  switch (r.outcome) {
    case 'ok':
      return `done: ${model.mode === 'native' ? 'PA' : 'hPA'} ${hex(r.pa ?? 0)}${r.pageSize ? `, ${pageSizeText(r.pageSize)} page` : ''}`;
    case 'page-fault':
      return `#PF, error code ${hex(r.errorCode ?? 0)}`;
    case 'general-protection':
      return '#GP: not canonical';
    case 'ept-violation':
      return `EPT violation, exit qualification ${hex(r.exitQualification ?? 0)}`;
    case 'ept-misconfig':
      return 'EPT misconfiguration';
    case 'nested-page-fault':
      return `#NPF, EXITINFO1 ${hex(r.exitInfo1 ?? 0)}`;
  }
}

/** The engine's reason as the end of a sentence: trailing period, no doubled one. */
const asSentence = (text: string): string => {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
};

/** Who handles the fault: the guest's own exceptions never leave the guest. */
const osHandles = (model: WalkModel, outcome: 'page-fault' | 'general-protection'): string => {
  const vector = outcome === 'page-fault' ? '#PF (vector 14)' : '#GP (vector 13)';
  return model.mode === 'native'
    ? `Handled by: the ${vector} is delivered to the operating system's handler.`
    : `Handled by: the guest OS — the ${vector} is delivered through the guest's IDT with no VM exit; the hypervisor never sees it.`;
};
const VM_EXIT = 'Handled by: the hypervisor — a VM exit leaves the guest, which sees nothing of it';

export function resultSentence(model: WalkModel): string {
  const r = model.result;
  if (!r) return 'The walk has not finished.';
  const refs = `${model.total} memory reference${model.total === 1 ? '' : 's'}`;
  const reason = model.fault?.reason ? ` Why: ${asSentence(model.fault.reason)}` : '';
  switch (r.outcome) {
    case 'ok': {
      const size = r.pageSize ? `, ${pageSizeText(r.pageSize)} page` : '';
      const path =
        model.mode === 'native'
          ? `${vaText(model)} → PA ${hex(r.pa ?? 0)}`
          : `${vaText(model)} → gPA ${hex(r.gpa ?? 0)} → hPA ${hex(r.pa ?? 0)}`;
      const splinter =
        r.guestPageSize && r.nestedPageSize && r.guestPageSize !== r.nestedPageSize
          ? ` (a ${pageSizeText(r.guestPageSize)} guest page on ${pageSizeText(r.nestedPageSize)} ${nestedName(model.mode)} pages)`
          : '';
      return `Translation complete: ${path}${size}${splinter}, ${refs}${sparedText(model, ' (')}${sparedCount(model) ? ')' : ''}.`;
    }
    case 'page-fault': {
      const code = r.errorCode ?? 0;
      const cr2 = r.faultLinear ? `; CR2 = ${formatLinear(r.faultLinear)}` : '';
      return `Page fault (#PF) after ${refs}${faultPlace(model)}: error code ${hex(code)} = ${describeBits(decodePageFaultErrorCode(code))}${cr2}.${reason} ${osHandles(model, 'page-fault')}`;
    }
    case 'general-protection':
      return `General-protection fault (#GP): ${vaText(model)} is not canonical, so no walk is made.${reason} ${osHandles(model, 'general-protection')}`;
    case 'ept-violation': {
      const q = r.exitQualification ?? 0;
      return `EPT violation (VM exit) after ${refs}${faultPlace(model)}: exit qualification ${hex(q)} = ${describeBits(decodeExitQualification(q))}.${reason} ${VM_EXIT} (exit reason: EPT violation).`;
    }
    case 'ept-misconfig':
      return `EPT misconfiguration (VM exit) after ${refs}${faultPlace(model)}; no exit qualification.${reason} ${VM_EXIT} (exit reason: EPT misconfiguration).`;
    case 'nested-page-fault': {
      const info = r.exitInfo1 ?? 0;
      return `Nested page fault (#VMEXIT(NPF)) after ${refs}${faultPlace(model)}: EXITINFO1 ${hex(info)} = ${describeBits(decodeExitInfo1(info))}.${reason} ${VM_EXIT} (#VMEXIT with exit code NPF; EXITINFO2 holds the gPA).`;
    }
  }
}

/** What the caches did right after the cursor's reference (or before the first): hits and drops. */
export function cacheSentence(model: WalkModel, cursor: number): string {
  const hits = model.hits
    .filter((h) => h.step === cursor)
    .map(
      (h) =>
        `${structureText(model, h)} supplies ${entryText(model, h)}, sparing ${cellsText(model, h.skipped)}.`,
    );
  const drops = model.drops.filter((d) => d.step === cursor).map((d) => `${dropText(model, d)}.`);
  const all = [...drops, ...hits].map((t) => t.charAt(0).toUpperCase() + t.slice(1));
  if (all.length === 0) return '';
  return ` ${cursor === 0 ? 'Before any reference' : 'Next'}, the caches act: ${all.join(' ')}`;
}

/**
 * The sentence for the cursor: the intro at 0, else the step's own sentence — the last step too;
 * the summary follows it separately. A cache acting at the cursor is told in the same sentence.
 */
export function currentSentence(model: WalkModel, rawCursor: number): string {
  const cursor = clampCursor(model, rawCursor);
  const ref = cursor === 0 ? undefined : refAt(model, cursor);
  const base = ref ? stepSentence(model, ref) : introSentence(model);
  return base + cacheSentence(model, cursor);
}

/** A compact line for the step list: "5 guest PML4[255] → 0x2000". */
export function stepSummary(model: WalkModel, ref: Reference): string {
  const entry = decodeRef(model, ref);
  const table =
    ref.type === 'guest-read'
      ? guestTableName(model.mode, ref.guestLevel)
      : nestedTableName(model.mode, ref.nestedLevel);
  const target = !entry.present ? 'not present' : `${entry.leaf ? 'page' : '→'} ${hex(entry.address)}`;
  return `${table}[${ref.index}] ${target}`;
}
