/**
 * The linear address as 64 bits split into its fields: sign extension, one coloured 9-bit index
 * per guest level, and the page offset; below, where the walk took it (gPA, hPA) or the fault.
 */
import { useId, useMemo, useRef } from 'react';
import type { WalkEvent } from '../../engine';
import { formatLinear, pageShift } from '../../engine';
import type { LinearAddress, PageSize } from '../../engine';
import { readWalk, type WalkModel } from './model/walk-model';
import { decodeRef } from './model/narrate';
import { addressFields, bitOf, canonical, type AddressField } from './address/address-fields';
import { AddressOutcome } from './address/AddressOutcome';
import { bitLayout } from './address/bit-layout';
import { useElementWidth } from './hooks/useElementWidth';
import { safeId } from './HatchPattern';
import './styles/base.css';
import './styles/address-bits.css';

export interface AddressBitsProps {
  events: readonly WalkEvent[];
  /** Draw the bits this many times larger (presenter mode: its smallest text becomes 18 px). */
  textScale?: number;
}

const TOP = 40;
const BIT_H = 24;

/** The guest page size: from the result, else from a leaf the walk read, else 4 KiB. */
function guestPageOf(model: WalkModel): PageSize {
  if (model.result?.outcome === 'ok') return model.result.guestPageSize;
  for (const ref of model.refs) {
    if (ref.type !== 'guest-read') continue;
    const entry = decodeRef(model, ref);
    if (entry.present && entry.leaf && entry.pageSize) return entry.pageSize;
  }
  return '4K';
}

const fieldClass = (f: AddressField, okCanonical: boolean): string =>
  f.kind === 'sign'
    ? `nw-field is-sign${okCanonical ? '' : ' is-bad'}`
    : f.kind === 'offset'
      ? 'nw-field is-offset'
      : `nw-field is-index ${(f.level ?? 0) % 2 === 0 ? 'is-strong' : 'is-soft'}`;

export function AddressBits({ events, textScale = 1 }: AddressBitsProps) {
  const model = useMemo(() => readWalk(events), [events]);
  const va: LinearAddress | undefined = model.start?.va ?? model.result?.va;
  const titleId = safeId(useId(), 'addr');
  const sectionRef = useRef<HTMLElement>(null);
  const containerWidth = useElementWidth(sectionRef);
  const fields = useMemo(() => (va ? addressFields(va, model.n, guestPageOf(model)) : []), [va, model]);
  const layout = useMemo(
    () => bitLayout(fields, containerWidth === undefined ? undefined : containerWidth / textScale),
    [fields, containerWidth, textScale],
  );
  if (!va) {
    return (
      <section className="nw-view nw-address" ref={sectionRef}>
        No address yet.
      </section>
    );
  }
  const ok = canonical(va, model.n);
  const vaName = model.mode === 'native' ? 'VA' : 'gVA';
  const bitW = layout.bitW;

  return (
    <section className="nw-view nw-address" aria-labelledby={titleId} ref={sectionRef}>
      <h3 className="nw-title" id={titleId}>
        {vaName} <span className="nw-mono">{formatLinear(va, true)}</span>
        <span className="nw-muted"> · {model.n}-level guest paging</span>
      </h3>
      <svg
        width={layout.width * textScale}
        height={layout.height * textScale}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-label={describeFields(fields, ok)}
      >
        {layout.placed.map(({ field: f, x0, x1, y, bitX }) => {
          const mid = (x0 + x1) / 2;
          const bits = Array.from({ length: f.high - f.low + 1 }, (_, i) => f.high - i);
          return (
            <g key={f.name} className={fieldClass(f, ok)} data-field={f.name} transform={`translate(0,${y})`}>
              <rect className="nw-field-bar" x={x0} y={4} width={x1 - x0} height={18} rx={4} />
              <text className="nw-field-name" x={mid} y={13} textAnchor="middle" dominantBaseline="central">
                {fieldLabel(f, x1 - x0)}
              </text>
              {bits.map((b) => (
                <g key={b}>
                  <rect className="nw-bit" x={bitX(b)} y={TOP - 12} width={bitW} height={BIT_H} rx={2} />
                  <text
                    className={bitOf(va, b) ? 'nw-bit-one' : 'nw-bit-zero'}
                    x={bitX(b) + bitW / 2}
                    y={TOP}
                    textAnchor="middle"
                    dominantBaseline="central"
                  >
                    {bitOf(va, b)}
                  </text>
                </g>
              ))}
              <text className="nw-field-value" x={mid} y={TOP + BIT_H + 6} textAnchor="middle">
                {valueText(f, ok)}
              </text>
              <text className="nw-field-sub" x={mid} y={TOP + BIT_H + 24} textAnchor="middle">
                {subText(f, model.n)}
              </text>
            </g>
          );
        })}
      </svg>
      <AddressOutcome model={model} />
    </section>
  );
}

function fieldLabel(f: AddressField, width: number): string {
  const full = `${f.name} ${f.high}:${f.low}`;
  const fits = (text: string) => text.length * 7 + 8 <= width;
  if (fits(full)) return full;
  if (fits(f.name)) return f.name;
  return f.kind === 'sign' ? 'sign' : f.name.slice(0, 3);
}

function valueText(f: AddressField, ok: boolean): string {
  if (f.kind === 'sign') return ok ? 'canonical' : 'not canonical';
  if (f.kind === 'offset') return '0x' + f.value.toString(16);
  return String(f.value);
}

function subText(f: AddressField, n: number): string {
  if (f.kind === 'sign') return `copies of bit ${pageShift(n + 1) - 1}`;
  if (f.kind === 'offset') return `${f.high + 1}-bit offset`;
  return '0x' + f.value.toString(16).padStart(3, '0');
}

function describeFields(fields: readonly AddressField[], ok: boolean): string {
  return fields
    .map((f) =>
      f.kind === 'sign'
        ? `bits ${f.high}–${f.low} sign extension (${ok ? 'canonical' : 'not canonical'})`
        : `${f.name} bits ${f.high}–${f.low} = ${f.kind === 'offset' ? '0x' + f.value.toString(16) : f.value}`,
    )
    .join('; ');
}
