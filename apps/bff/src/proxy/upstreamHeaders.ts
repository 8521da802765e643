import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { BffRequest } from '../bffRequest';
import { actorOf, type Identity } from '../identity/identity';

// Request headers that never leave the BFF: the user's credentials, the edge's identity headers
// (upstreams trust the service token and X-Ops-User only) and hop-by-hop negotiation.
const CLIENT_ONLY = ['cookie', 'authorization', 'proxy-authorization', 'expect', 'upgrade', 'te', 'trailer', 'keep-alive', 'proxy-connection'];

/**
 * Shapes the headers a proxied request carries upstream, in place (the proxy copies `req.headers`):
 * client credentials and `X-Authentik-*` removed, `X-Request-Id` and `X-Ops-User` set. The service
 * token is added by the proxy itself.
 */
export function prepareUpstreamHeaders(req: BffRequest): void {
  const headers = req.headers;
  for (const name of CLIENT_ONLY) if (headers[name] !== undefined) delete headers[name];
  for (const name in headers) if (name.startsWith('x-authentik-')) delete headers[name];
  headers['x-request-id'] = req.requestId;
  headers['x-ops-user'] = actorOf(req.identity as Identity);
}

// Response headers that never reach the browser: upstream sessions (ERPNext sets `sid` on every
// answer) and authentication challenges meant for the BFF.
const UPSTREAM_ONLY = ['set-cookie', 'www-authenticate', 'proxy-authenticate'];

/** Removes upstream-only headers and any header that echoes one of `secrets`. */
export function scrubUpstreamHeaders(headers: IncomingHttpHeaders, secrets: readonly string[]): void {
  for (const name of UPSTREAM_ONLY) if (headers[name] !== undefined) delete headers[name];
  for (const name in headers) {
    const value = headers[name];
    const text = Array.isArray(value) ? value.join('\n') : (value ?? '');
    if (secrets.some((secret) => text.includes(secret))) delete headers[name];
  }
}

/** True when the upstream answered with a status meaning "your credentials are wrong". */
export function refusedServiceToken(proxyRes: IncomingMessage): boolean {
  return proxyRes.statusCode === 401 || proxyRes.statusCode === 407;
}
