// The outpost's forward-auth endpoint for nginx (`auth_request /outpost.goauthentik.io/auth/nginx`),
// as Authentik's proxy outpost answers it: 200 with the X-authentik-* headers for a signed-in
// user, 200 without them for a skip path, 401 otherwise (nginx then sends the browser to
// `/outpost.goauthentik.io/start`). The request it judges is nginx's original one, named by
// `X-Original-URL` (Authentik answers 500 without it).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultStore } from '../faults/store';
import { sendJson } from '../http/respond';
import { redirectCookie } from './sessions';

export const AUTH_NGINX_PATH = '/outpost.goauthentik.io/auth/nginx';

/** What the endpoint needs from the edge: who is signed in (headers to send), and the fault rules of the edge. */
export interface ForwardAuthDeps {
  /** The outpost's headers for the session in `req`'s cookie, or null when nobody valid is signed in. */
  identityFor(req: IncomingMessage, origin: string): Promise<Record<string, string> | null>;
  /** Paths that need no session (Authentik's skip path). */
  isPublic(path: string): boolean;
  /** The edge's faults (STANDIN_FAULTS=1): rules written for `/ops/...` paths apply to the original request. */
  faults?: FaultStore;
}

/**
 * Authentik's answer when nobody is signed in (nginx turns it into the redirect to sign-in). The
 * outpost first remembers the original URL in its session (forwardHandleNginx: SessionRedirect),
 * which its start handler goes back to after sign-in: nginx hands the cookie on with the redirect.
 */
function unauthorized(res: ServerResponse, original: URL): void {
  res.writeHead(401, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'Set-Cookie': redirectCookie(`${original.pathname}${original.search}`, original.protocol === 'https:'),
  });
  res.end('unauthorized request\n');
}

export function createForwardAuth(deps: ForwardAuthDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const raw = req.headers['x-original-url'];
    let original: URL;
    try {
      original = new URL(typeof raw === 'string' ? raw : '');
    } catch {
      return sendJson(res, 500, { error: 'configuration error: X-Original-URL manquant (proxy_set_header X-Original-URL $scheme://$http_host$request_uri)' });
    }
    // Fault rules are written for what the browser asked (`/ops/api/…`); the method is not part of
    // nginx's subrequest (a GET), so the proxy sends it along (X-Original-Method).
    const method = String(req.headers['x-original-method'] ?? 'GET').toUpperCase();
    const scope = { cookie: req.headers.cookie, query: original.search.slice(1) };
    const fault = deps.faults?.peek(method, original.pathname, scope);
    if (fault && (fault.status !== undefined || fault.reset)) {
      // An answer only the edge can give (a status, a reset): nginx replays the request to the
      // edge on a 403 marked as a fault (the generated config's `@standin_fault`), where it is taken.
      res.writeHead(403, { 'X-Standin-Fault': String(fault.id), 'Content-Length': 0 });
      return void res.end();
    }
    if (fault) {
      deps.faults?.take(method, original.pathname, scope);
      if (fault.latencyMs) await sleep(fault.latencyMs);
      if (fault.signIn) return unauthorized(res, original);
    }
    if (deps.isPublic(original.pathname)) {
      res.writeHead(200, { 'Content-Length': 0 });
      return void res.end();
    }
    const identity = await deps.identityFor(req, original.origin);
    if (!identity) return unauthorized(res, original);
    res.writeHead(200, { ...identity, 'Content-Length': 0, 'Cache-Control': 'no-store' });
    res.end();
  };
}
