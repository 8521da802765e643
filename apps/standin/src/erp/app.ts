// The ERPNext stand-in: Frappe v1 REST on the shared database.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fingerprint, isValidIdempotencyKey } from '../db/idempotency';
import type { AppHandler } from '../http/service';
import { Router, splitUrl, type Ctx } from '../http/router';
import { sendJson, sendJsonText } from '../http/respond';
import type { Logger } from '../log';
import { FrappeError, sendFrappeError, validationError } from './errors';
import { actingUser, checkToken, readParams } from './request';
import { callMethod } from './routes/method';
import { deleteDoc, doctypeFrom, getDoc, insertDoc, listDocs, updateDoc } from './routes/resource';
import type { Answer, ErpDeps } from './types';

type Route = (ctx: Ctx, body: Record<string, unknown>, user: string | null) => Answer;

function buildRouter(deps: ErpDeps): Router {
  const r = new Router();
  const on = (method: string | string[], pattern: string, route: Route) => r.on(method, pattern, route as never);
  on('GET', '/api/resource/:doctype', (c) => listDocs(deps, doctypeFrom(c.params.doctype as string), c.query));
  on('POST', '/api/resource/:doctype', (c, body, user) => insertDoc(deps, doctypeFrom(c.params.doctype as string), body, user));
  on('GET', '/api/resource/:doctype/:name', (c) => getDoc(deps, doctypeFrom(c.params.doctype as string), c.params.name as string));
  on('PUT', '/api/resource/:doctype/:name', (c, body, user) =>
    updateDoc(deps, doctypeFrom(c.params.doctype as string), c.params.name as string, body, user),
  );
  on('DELETE', '/api/resource/:doctype/:name', (c, _b, user) => deleteDoc(deps, doctypeFrom(c.params.doctype as string), c.params.name as string, user));
  on(['GET', 'POST'], '/api/method/:method', (c, body, user) =>
    callMethod(deps, c.params.method as string, { ...Object.fromEntries(c.query), ...body }, user, c.req.method ?? 'GET'),
  );
  return r;
}

/** The ERP service's request handler. */
export function createErpHandler(deps: ErpDeps, log: Logger): AppHandler {
  const router = buildRouter(deps);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { path, query } = splitUrl(req.url);
    const method = req.method ?? 'GET';
    if (path === '/api/method/ping') return sendJson(res, 200, { message: 'pong' });
    checkToken(req, deps.token);
    const match = router.match(method, path);
    if (match.kind === 'none') throw new FrappeError('DoesNotExistError', `Ressource introuvable : ${path}`);
    if (match.kind === 'method') {
      throw new FrappeError('PermissionError', `Méthode ${method} non permise sur ${path}`);
    }
    const user = actingUser(req);
    const hasBody = method === 'POST' || method === 'PUT';
    const { raw, params } = hasBody ? await readParams(req) : { raw: Buffer.alloc(0), params: {} };
    const ctx: Ctx = { req, res, path, query, params: match.params };
    const key = method === 'POST' ? req.headers['idempotency-key'] : undefined;
    if (typeof key === 'string') {
      if (!isValidIdempotencyKey(key)) throw validationError('Idempotency-Key invalide');
      const print = fingerprint(method, req.url ?? path, raw);
      const hit = deps.idempotency.lookup('erp', key, print);
      if (hit.kind === 'mismatch') throw validationError('Idempotency-Key déjà utilisée pour une autre requête');
      if (hit.kind === 'replay') return sendJsonText(res, hit.answer.status, hit.answer.body, { 'Idempotent-Replayed': 'true' });
      const answer = (match.handler as unknown as Route)(ctx, params, user);
      const text = JSON.stringify(answer.body);
      deps.idempotency.remember('erp', key, print, { status: answer.status, body: text });
      return sendJsonText(res, answer.status, text);
    }
    const answer = (match.handler as unknown as Route)(ctx, params, user);
    sendJson(res, answer.status, answer.body);
  };

  return async (req, res) => {
    try {
      await handle(req, res);
    } catch (err) {
      if (err instanceof FrappeError) return sendFrappeError(res, err);
      if (err instanceof Error && /SQLITE_|SqliteError/.test(`${err.name} ${err.message}`)) {
        // A query the whitelist let through but SQLite refused: the caller's fault, not a crash.
        log.warn('sqlite refused a query', { err: err.message, url: req.url });
        return sendFrappeError(res, validationError('Requête refusée par la base de données'));
      }
      throw err;
    }
  };
}
