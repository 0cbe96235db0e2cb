// @ts-check
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

/**
 * The layers of DESIGN.md, in order: a layer imports only from layers above it in this list (model feeds
 * everything; output and report only format). The workers sit on run/; src/cli.ts, on top of everything, is no
 * layer and may import any.
 */
const LAYERS = ['model', 'sources', 'control', 'forward', 'failures', 'analysis', 'output', 'run', 'report'];
const elements = [
  ...LAYERS.map((layer) => ({ type: layer, pattern: `src/${layer}` })),
  { type: 'workers', pattern: 'workers' },
];
const layerPolicies = LAYERS.map((layer, i) => ({
  from: { element: { type: layer } },
  allow: { to: { element: { types: { anyOf: LAYERS.slice(0, i + 1) } } } },
}));

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'results/', 'tmp-prof/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/**/*.ts', 'workers/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'import/resolver': { typescript: { project: './tsconfig.json' } },
    },
    rules: {
      'boundaries/dependencies': ['error', {
        default: 'disallow',
        message: 'layering (DESIGN.md): a layer imports only from the layers above it: model, sources, control, forward, failures, analysis, output, run, report',
        policies: [
          ...layerPolicies,
          { from: { element: { type: 'workers' } }, allow: { to: { element: { types: { anyOf: [...LAYERS.slice(0, LAYERS.indexOf('run') + 1), 'workers'] } } } } },
        ],
      }],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
