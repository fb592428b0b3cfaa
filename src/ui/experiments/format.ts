/** Numbers as the Experiments panel shows them. */

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** 2097152 → "2 MiB"; 1.5 GiB → "1.5 GiB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${UNITS[unit]}`;
}

/** Three significant digits, whole numbers from 100 up: 24 → "24.0", 7.871 → "7.87", 143.5 → "144", 0.0001 → "< 0.001". */
export function formatValue(value: number): string {
  if (value === 0) return '0';
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) < 0.001) return '< 0.001';
  return value.toPrecision(3);
}

export const formatNs = (ns: number): string => `${formatValue(ns)} ns`;

export const formatRefs = (refs: number): string => `${formatValue(refs)} refs`;

/** 1.973 → "×1.97". */
export const formatSlowdown = (factor: number): string => `×${factor.toFixed(2)}`;

/** 6.24 → "6.2 s", 42.4 → "42 s", 75 → "1 min 15 s". */
export function formatSeconds(seconds: number): string {
  if (seconds < 9.95) return `${seconds.toFixed(1)} s`;
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

export const formatPercent = (fraction: number): string => `${(fraction * 100).toFixed(1)} %`;
