// What a browser must load before it shows the SPA, read from a build (`vite build` with its
// manifest): the files index.html makes it load, and for a route its lazy page and feature
// messages, each with its static imports (recursively) and their CSS. Sizes are gzip level 9. Shared by bench/bundle-budget.ts and bench/scan-queue.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { round } from './report';

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** What a set of chunks needs before it runs: the built files, and the source modules they hold. */
export interface LoadSet {
  files: ReadonlySet<string>;
  modules: ReadonlySet<string>;
}

/** 1 kB = 1000 bytes, one decimal, as the budgets are written. */
export function kb(bytes: number): number {
  return round(bytes / 1000, 1);
}

export class FirstLoad {
  private readonly manifest: Manifest;
  private readonly gzipCache = new Map<string, number>();
  /** The manifest keys index.html loads (every module script and module preload: the bundler may put a runtime chunk first). */
  readonly shellKeys: string[];

  constructor(private readonly dist: string) {
    this.manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const pageFiles = [...html.matchAll(/<(?:script[^>]+type="module"[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/ops\/([^"]+)"/g)].map((m) => m[1] as string);
    if (pageFiles.length === 0) throw new Error('pas de <script type=module> dans index.html');
    const entryKeys = pageFiles.map((file) => {
      const key = Object.keys(this.manifest).find((k) => this.manifest[k]?.file === file);
      if (!key) throw new Error(`${file} (index.html) absent du manifeste`);
      return key;
    });
    // Quasar's French pack is not among them: boot/i18n.ts lets it load beside the first page.
    this.shellKeys = entryKeys;
  }

  /** True when the build has this source module as a chunk (e.g. a feature's messages). */
  has(key: string): boolean {
    return this.manifest[key] !== undefined;
  }

  /** What `keys` need before they run, on top of `base` (e.g. the shell, loaded already). */
  closure(keys: readonly string[], base: LoadSet = { files: new Set(), modules: new Set() }): LoadSet {
    const files = new Set(base.files);
    const modules = new Set(base.modules);
    const visit = (key: string) => {
      const chunk = this.manifest[key];
      if (!chunk) throw new Error(`chunk absent du manifeste : ${key}`);
      modules.add(key);
      if (files.has(chunk.file)) return;
      files.add(chunk.file);
      chunk.css?.forEach((css) => files.add(css));
      chunk.imports?.forEach(visit);
    };
    keys.forEach(visit);
    return { files, modules };
  }

  /** Gzip bytes of the JS and of the CSS of `set`. */
  sizes(set: LoadSet): { js: number; css: number } {
    let js = 0;
    let css = 0;
    for (const file of set.files) {
      if (file.endsWith('.js')) js += this.gzipBytes(file);
      else if (file.endsWith('.css')) css += this.gzipBytes(file);
    }
    return { js, css };
  }

  private gzipBytes(file: string): number {
    let size = this.gzipCache.get(file);
    if (size === undefined) {
      size = gzipSync(readFileSync(join(this.dist, file)), { level: 9 }).length;
      this.gzipCache.set(file, size);
    }
    return size;
  }
}
