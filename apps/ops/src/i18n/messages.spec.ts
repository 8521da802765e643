/// <reference types="node" />
// The message catalogues: same keys in both languages, every message valid vue-i18n syntax, and
// every key the code uses exists (in French, the reference).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from 'vue-i18n';
import { detectLocale } from './detectLocale';
import { catalogue, leaves } from './testing/catalogue';

const srcDir = resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(vue|ts)$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

afterEach(() => vi.restoreAllMocks());

describe('messages', () => {
  it('fr-CA and en-CA have exactly the same keys, none empty', async () => {
    const fr = leaves(await catalogue('fr-CA'));
    const en = leaves(await catalogue('en-CA'));
    expect([...en.keys()].sort()).toEqual([...fr.keys()].sort());
    for (const [key, value] of [...fr, ...en]) expect(value.trim(), key).not.toBe('');
  });

  it('every message is valid vue-i18n syntax and renders without warnings', async () => {
    const warn = vi.spyOn(console, 'warn');
    const error = vi.spyOn(console, 'error');
    const messages = { 'fr-CA': await catalogue('fr-CA'), 'en-CA': await catalogue('en-CA') };
    const i18n = createI18n({ legacy: false, locale: 'fr-CA', messages, missingWarn: true, fallbackWarn: true });
    for (const locale of ['fr-CA', 'en-CA'] as const) {
      i18n.global.locale.value = locale;
      for (const [key, source] of leaves(messages[locale])) {
        const names = [...source.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
        const out = i18n.global.t(key, Object.fromEntries(names.map((n) => [n, `<${n}>`])));
        expect(out, `${locale} ${key}`).not.toBe(key);
        for (const name of names) expect(out, `${locale} ${key}`).toContain(`<${name}>`);
      }
    }
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });

  it('every key the code names exists', async () => {
    const fr = leaves(await catalogue('fr-CA'));
    const used: { key: string; file: string }[] = [];
    const patterns = [/\$?\bt\(\s*'([\w.-]+)'/g, /\b(?:label|title|key):\s*'([a-z]\w*(?:\.[\w-]+)+)'/g];
    for (const file of sourceFiles(srcDir)) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of patterns) for (const m of text.matchAll(pattern)) used.push({ key: m[1] as string, file: relative(srcDir, file) });
    }
    expect(used.length).toBeGreaterThan(50);
    const unknown = used.filter(({ key }) => !fr.has(key)).map(({ key, file }) => `${file}: ${key}`);
    expect(unknown).toEqual([]);
  });
});

describe('detectLocale', () => {
  it('keeps the user’s choice, else follows the browser’s first French or English preference, else French', () => {
    expect(detectLocale('en-CA', ['fr-CA'])).toBe('en-CA');
    expect(detectLocale(null, ['en-US', 'fr-CA'])).toBe('en-CA');
    expect(detectLocale(null, ['fr', 'en'])).toBe('fr-CA');
    expect(detectLocale(null, ['de-DE', 'en-GB'])).toBe('en-CA');
    expect(detectLocale('klingon', ['es'])).toBe('fr-CA');
    expect(detectLocale(null, [])).toBe('fr-CA');
  });
});
