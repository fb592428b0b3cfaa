/**
 * The linear address as 64 bits split into its fields: sign extension, one coloured 9-bit index
 * per guest level, and the page offset; below, where the walk took it (gPA, hPA) or the fault.
 */
import { useId, useMemo } from 'react';
import { scaleBand } from 'd3';
import type { WalkEvent } from '../../engine/events';
import { formatLinear } from '../../engine/address';
import type { LinearAddress, PageSize } from '../../engine/types';
import { readWalk, type WalkModel } from './model/walk-model';
import { decodeRef } from './model/narrate';
import { addressFields, bitOf, canonical, type AddressField } from './address/address-fields';
import { AddressOutcome } from './address/AddressOutcome';
import { safeId } from './HatchPattern';
import './views.css';

export interface AddressBitsProps {
  events: readonly WalkEvent[];
}

const BIT_W = 15;
const GAP = 10;
const TOP = 40;
const BIT_H = 24;

/** The guest page size: from the result, else from a leaf the walk read, else 4 KiB. */
function guestPageOf(model: WalkModel): PageSize {
  if (model.result?.guestPageSize) return model.result.guestPageSize;
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

export function AddressBits({ events }: AddressBitsProps) {
  const model = useMemo(() => readWalk(events), [events]);
  const va: LinearAddress | undefined = model.start?.va ?? model.result?.va;
  const titleId = safeId(useId(), 'addr');
  if (!va) return <section className="nw-view nw-address">No address yet.</section>;

  const fields = addressFields(va, model.n, guestPageOf(model));
  const ok = canonical(va, model.n);
  const bits = Array.from({ length: 64 }, (_, i) => 63 - i);
  const band = scaleBand<number>()
    .domain(bits)
    .range([0, 64 * BIT_W])
    .paddingInner(0.12);
  const fieldIndex = (bit: number) => fields.findIndex((f) => bit <= f.high && bit >= f.low);
  const x = (bit: number) => (band(bit) ?? 0) + fieldIndex(bit) * GAP + 4;
  const width = 64 * BIT_W + (fields.length - 1) * GAP + 8;
  const height = TOP + BIT_H + 46;
  const vaName = model.mode === 'native' ? 'VA' : 'gVA';

  return (
    <section className="nw-view nw-address" aria-labelledby={titleId}>
      <h3 className="nw-title" id={titleId}>
        {vaName} <span className="nw-mono">{formatLinear(va, true)}</span>
        <span className="nw-muted"> · {model.n}-level guest paging</span>
      </h3>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={describeFields(fields, ok)}>
        {fields.map((f) => {
          const x0 = x(f.high);
          const x1 = x(f.low) + band.bandwidth();
          const mid = (x0 + x1) / 2;
          return (
            <g key={f.name} className={fieldClass(f, ok)} data-field={f.name}>
              <rect className="nw-field-bar" x={x0} y={4} width={x1 - x0} height={18} rx={4} />
              <text className="nw-field-name" x={mid} y={13} textAnchor="middle" dominantBaseline="central">
                {fieldLabel(f, x1 - x0)}
              </text>
              {bits
                .filter((b) => b <= f.high && b >= f.low)
                .map((b) => (
                  <g key={b}>
                    <rect
                      className="nw-bit"
                      x={x(b)}
                      y={TOP - 12}
                      width={band.bandwidth()}
                      height={BIT_H}
                      rx={2}
                    />
                    <text
                      className={bitOf(va, b) ? 'nw-bit-one' : 'nw-bit-zero'}
                      x={x(b) + band.bandwidth() / 2}
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

/** The longest of "PML4 47:39" / "PML4" / "sign" that fits the bar (about 7 px per character). */
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
  if (f.kind === 'sign') return `copies of bit ${12 + 9 * n - 1}`;
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
