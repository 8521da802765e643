// @vitest-environment node
/// <reference types="node" />
// The features' shape as README.md describes it (its layout table is read, not copied here) against
// the tree: every feature has the required parts, no unlisted file or folder, no sub-folder, file
// names of the kind each part allows, routes that open pages, and is registered where the app
// lists features. Also: no CSS file of the SPA past 350 lines (ESLint's max-lines does not read CSS).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { featureMessageLoader } from '@/i18n/featureMessages';
import { MESSAGE_FEATURES } from '@/shared/i18n/featureMessageTypes';

const featuresDir = import.meta.dirname;
const srcDir = resolve(featuresDir, '..');
/** What features/ itself holds besides the feature folders. */
const FEATURES_ROOT_FILES = ['README.md', 'featuresLayout.spec.ts'];

interface Part {
  name: string;
  folder: boolean;
  required: boolean;
  /** File names the part allows; names without `*` must all be present. */
  files: string[];
}

/** The rows between `<!-- layout` and `<!-- /layout -->` of a README's table. */
function readLayout(readme: string): Part[] {
  const block = /<!-- layout[^>]*-->([\s\S]*?)<!-- \/layout -->/.exec(readme)?.[1] ?? '';
  return block.split('\n').flatMap((line) => {
    const cells = line.split('|').map((c) => c.trim());
    const name = /^`([^`]+)`$/.exec(cells[1] ?? '')?.[1];
    if (!name || !['required', 'optional'].includes(cells[2] ?? '')) return [];
    const files = [...(cells[3] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
    return [{ name: name.replace(/\/$/, ''), folder: name.endsWith('/'), required: cells[2] === 'required', files }];
  });
}

const globToRegExp = (glob: string) => new RegExp(`^${glob.replace(/[.]/g, '\\.').replace(/\*/g, '[A-Za-z0-9-]*')}$`);
const isDir = (path: string) => statSync(path).isDirectory();

/** Everything in one feature folder that the layout does not allow (empty when it conforms). */
function featureProblems(dir: string, layout: Part[]): string[] {
  const feature = dir.split(/[\\/]/).at(-1) as string;
  const problems: string[] = [];
  const entries = readdirSync(dir);
  for (const entry of entries) {
    const part = layout.find((p) => p.name === entry);
    if (!part || part.folder !== isDir(join(dir, entry))) problems.push(`${feature}/${entry}: not a part of the layout`);
  }
  for (const part of layout) {
    if (!entries.includes(part.name)) {
      if (part.required) problems.push(`${feature}/${part.name}: missing`);
      continue;
    }
    if (!part.folder) continue;
    const files = readdirSync(join(dir, part.name));
    for (const file of files) {
      const where = `${feature}/${part.name}/${file}`;
      if (isDir(join(dir, part.name, file))) problems.push(`${where}: parts have no sub-folders`);
      else if (file.endsWith('.spec.ts') ? part.name === 'messages' : !part.files.some((glob) => globToRegExp(glob).test(file))) {
        problems.push(`${where}: not a ${part.files.join(' or ')} file`);
      }
    }
    for (const name of part.files.filter((f) => !f.includes('*'))) if (!files.includes(name)) problems.push(`${feature}/${part.name}/${name}: missing`);
  }
  if (entries.includes('routes.ts')) {
    const routes = readFileSync(join(dir, 'routes.ts'), 'utf8');
    if (!routes.includes(`defineFeatureRoutes('${feature}'`)) problems.push(`${feature}/routes.ts: not defineFeatureRoutes('${feature}', …)`);
    for (const [, target] of routes.matchAll(/import\('([^']+)'\)/g)) {
      const exists = /^\.\/pages\/\w+Page\.vue$/.test(target as string) && entries.includes('pages') && readdirSync(join(dir, 'pages')).includes((target as string).slice(8));
      if (!exists) problems.push(`${feature}/routes.ts: ${target} is not a page of pages/`);
    }
  }
  return problems;
}

const layout = readLayout(readFileSync(join(featuresDir, 'README.md'), 'utf8'));
const features = readdirSync(featuresDir).filter((name) => isDir(join(featuresDir, name)));

function cssFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (isDir(path)) return cssFiles(path);
    return name.endsWith('.css') ? [path] : [];
  });
}

describe('features/README.md describes the tree', () => {
  it('reads the layout table', () => {
    expect(layout.map((p) => p.name)).toEqual(expect.arrayContaining(['README.md', 'routes.ts', 'messages', 'pages', 'components', 'model', 'api']));
    expect(layout.filter((p) => p.required).map((p) => p.name)).toEqual(['README.md', 'routes.ts', 'messages', 'pages']);
  });

  it('every feature has that shape and nothing else', () => {
    expect(features.length).toBeGreaterThanOrEqual(6);
    expect(features.flatMap((f) => featureProblems(join(featuresDir, f), layout))).toEqual([]);
  });

  it('features/ holds only feature folders, its README and this spec', () => {
    expect(readdirSync(featuresDir).filter((name) => !isDir(join(featuresDir, name))).sort()).toEqual([...FEATURES_ROOT_FILES].sort());
  });

  it('every feature is registered where the app lists them, and nothing else is', () => {
    expect([...MESSAGE_FEATURES].sort()).toEqual([...features].sort());
    for (const feature of features) for (const locale of ['fr-CA', 'en-CA'] as const) expect(() => featureMessageLoader(feature as never, locale), `${feature} ${locale}`).not.toThrow();
    const appRoutes = readFileSync(join(srcDir, 'router/routes.ts'), 'utf8');
    const routed = [...appRoutes.matchAll(/from '@\/features\/([\w-]+)\/routes'/g)].map((m) => m[1]);
    expect(routed.sort()).toEqual([...features].sort());
  });

  it('catches what does not fit', () => {
    const root = mkdtempSync(join(tmpdir(), 'features-layout-'));
    try {
      const write = (path: string, text = '') => {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      };
      write('probe/routes.ts', "defineFeatureRoutes('probe', [{ component: () => import('./pages/Probe.vue') }]);");
      write('probe/messages/frCA.ts');
      write('probe/messages/index.ts');
      write('probe/pages/Probe.vue');
      write('probe/model/queue/probeQueue.ts');
      write('probe/api/probe.ts');
      write('probe/helpers/probeHelper.ts');
      write('probe/components/ProbeCard.vue');
      write('probe/components/ProbeCard.spec.ts');
      expect(featureProblems(join(root, 'probe'), layout).sort()).toEqual([
        'probe/README.md: missing',
        'probe/api/probe.ts: not a *Api.ts file',
        'probe/helpers: not a part of the layout',
        'probe/messages/enCA.ts: missing',
        'probe/messages/index.ts: not a frCA.ts or enCA.ts file',
        'probe/model/queue: parts have no sub-folders',
        'probe/pages/Probe.vue: not a *Page.vue file',
        'probe/routes.ts: ./pages/Probe.vue is not a page of pages/',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('small files', () => {
  it('no CSS file of the SPA is longer than 350 lines', () => {
    const files = cssFiles(srcDir);
    expect(files.length).toBeGreaterThan(5);
    const long = files.map((f) => ({ file: relative(srcDir, f), lines: readFileSync(f, 'utf8').split('\n').length - 1 })).filter((f) => f.lines > 350);
    expect(long).toEqual([]);
  });
});
