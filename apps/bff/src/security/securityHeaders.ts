// The security headers on every answer of the BFF (API, SPA files, errors, redirects), computed
// once at start: per request they cost a handful of `setHeader` calls, no string building.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';

/** Header name/value pairs, ready to set. */
export type HeaderList = readonly (readonly [string, string])[];

/** The two sets: documents (the SPA and its files) and everything else (JSON answers). */
export interface SecurityHeaders {
  readonly document: HeaderList;
  readonly api: HeaderList;
  /** The document CSP's directives, for tests and the README. */
  readonly documentCsp: string;
}

/** What the headers depend on, known at start. */
export interface SecurityHeaderOptions {
  /** OPS_MAP_TILE_URL: its host is the one outside origin images may come from. */
  readonly tileUrl: string | null;
  /** The built SPA: the inline `<style>` of its index.html is allowed by hash. */
  readonly staticDir: string;
}

/**
 * The names the BFF owns: an upstream's own value is dropped (proxy/upstreamHeaders.ts), so an
 * ERPNext answer cannot weaken the policy with `X-Frame-Options: ALLOWALL` or a looser CSP.
 */
export const SECURITY_HEADER_NAMES = [
  'content-security-policy',
  'content-security-policy-report-only',
  'strict-transport-security',
  'referrer-policy',
  'permissions-policy',
  'x-content-type-options',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'cross-origin-embedder-policy',
  'x-frame-options',
] as const;

/**
 * Powerful features: only the camera (label scanning) is the app's; clipboard-write copies a new
 * user's temporary password; autoplay lets the camera preview `play()`; clipboard-read stays at
 * the browser's default (self, behind its own permission prompt): the users e2e reads back the
 * copied password. Everything else is off.
 */
const PERMISSIONS_POLICY = [
  'camera=(self)',
  'clipboard-write=(self)',
  'autoplay=(self)',
  'clipboard-read=(self)',
  'accelerometer=()',
  'bluetooth=()',
  'browsing-topics=()',
  'display-capture=()',
  'encrypted-media=()',
  'fullscreen=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'idle-detection=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'picture-in-picture=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/**
 * The CSP source for the tile host of a Leaflet URL template. A `{s}` subdomain placeholder in the
 * first label becomes `*` (`https://{s}.tile.example/…` → `https://*.tile.example`).
 * @throws Error when a placeholder sits anywhere else in the host (CSP cannot express it).
 */
export function tileSource(tileUrl: string): string {
  const match = /^(https?):\/\/([^/?#]+)/i.exec(tileUrl);
  if (!match) throw new Error(`URL de tuiles illisible : ${tileUrl}`);
  const scheme = (match[1] as string).toLowerCase();
  const [first, ...rest] = (match[2] as string).toLowerCase().split('.');
  const host = [/[{}]/.test(first as string) ? '*' : first, ...rest].join('.');
  if (/[{}]/.test(rest.join('.')) || !/^(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/.test(host)) {
    throw new Error(`hôte de tuiles non exprimable en CSP (tile host not expressible in a CSP): ${match[2]}`);
  }
  return `${scheme}://${host}`;
}

/** `'sha256-…'` sources for each inline `<style>` of the built index.html (the boot splash). */
export function inlineStyleHashes(staticDir: string): string[] {
  let html: string;
  try {
    html = readFileSync(join(staticDir, 'index.html'), 'utf8');
  } catch {
    return []; // not built: nothing inline to allow
  }
  return [...html.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/gi)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1] as string, 'utf8').digest('base64')}'`,
  );
}

/** The SPA's Content-Security-Policy: its own files only, plus the map tiles' host for images. */
export function documentCsp(options: SecurityHeaderOptions): string {
  const tiles = options.tileUrl === null ? [] : [tileSource(options.tileUrl)];
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Bundled CSS files plus the hashed boot splash; styles set from script (Vue :style, Quasar,
    // Leaflet) go through the CSSOM, which CSP does not govern, so no 'unsafe-inline'.
    ["style-src 'self'", ...inlineStyleHashes(options.staticDir)].join(' '),
    ["img-src 'self' data: blob:", ...tiles].join(' '),
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

// A JSON answer is never a document to render: if one is opened directly, it may load nothing.
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Builds both header sets once. */
export function createSecurityHeaders(options: SecurityHeaderOptions): SecurityHeaders {
  const csp = documentCsp(options);
  const common: HeaderList = [
    // Two years: the browser keeps to HTTPS for erp.gigafibre.ca and its subdomains.
    ['Strict-Transport-Security', 'max-age=63072000; includeSubDomains'],
    ['Referrer-Policy', 'same-origin'],
    ['Permissions-Policy', PERMISSIONS_POLICY],
    ['X-Content-Type-Options', 'nosniff'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Cross-Origin-Resource-Policy', 'same-origin'],
    // For browsers without CSP level 2 (frame-ancestors).
    ['X-Frame-Options', 'DENY'],
  ];
  return {
    document: [['Content-Security-Policy', csp], ...common],
    api: [['Content-Security-Policy', API_CSP], ...common],
    documentCsp: csp,
  };
}

/** Sets `headers` on `res` (before anything is written). */
export function applyHeaders(res: ServerResponse, headers: HeaderList): void {
  for (let i = 0; i < headers.length; i++) {
    const pair = headers[i] as readonly [string, string];
    res.setHeader(pair[0], pair[1]);
  }
}
