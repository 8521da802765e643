// The SPA's import layers, as one lint rule (apps/ops/src/features/README.md explains them):
//   shared/            imports nothing of the app but shared/ (it is the floor every layer stands on);
//   features/<f>/      imports its own files, shared/, and of the app only the i18n service
//                      (`@/i18n`, `@/i18n/labels`) — never another feature, the router, the shell, boot;
//   the app            (boot/, router/, i18n/, layouts/, App.vue, main.ts) plugs features in;
//   nowhere            does the SPA import the BFF or the standin (they run on the server side).
// Static imports, re-exports and dynamic `import()` are all checked, with `@/` and relative paths
// resolved to the file they name (no-restricted-imports sees neither dynamic imports nor where a
// relative path lands, hence a rule of our own).
import { dirname, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const OPS_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = resolve(OPS_ROOT, 'src');
const APPS = resolve(OPS_ROOT, '..');
const SERVER_PACKAGES = /^@gigafibre\/(bff|standin)(\/|$)/;
const SERVER_APPS = ['bff', 'standin'];
/** What a feature may use of the app's own layers: the one vue-i18n instance and its labels. */
const APP_SERVICES_FOR_FEATURES = new Set(['i18n/index.ts', 'i18n', 'i18n/labels.ts', 'i18n/labels']);

const toPosix = (path) => path.split(sep).join(posix.sep);

/** Where a file of apps/ops/src sits: { layer: 'feature', feature } | { layer: 'shared' } | { layer: 'app' }. */
function placeOf(srcRelative) {
  const [top, second, third] = srcRelative.split('/');
  if (top === 'features' && third !== undefined) return { layer: 'feature', feature: second };
  if (top === 'features') return { layer: 'features-root' };
  if (top === 'shared') return { layer: 'shared' };
  return { layer: 'app' };
}

/** The import's target relative to apps/ops/src (without extension games), or where else it lands. */
function targetOf(specifier, importer) {
  if (specifier.startsWith('@/')) return { src: posix.normalize(specifier.slice(2)) };
  if (!specifier.startsWith('.')) return { bare: specifier };
  const absolute = resolve(dirname(importer), specifier);
  const inSrc = toPosix(relative(SRC, absolute));
  if (!inSrc.startsWith('..')) return { src: inSrc };
  const inApps = toPosix(relative(APPS, absolute));
  return { outside: inApps.startsWith('..') ? null : inApps.split('/')[0] };
}

function problemFor(specifier, importer) {
  const target = targetOf(specifier, importer);
  if (target.bare !== undefined) return SERVER_PACKAGES.test(target.bare) ? 'server' : null;
  if (target.outside !== undefined) return SERVER_APPS.includes(target.outside) ? 'server' : null;
  const from = placeOf(toPosix(relative(SRC, importer)));
  const to = placeOf(target.src);
  if (from.layer === 'shared' && to.layer !== 'shared') return 'sharedUp';
  if (from.layer !== 'feature') return null;
  if (to.layer === 'feature' && to.feature !== from.feature) return 'featureToFeature';
  if ((to.layer === 'app' || to.layer === 'features-root') && !APP_SERVICES_FOR_FEATURES.has(target.src)) return 'featureUp';
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Import layers of the SPA: features never import one another, shared/ imports only shared/, no server code.' },
    schema: [],
    messages: {
      featureToFeature: 'Une fonctionnalité n’importe jamais une autre fonctionnalité (« {{specifier}} ») : ce qu’elles partagent va dans src/shared/.',
      featureUp: 'Une fonctionnalité n’importe pas la couche de l’app (« {{specifier}} ») : seulement src/shared/, @/i18n et @/i18n/labels.',
      sharedUp: 'src/shared/ n’importe que src/shared/ (« {{specifier}} ») : c’est la base de toutes les couches.',
      server: 'Le SPA n’importe jamais le BFF ni le standin (« {{specifier}} ») : les contrats communs sont dans packages/.',
    },
  },
  create(context) {
    const importer = context.filename;
    if (toPosix(relative(SRC, importer)).startsWith('..')) return {};
    const check = (source) => {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const messageId = problemFor(source.value, importer);
      if (messageId) context.report({ node: source, messageId, data: { specifier: source.value } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export default { rules: { layers: layersRule } };
