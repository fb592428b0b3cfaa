/**
 * Seeded damage for fuzzing scenario input: text edits (cuts, stray tokens, repeated keys, a BOM)
 * and value edits (a field replaced by a value of another type, a deep nest, a huge number, a
 * removed or unknown key). The same seed gives the same cases, so a failure can be replayed.
 */

export type Random = () => number;

/** mulberry32: small, fast, good enough to pick mutations. */
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (random: Random, n: number): number => Math.floor(random() * n);
const pick = <T>(random: Random, items: readonly T[]): T => items[int(random, items.length)]!;

const TOKENS = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '\\',
  'null',
  'true',
  '1e999',
  '1e-400',
  '-0',
  '0x',
  '00',
  '\u0000',
  '\ufeff',
  '\ud800',
  '"__proto__": {}',
  '"name": 1,',
  ' ',
  '\n',
  'é',
  '/*',
  'NaN',
];

function nested(depth: number): unknown {
  let value: unknown = 0;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

const VALUES: readonly ((random: Random) => unknown)[] = [
  () => ({}),
  () => [],
  () => null,
  () => true,
  () => 'x',
  () => '',
  () => -1,
  () => 1.5,
  () => 2 ** 53 + 2,
  () => 1e308,
  () => '0xffff_ffff_ffff_ffff_f',
  () => '0x' + '0'.repeat(20) + '1',
  () => ({ text: 'x' }),
  () => 'all of them',
  (random) => nested(1 + int(random, 200)),
  () => '<img src=x onerror=alert(1)>',
  (random) => 'z'.repeat(int(random, 5000)),
  () => ({ __proto__: { polluted: true } }),
  () => [{ kind: 'read', va: '0x0' }],
  () => ({ eptp: '0x1e' }),
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value in `root` (objects and lists included). */
function paths(root: Json): (string | number)[][] {
  const found: (string | number)[][] = [];
  const stack: [Json, (string | number)[]][] = [[root, []]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    found.push(path);
    if (Array.isArray(value)) value.forEach((v, i) => stack.push([v, [...path, i]]));
    else if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) stack.push([v, [...path, k]]);
  }
  return found;
}

/** `doc` with one field removed, added or replaced by a value of another kind. */
export function mutateValue(random: Random, doc: unknown): unknown {
  const copy = structuredClone(doc) as Json;
  const all = paths(copy).filter((p) => p.length > 0);
  const path = pick(random, all);
  let parent = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  const how = int(random, 4);
  if (how === 0 && !Array.isArray(parent)) delete parent[last];
  else if (how === 1 && !Array.isArray(parent)) parent['unknown' + int(random, 9)] = 1;
  else parent[last] = pick(random, VALUES)(random) as Json;
  return copy;
}

function mutateText(random: Random, text: string): string {
  const at = int(random, text.length + 1);
  const span = 1 + int(random, 40);
  switch (int(random, 6)) {
    case 0:
      return text.slice(0, at) + text.slice(at + span);
    case 1:
      return text.slice(0, at) + pick(random, TOKENS) + text.slice(at);
    case 2:
      return text.slice(0, at) + text.slice(at, at + span) + text.slice(at);
    case 3:
      return text.slice(0, at);
    case 4: {
      // A key given twice: repeat the first key after some opening brace.
      const brace = text.indexOf('{', at);
      const key = /\s*("[^"]+"\s*:\s*[^,{}[\]]+,)/.exec(text.slice(brace + 1));
      return brace < 0 || !key ? text : text.slice(0, brace + 1) + key[1] + text.slice(brace + 1);
    }
    default:
      return '\ufeff' + text;
  }
}

/** One damaged scenario text from `preset` (its JSON text). */
export function damagedText(random: Random, preset: string): string {
  if (random() < 0.5) return JSON.stringify(mutateValue(random, JSON.parse(preset)), null, 2);
  let text = preset;
  const edits = 1 + int(random, 3);
  for (let i = 0; i < edits; i++) text = mutateText(random, text);
  return text;
}

/** One damaged link hash from a good one: characters changed, cut, added or the payload replaced. */
export function damagedHash(random: Random, hash: string): string {
  const at = 3 + int(random, Math.max(1, hash.length - 3));
  const alphabet = 'ABCxyz019-_+/=%&!';
  switch (int(random, 5)) {
    case 0:
      return hash.slice(0, at) + pick(random, [...alphabet]) + hash.slice(at + 1);
    case 1:
      return hash.slice(0, at);
    case 2:
      return hash.slice(0, at) + pick(random, [...alphabet]) + hash.slice(at);
    case 3:
      return hash.replace(/^#z=/, '#s=');
    default:
      return hash.slice(0, at) + hash.slice(at + 1 + int(random, 20));
  }
}
