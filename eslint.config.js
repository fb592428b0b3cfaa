import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Layering is one direction: engine → worker → state → ui. Each layer may not import the ones above it.
const upward = (layers) => layers.flatMap((layer) => [`**/${layer}/**`, `../${layer}/*`, `../../${layer}/*`]);
// Above the engine, only its public surface (src/engine/index.ts) and the scenario contract (src/engine/scenario).
const engineSurface = {
  group: ['**/engine/*', '!**/engine/scenario', '**/engine/*/**'],
  message: 'Import the engine through src/engine (index.ts) or the scenario contract src/engine/scenario.',
};

const enginePatterns = [
  {
    group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', 'd3', 'd3-*', 'comlink'],
    message: 'src/engine is pure TypeScript: no UI, state or worker libraries.',
  },
  { group: upward(['worker', 'state', 'ui', 'cli']), message: 'src/engine may not import upper layers.' },
  { group: ['node:*', 'fs', 'path', 'os'], message: 'src/engine must run in a browser worker too.' },
];
// What the caches may know of the walk: the hooks they implement, the record they fill, the rights
// encoding, the walkers' interfaces, the walk context, the address halves and the guest rights check.
const cacheMayImportFromWalk = [
  'cache-hooks',
  'translation-record',
  'rights',
  'guest-walk',
  'nested-walker',
  'walk-context',
  'address-halves',
  'guest-permissions',
];

export default tseslint.config(
  // src/wasm is AssemblyScript (its own types: i32, usize, load/store), checked by its compiler.
  { ignores: ['dist/**', 'node_modules/**', 'test-artifacts/**', 'coverage/**', 'src/wasm/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts', 'tests/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: {} },
    rules: { 'no-restricted-imports': ['error', { patterns: enginePatterns }] },
  },
  // One direction from walk to caches: the walk sees the caches only through walk/cache-hooks.ts.
  {
    files: ['src/engine/walk/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...enginePatterns,
            {
              group: ['../cache', '../cache/*'],
              message: 'walk/ knows the caches only as walk/cache-hooks.ts.',
            },
          ],
        },
      ],
    },
  },
  // The caches see the walk through its interfaces and shared vocabulary, never a walker class.
  {
    files: ['src/engine/cache/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...enginePatterns,
            {
              group: ['../walk/*', ...cacheMayImportFromWalk.map((file) => `!../walk/${file}`)],
              message: `cache/ may import from walk/ only: ${cacheMayImportFromWalk.join(', ')}.`,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'zustand', 'd3', 'd3-*'],
              message: 'src/worker has no UI or state.',
            },
            { group: upward(['state', 'ui', 'cli']), message: 'src/worker may not import upper layers.' },
            engineSurface,
          ],
        },
      ],
    },
  },
  {
    files: ['src/state/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react-dom', 'd3', 'd3-*'], message: 'src/state holds data and actions only.' },
            { group: upward(['ui', 'cli']), message: 'src/state may not import upper layers.' },
            engineSurface,
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [engineSurface] }] },
  },
);
