// The ERPNext stand-in: Frappe v1 REST on the shared database (frappe/app.py application →
// frappe/auth.py validate_auth → frappe/api/__init__.py handle → frappe/api/v1.py).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fingerprint, isValidIdempotencyKey } from '../db/idempotency';
import type { AppHandler } from '../http/service';
import { Router, splitUrl, type Ctx } from '../http/router';
import { sendJson, sendJsonText } from '../http/respond';
import type { Logger } from '../log';
import { FrappeError, sendFrappeError, validationError } from './errors';
import { guestRefusal, type RouteKind } from './guest';
import { actingUser, authenticate, readParams } from './request';
import { callMethod, isKnownMethod } from './routes/method';
import { readStoredFile } from './routes/upload-file';
import { deleteDoc, doctypeFrom, getDoc, insertDoc, listDocs, updateDoc } from './routes/resource';
import { paramsFromQuery } from './query/list-params';
import type { Answer, ErpDeps } from './types';

/** A route's context: the router's, plus whether the body was JSON (make_form_dict reads it alone then). */
type ErpCtx = Ctx & { jsonBody: boolean };
type Route = (ctx: ErpCtx, body: Record<string, unknown>, user: string | null) => Answer;
interface Endpoint {
  kind: RouteKind;
  run: Route;
}

function buildRouter(deps: ErpDeps): Router {
  const r = new Router();
  const on = (method: string | string[], pattern: string, kind: RouteKind, run: Route) => r.on(method, pattern, { kind, run } as never);
  const doctype = (c: ErpCtx) => doctypeFrom(c.params.doctype as string);
  on('GET', '/api/resource/:doctype', 'list', (c) => listDocs(deps, doctype(c), paramsFromQuery(c.query)));
  on('POST', '/api/resource/:doctype', 'insert', (c, body, user) => insertDoc(deps, doctype(c), body, user));
  on('GET', '/api/resource/:doctype/:name', 'read', (c) => getDoc(deps, doctype(c), c.params.name as string));
  on('PUT', '/api/resource/:doctype/:name', 'update', (c, body, user) => updateDoc(deps, doctype(c), c.params.name as string, body, user));
  on('DELETE', '/api/resource/:doctype/:name', 'delete', (c, _b, user) => deleteDoc(deps, doctype(c), c.params.name as string, user));
  // frappe/app.py make_form_dict: a JSON body is the whole argument set; otherwise query and form together.
  on(['GET', 'POST'], '/api/method/:method', 'method', (c, body, user) =>
    callMethod(deps, c.params.method as string, c.jsonBody ? body : { ...Object.fromEntries(c.query), ...body }, user, c.req.method ?? 'GET'),
  );
  return r;
}

/** werkzeug's MethodNotAllowed, which frappe/app.py returns as is (an HTML page, not Frappe JSON). */
function sendMethodNotAllowed(res: ServerResponse, allow: string[]): void {
  const html = '<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n<h1>Method Not Allowed</h1>\n<p>The method is not allowed for the requested URL.</p>\n';
  res.writeHead(405, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(html), Allow: allow.join(', ') });
  res.end(html);
}

/** The ERP service's request handler. */
export function createErpHandler(deps: ErpDeps, log: Logger): AppHandler {
  const router = buildRouter(deps);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const split = splitUrl(req.url);
    // frappe/api/__init__.py mounts the v1 rules under /api and /api/v1 alike.
    const path = split.path.startsWith('/api/v1/') ? `/api/${split.path.slice('/api/v1/'.length)}` : split.path;
    const method = req.method ?? 'GET';
    // validate_auth runs before any route: a bad credential is a 401 even for ping.
    const caller = authenticate(req, deps.token);
    if (path === '/api/method/ping') return sendJson(res, 200, { message: 'pong' });
    if (method === 'GET' && path.startsWith('/private/files/')) {
      // frappe.utils.response.download_private_file: the API key's user reads any File (Administrator).
      if (caller === 'guest') throw new FrappeError('PermissionError', 'Non permis', 'flagged');
      const file = readStoredFile(deps.files, true, path.slice('/private/files/'.length));
      if (!file) throw new FrappeError('DoesNotExistError', `Fichier introuvable : ${path}`, 'bare');
      res.writeHead(200, { 'Content-Type': file.type, 'Content-Length': file.data.length, 'Cache-Control': 'private, max-age=3600' });
      return void res.end(file.data);
    }
    const match = router.match(method, path);
    // werkzeug's NotFound, re-raised bare as DoesNotExistError (frappe/api/__init__.py handle).
    if (match.kind === 'none') throw new FrappeError('DoesNotExistError', `Ressource introuvable : ${path}`, 'bare');
    if (match.kind === 'method') return sendMethodNotAllowed(res, match.allow);
    const endpoint = match.handler as unknown as Endpoint;
    if (endpoint.kind === 'method' && !isKnownMethod(match.params.method as string)) {
      // frappe/handler.py execute_cmd: get_attr fails before any permission check.
      throw validationError(`Impossible de trouver la méthode ${match.params.method as string}`);
    }
    if (caller === 'guest') throw guestRefusal(deps, endpoint.kind, match.params);
    const user = actingUser(req);
    const hasBody = method === 'POST' || method === 'PUT';
    const { params, json, print: body } = hasBody ? await readParams(req) : { params: {}, json: false, print: Buffer.alloc(0) };
    const ctx: ErpCtx = { req, res, path, query: split.query, params: match.params, jsonBody: json };
    const key = method === 'POST' ? req.headers['idempotency-key'] : undefined;
    if (typeof key === 'string') {
      if (!isValidIdempotencyKey(key)) throw validationError('Idempotency-Key invalide');
      const print = fingerprint(method, req.url ?? path, body);
      const hit = deps.idempotency.lookup('erp', key, print);
      if (hit.kind === 'mismatch') throw validationError('Idempotency-Key déjà utilisée pour une autre requête');
      if (hit.kind === 'replay') return sendJsonText(res, hit.answer.status, hit.answer.body, { 'Idempotent-Replayed': 'true' });
      const answer = endpoint.run(ctx, params, user);
      const text = JSON.stringify(answer.body);
      deps.idempotency.remember('erp', key, print, { status: answer.status, body: text });
      return sendJsonText(res, answer.status, text);
    }
    const answer = endpoint.run(ctx, params, user);
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
