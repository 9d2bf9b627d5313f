import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The architecture's boundaries (docs/architecture.md). Worker code and page code never import
// each other; a feature reaches another only through its model or its worker/ui index.
const FEATURES = ['calls', 'connection', 'lookup', 'saves', 'settings'];
const PAGES = ['callpop', 'options', 'popup', 'softphone'];

const noUi = {
  regex: String.raw`(^|/)(ui|entrypoints/(${PAGES.join('|')}))(/|$)`,
  message: 'Worker code never imports page code.',
};
const noWorker = {
  regex: String.raw`(^|/)(worker|connectors)(/|$)`,
  message:
    'Pages talk to the service worker through messages (platform/ui/messaging), never by import.',
};
const noClimbing = {
  regex: String.raw`^\.\./\.\./`,
  message: 'Outside its own folder a feature imports by @/ path (its model, or a worker/ui index).',
};
const otherFeature = (feature) => ({
  regex: String.raw`^@/features/(?!${feature}/)[^/]+/(ui|worker)/`,
  message: "Another feature's worker or ui is reached through its index only.",
});
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
const imports = (...patterns) => ({
  'no-restricted-imports': ['error', { patterns: patterns.filter(Boolean) }],
});
const layers = (feature) => [
  {
    files: [`src/features/${feature}/worker/**`],
    ignores: TESTS,
    rules: imports(noUi, noClimbing, otherFeature(feature)),
  },
  {
    files: [`src/features/${feature}/ui/**`],
    ignores: TESTS,
    rules: imports(noWorker, noClimbing, otherFeature(feature)),
  },
  {
    files: [`src/features/${feature}/model/**`],
    ignores: TESTS,
    rules: imports(noUi, noWorker, noClimbing, otherFeature(feature)),
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.demo/**',
      'scripts/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.serviceworker, ...globals.webextensions },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'smart'],
      curly: ['error', 'multi-line'],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='innerHTML']",
          message: 'No innerHTML: build DOM nodes or let React render text.',
        },
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'No dangerouslySetInnerHTML.',
        },
        {
          selector: "JSXAttribute[name.name='autoFocus']",
          message:
            'Preact renders autoFocus as an attribute Chrome honours once: use focusOnMount.',
        },
      ],
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  ...FEATURES.flatMap(layers),
  {
    files: PAGES.map((page) => `src/entrypoints/${page}/**`),
    ignores: TESTS,
    rules: imports(noWorker),
  },
  { files: ['src/platform/ui/**'], ignores: TESTS, rules: imports(noWorker) },
  {
    files: ['src/entrypoints/worker/**', 'src/platform/worker/**', 'src/connectors/**'],
    ignores: TESTS,
    rules: imports(noUi),
  },
  {
    files: ['src/platform/*.ts', 'src/platform/storage/**'],
    ignores: TESTS,
    rules: imports(noUi, noWorker),
  },
  {
    // The service worker has no window or DOM; it may be stopped at any await.
    files: [
      'src/entrypoints/worker/**',
      'src/features/*/worker/**',
      'src/platform/worker/**',
      'src/connectors/**',
    ],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'Not available in service workers.' },
        { name: 'document', message: 'Not available in service workers.' },
        { name: 'localStorage', message: 'Not available in service workers; use chrome.storage.' },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/**'],
    ignores: ['**/*.test.*', 'src/test/**'],
    rules: { complexity: ['error', 15] },
  },
  {
    // Fakes mirror chrome's promise-returning signatures without awaiting anything.
    files: ['src/test/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    files: ['e2e/**', 'scripts/**', 'bench/**', '*.config.ts', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
