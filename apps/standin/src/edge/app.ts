// The edge (Traefik + Authentik outpost): sessions, sign-in, and `/ops/*` to the BFF with identity.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '../db/open';
import type { FaultStore } from '../faults/store';
import { redirect, sendJson } from '../http/respond';
import { splitUrl } from '../http/router';
import type { AppHandler } from '../http/service';
import { AuthUserStore } from '../hub/users/store';
import type { Logger } from '../log';
import { AUTH_NGINX_PATH, createForwardAuth } from './forwardAuth';
import { identityHeaders, type JwtSettings } from './identity';
import { BffProxy } from './proxy';
import { readCookie, redirectCookie, SESSION_COOKIE, SessionStore } from './sessions';
import { FLOW_PATH, SIGN_OUT_PATH, SignIn, START_PATH } from './signin';

export interface EdgeDeps {
  db: Db;
  bffUrls: string[];
  jwt: Omit<JwtSettings, 'jwksUrl'>;
  log: Logger;
  now: () => Date;
  /** The edge's fault rules (STANDIN_FAULTS=1), also applied by the forward-auth endpoint. */
  faults?: FaultStore;
}

/**
 * Paths the outpost lets through without a session: the provider's Unauthenticated Paths
 * (deploy/README.md), `^/ops/(healthz|readyz)$` for the probes and `^/ops/?$` for the BFF's entry
 * page, which turns an old `/ops/#/…` link into its path before sign-in (a fragment never comes back).
 */
const PUBLIC = new Set(['/ops/healthz', '/ops/readyz', '/ops', '/ops/']);

export interface Edge {
  handler: AppHandler;
  close(): void;
}

export function createEdge(deps: EdgeDeps): Edge {
  const users = new AuthUserStore(deps.db);
  const sessions = new SessionStore(() => deps.now().getTime());
  const signIn = new SignIn(users, sessions, deps.now);
  const proxy = new BffProxy(deps.bffUrls, deps.log);
  const jwksPath = `/application/o/${deps.jwt.audience}/jwks/`;

  /** The signed-in, active user of the session cookie with the outpost's headers, or null (a stale session is dropped). */
  const identityFor = async (req: IncomingMessage, origin: string): Promise<Record<string, string> | null> => {
    const session = sessions.get(readCookie(req.headers.cookie, SESSION_COOKIE));
    const user = session ? users.byPk(session.userPk) : undefined;
    if (!session || !user || !user.is_active) {
      if (session) sessions.destroy(session.id);
      return null;
    }
    return identityHeaders(user, session, { ...deps.jwt, jwksUrl: `${origin}${jwksPath}` }, deps.now().getTime());
  };
  const forwardAuth = createForwardAuth({ identityFor, isPublic: (path) => PUBLIC.has(path), faults: deps.faults });

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { path, query } = splitUrl(req.url);
    const method = req.method ?? 'GET';
    if (path === '/' || path === '') return redirect(res, '/ops/');
    if (path === START_PATH) return signIn.start(req, res, query);
    if (path === SIGN_OUT_PATH) return signIn.signOut(req, res);
    if (path === AUTH_NGINX_PATH) return forwardAuth(req, res);
    if (path === FLOW_PATH || path === FLOW_PATH.slice(0, -1)) {
      if (method === 'POST') return signIn.submit(req, res);
      return signIn.show(req, res, query);
    }
    if (path === jwksPath) return sendJson(res, 200, { keys: [] });
    if (path !== '/ops' && !path.startsWith('/ops/')) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end('404 page not found');
    }
    if (PUBLIC.has(path)) return proxy.forward(req, res, null);
    const identity = await identityFor(req, `http://${req.headers.host ?? 'localhost'}`);
    // What the outpost answers any unauthenticated request, API calls included.
    // Traefik mode: the outpost remembers the URL in its session too (forwardHandleTraefik).
    if (!identity) {
      return redirect(res, `${START_PATH}?rd=${encodeURIComponent(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/ops/'}`)}`, 302, {
        'Set-Cookie': redirectCookie(req.url ?? '/ops/', req.headers['x-forwarded-proto'] === 'https'),
      });
    }
    proxy.forward(req, res, identity);
  };

  return { handler, close: () => proxy.close() };
}
