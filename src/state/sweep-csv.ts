/**
 * A sweep's results as CSV (RFC 4180: comma separated, quoted where needed, CRLF), one row per
 * point, numbers at full precision so the file parses back to the same values.
 */
import { findConfiguration, type ConfigurationId } from './sweep-configurations';
import { selectTable } from './sweep-selectors';
import type { SweepSettings } from './sweep-settings';
import type { PlannedPoint, SweepResult } from './sweep-store';

export const CSV_COLUMNS = [
  'configuration',
  'label',
  'guest_page',
  'ept_page',
  'levels',
  'heap_bytes',
  'workload',
  'item_bytes',
  'cache_preset',
  'latency_model',
  'accesses',
  'warmup',
  'seed',
  'references_per_access',
  'guest_references_per_access',
  'ept_references_per_access',
  'walk_rate',
  'tlb_hit_rate',
  'cycles_per_access',
  'ns_per_access',
  'slowdown_vs_native',
  'pwc_hit_rate',
  'gpa_mapping_hit_rate',
  'nested_pwc_hit_rate',
  'reference_cycles',
  'data_cycles',
  'memory_cycles',
  'ghz',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** A parsed row: numbers as numbers (null for an empty cell), text as text. */
export interface CsvRecord {
  readonly configuration: ConfigurationId;
  readonly label: string;
  readonly guestPage: string;
  readonly eptPage: string;
  readonly workload: string;
  readonly cachePreset: string;
  readonly latencyModel: string;
  readonly numbers: Readonly<Record<CsvColumn, number | null>>;
}

const quote = (field: string): string => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);
const num = (value: number | null | undefined): string =>
  value === null || value === undefined ? '' : String(value);

export function sweepCsv(
  settings: SweepSettings,
  plan: readonly PlannedPoint[],
  results: readonly SweepResult[],
): string {
  const { heapSizes, rows } = selectTable(plan, results, []);
  const lines = [CSV_COLUMNS.join(',')];
  for (const { configuration, cells } of rows) {
    cells.forEach((cell, i) => {
      if (cell.state !== 'measured') return;
      const m = cell.measurement;
      const fields: string[] = [
        configuration.id,
        configuration.label,
        configuration.guestPageSize,
        configuration.eptPageSize ?? 'native',
        String(settings.levels),
        String(heapSizes[i]),
        settings.workload,
        settings.workload === 'trace' ? '' : String(settings.itemBytes),
        settings.cachePreset,
        settings.latency,
        String(m.accesses),
        String(settings.warmup),
        String(settings.seed),
        num(m.referencesPerAccess),
        num(m.guestReferencesPerAccess),
        num(m.nestedReferencesPerAccess),
        num(m.walkRate),
        num(m.caches?.tlbHitRate),
        num(m.cyclesPerAccess),
        num(m.nsPerAccess),
        num(cell.slowdown),
        num(m.caches?.pwcHitRate),
        num(m.caches?.gpaHitRate),
        num(m.caches?.nestedPwcHitRate),
        // The time model's numbers (the footprint model places references and data itself).
        settings.latency === 'flat' ? String(settings.referenceCycles) : '',
        settings.latency === 'flat' ? String(settings.dataCycles) : '',
        settings.latency === 'footprint' ? String(settings.memoryCycles) : '',
        String(settings.ghz),
      ];
      lines.push(fields.map(quote).join(','));
    });
  }
  return lines.join('\r\n') + '\r\n';
}

/** Splits CSV text into rows of fields (quoted fields may hold commas, quotes and newlines). */
export function splitCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      endField();
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

const TEXT_COLUMNS = new Set<CsvColumn>([
  'latency_model',
  'configuration',
  'label',
  'guest_page',
  'ept_page',
  'workload',
  'cache_preset',
]);

export function parseSweepCsv(text: string): CsvRecord[] {
  const [header, ...body] = splitCsv(text);
  if (header === undefined || header.join(',') !== CSV_COLUMNS.join(',')) {
    throw new Error('not a nestwalk sweep CSV: the header row does not match');
  }
  return body.map((fields, n) => {
    const at = (column: CsvColumn) => fields[CSV_COLUMNS.indexOf(column)] ?? '';
    const configuration = at('configuration');
    if (findConfiguration(configuration) === undefined) {
      throw new Error(`row ${n + 2}: unknown configuration "${configuration}"`);
    }
    const numbers = {} as Record<CsvColumn, number | null>;
    for (const column of CSV_COLUMNS) {
      if (TEXT_COLUMNS.has(column)) continue;
      const cell = at(column);
      numbers[column] = cell === '' ? null : Number(cell);
    }
    return {
      configuration: configuration as ConfigurationId,
      label: at('label'),
      guestPage: at('guest_page'),
      eptPage: at('ept_page'),
      workload: at('workload'),
      cachePreset: at('cache_preset'),
      latencyModel: at('latency_model'),
      numbers,
    };
  });
}

/** "nestwalk-sweep-pointer-chase-sandy-bridge.csv" */
export const csvFileName = (settings: SweepSettings): string =>
  `nestwalk-sweep-${settings.workload}-${settings.cachePreset}.csv`;
