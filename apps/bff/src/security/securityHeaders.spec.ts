import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSecurityHeaders, documentCsp, inlineStyleHashes, tileSource } from './securityHeaders';

const dir = mkdtempSync(join(tmpdir(), 'bff-csp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tileSource', () => {
  it('is the scheme and host of the tile template', () => {
    expect(tileSource('https://tiles.gigafibre.ca/{z}/{x}/{y}.png')).toBe('https://tiles.gigafibre.ca');
    expect(tileSource('http://localhost:8080/tiles/{z}/{x}/{y}.png')).toBe('http://localhost:8080');
    expect(tileSource('HTTPS://Tile.Example.CA/{z}/{x}/{y}.png?key=abc')).toBe('https://tile.example.ca');
  });

  it('turns a {s} subdomain into a wildcard on the first label only', () => {
    expect(tileSource('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe('https://*.tile.openstreetmap.org');
    expect(() => tileSource('https://a.{s}.example.ca/{z}/{x}/{y}.png')).toThrow(/CSP/);
    expect(() => tileSource('https://ex ample.ca/{z}/{x}/{y}.png')).toThrow();
  });
});

describe('inlineStyleHashes', () => {
  it('hashes each inline <style> of index.html, exactly as the browser will', () => {
    const css = '\n  .boot { color: red; }\n';
    writeFileSync(join(dir, 'index.html'), `<html><head><style>${css}</style><style media="x">b{}</style></head></html>`);
    const expected = `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
    expect(inlineStyleHashes(dir)).toEqual([expected, `'sha256-${createHash('sha256').update('b{}').digest('base64')}'`]);
  });

  it('is empty when the SPA is not built', () => {
    expect(inlineStyleHashes(join(dir, 'missing'))).toEqual([]);
  });
});

describe('the document CSP', () => {
  const directives = (csp: string) => new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const));

  it('allows the app’s own files, data/blob images and nothing inline or evaluated', () => {
    const csp = directives(documentCsp({ tileUrl: null, staticDir: join(dir, 'missing') }));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect([...csp.values()].flat().join(' ')).not.toMatch(/unsafe|\*/);
  });

  it('adds the tile host to images, and nowhere else', () => {
    const csp = directives(documentCsp({ tileUrl: 'https://{s}.tiles.example.ca/{z}/{x}/{y}.png', staticDir: join(dir, 'missing') }));
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'https://*.tiles.example.ca']);
    const others = [...csp.entries()].filter(([name]) => name !== 'img-src').flatMap(([, v]) => v);
    expect(others.join(' ')).not.toContain('tiles.example.ca');
  });
});

describe('createSecurityHeaders', () => {
  it('gives documents the app CSP and API answers a CSP that loads nothing, with the same other headers', () => {
    const h = createSecurityHeaders({ tileUrl: null, staticDir: dir });
    const doc = new Map(h.document);
    const api = new Map(h.api);
    expect(doc.get('Content-Security-Policy')).toBe(h.documentCsp);
    expect(api.get('Content-Security-Policy')).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    for (const [name, value] of h.api) if (name !== 'Content-Security-Policy') expect(doc.get(name)).toBe(value);
    expect(doc.get('Strict-Transport-Security')).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(doc.get('Referrer-Policy')).toBe('same-origin');
    expect(doc.get('X-Content-Type-Options')).toBe('nosniff');
    expect(doc.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(doc.get('Permissions-Policy')).toContain('camera=(self)');
    expect(doc.get('Permissions-Policy')).toMatch(/geolocation=\(\), .*microphone=\(\)/);
    const allowed = (doc.get('Permissions-Policy') ?? '').split(', ').filter((p) => !p.endsWith('=()'));
    expect(allowed).toEqual(['camera=(self)', 'clipboard-write=(self)', 'autoplay=(self)', 'clipboard-read=(self)']);
  });
});
