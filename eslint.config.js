// One lint configuration for the workspace: TypeScript (type-aware) everywhere, Vue in apps/ops.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import vueParser from 'vue-eslint-parser';
import opsLayers from './apps/ops/eslint/opsLayers.js';

// Text-bearing attributes checked for bare strings: vue's defaults plus Quasar's text props.
const BARE_STRING_ATTRIBUTES = {
  '/.+/': ['title', 'aria-label', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext'],
  '/^q-/': ['label', 'caption', 'hint', 'placeholder', 'message', 'prefix', 'suffix', 'error-message', 'no-data-label', 'no-results-label', 'loading-label'],
  input: ['placeholder'],
  img: ['alt'],
};
const NETWORK_GLOBALS = ['fetch', 'XMLHttpRequest', 'EventSource'];
const ONE_WAY_TO_THE_NETWORK = 'Passez par src/shared/http (request, erpList, hubGet, openStream…) : c’est le seul accès réseau de l’app.';
const NETWORK_PROPERTIES = ['window', 'globalThis', 'self'].flatMap((object) =>
  NETWORK_GLOBALS.map((property) => ({ object, property, message: ONE_WAY_TO_THE_NETWORK })),
);
// Timing marks go through one catalogue the benches import (src/shared/instrumentation).
const TIMING_PROPERTIES = ['mark', 'measure'].map((property) => ({
  object: 'performance',
  property,
  message: 'Passez par src/shared/instrumentation (markTiming, measureTiming, TIMING) : les bancs d’essai lisent ces noms.',
}));

export default tseslint.config(
  {
    ignores: ['**/dist/**', 'apps/*/dist-*/**', '**/node_modules/**', '.tools/**', '.data/**', 'coverage/**', 'test-results/**', 'playwright-report/**', 'e2e/.artifacts/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.{ts,mts,vue}'],
    languageOptions: {
      parser: vueParser,
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // Small files with one job: none past 350 lines (blank lines and comments count), specs included.
    files: ['**/*.{ts,mts,vue,js,mjs}'],
    rules: { 'max-lines': ['error', { max: 350 }] },
  },
  {
    files: ['apps/ops/src/**/*.vue', 'apps/ops/src/**/*.ts'],
    plugins: { ops: opsLayers },
    rules: {
      // Features never import one another, shared/ only shared/, never the BFF or the standin
      // (apps/ops/src/features/README.md).
      'ops/layers': 'error',
      // Every UI string goes through vue-i18n (French first); bare text in a template is a bug.
      'vue/no-bare-strings-in-template': ['error', { attributes: BARE_STRING_ATTRIBUTES }],
      'vue/multi-word-component-names': 'off',
      // Layout is not worth a lint failure.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      // src/shared/http is the one way to the network (ARCHITECTURE convention 2).
      'no-restricted-globals': ['error', ...NETWORK_GLOBALS.map((name) => ({ name, message: ONE_WAY_TO_THE_NETWORK }))],
      'no-restricted-properties': ['error', ...NETWORK_PROPERTIES, ...TIMING_PROPERTIES],
    },
  },
  {
    files: ['apps/ops/src/shared/http/**'],
    rules: { 'no-restricted-globals': 'off', 'no-restricted-properties': ['error', ...TIMING_PROPERTIES] },
  },
  {
    files: ['apps/ops/src/shared/instrumentation/**'],
    rules: { 'no-restricted-properties': ['error', ...NETWORK_PROPERTIES] },
  },
  {
    files: ['scripts/**', 'bench/**', 'e2e/**', 'apps/standin/src/main.ts', 'apps/bff/src/index.ts', '**/*.mjs', '**/*.js'],
    rules: { 'no-console': 'off' },
    languageOptions: { globals: { ...globals.node } },
  },
);
