import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import type { UpstreamConfig } from '../config';
import { SECURITY_HEADER_NAMES } from '../security/securityHeaders';

// Hop-by-hop headers describe one connection, never the next one (RFC 9110 §7.6.1).
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'upgrade'];

// Request headers that never leave the BFF: the user's credentials, the edge's identity headers
// (upstreams trust the service token and X-Ops-User only), what the BFF sets itself, and hop-by-hop
// negotiation. Content-Length is kept (the body is streamed as received); a chunked body is sent
// chunked again by the client library, which frames it itself.
const CLIENT_ONLY = new Set(['cookie', 'authorization', 'proxy-authorization', 'expect', 'host', 'x-request-id', 'x-ops-user', 'x-ops-user-name', 'transfer-encoding', ...HOP_BY_HOP]);

// Response headers that never reach the browser: upstream sessions (ERPNext sets `sid` on every
// answer), authentication challenges meant for the BFF, hop-by-hop headers (Node frames the
// answer to the browser itself), and the security headers the BFF sets itself.
const UPSTREAM_ONLY = new Set(['set-cookie', 'www-authenticate', 'proxy-authenticate', 'transfer-encoding', ...HOP_BY_HOP, ...SECURITY_HEADER_NAMES]);

/** The headers a `Connection` header names as hop-by-hop (besides the standard ones). */
function connectionTokens(headers: IncomingHttpHeaders): string[] {
  const connection = headers.connection;
  if (typeof connection !== 'string' || !connection.includes(',')) return [];
  return connection
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t !== 'close' && t !== 'keep-alive' && t !== 'content-length' && t !== 'transfer-encoding');
}

/**
 * The headers a proxied request carries upstream: the client's, minus its credentials, the
 * `X-Authentik-*` set and hop-by-hop ones; plus the service token (injected here and nowhere
 * else), the request id and the user, for attribution. With `bodyLength` (a body the BFF read in
 * full), that exact Content-Length replaces the client's framing. With `userName`, the user's name
 * too (`X-Ops-User-Name`, percent-encoded UTF-8: the hub signs the SMS it sends with it). A flat `[name, value, …]` list:
 * `http.request` writes it as is, without a `setHeader` call per header as for an object.
 */
export function upstreamRequestHeaders(
  headers: IncomingHttpHeaders,
  upstream: UpstreamConfig,
  host: string,
  requestId: string,
  user: string,
  bodyLength?: number,
  userName?: string,
): string[] {
  const out = ['host', host, 'authorization', upstream.authorization, 'x-request-id', requestId, 'x-ops-user', user];
  if (userName !== undefined) out.push('x-ops-user-name', encodeURIComponent(userName));
  if (bodyLength !== undefined) out.push('content-length', String(bodyLength));
  const named = connectionTokens(headers);
  for (const name in headers) {
    if (CLIENT_ONLY.has(name) || name.startsWith('x-authentik-') || (named.length > 0 && named.includes(name))) continue;
    if (bodyLength !== undefined && name === 'content-length') continue;
    const value = headers[name];
    if (typeof value === 'string') out.push(name, value);
    else if (value !== undefined) for (const v of value) out.push(name, v);
  }
  return out;
}

/** The upstream's answer headers as the browser may see them: no upstream-only header, nothing echoing one of `secrets`. */
export function browserResponseHeaders(headers: IncomingHttpHeaders, secrets: readonly string[]): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  const named = connectionTokens(headers);
  for (const name in headers) {
    if (UPSTREAM_ONLY.has(name) || (named.length > 0 && named.includes(name))) continue;
    const value = headers[name];
    const text = Array.isArray(value) ? value.join('\n') : (value ?? '');
    if (secrets.some((secret) => text.includes(secret))) continue;
    out[name] = value;
  }
  return out;
}

/** True when the upstream answered with a status meaning "your credentials are wrong". */
export function refusedServiceToken(status: number): boolean {
  return status === 401 || status === 407;
}
