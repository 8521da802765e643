// The access step of the pipeline (app.ts), after the route policy and the body checks, for every
// ERPNext call: rows, fields and size, from the access table (packages/capabilities). It decides
// what is sent upstream (the client's query, or one with the user's scope added), or answers at
// once (a user with no rows), or refuses; lists draw on the user's row budget and big reads of
// personal data are audited.
import { DOCTYPE_ACCESS, LIST_LIMITS, METHOD_ACCESS, type WriteMethod } from '@gigafibre/capabilities';
import type { BffRequest } from '../bffRequest';
import type { BffConfig } from '../config';
import { HttpError } from '../errors';
import { actorOf, type Identity } from '../identity/identity';
import type { Logger } from '../logging/logger';
import { RateLimiter } from '../security/rateLimit';
import { keepFields } from './documentFields';
import { createErpReader } from './erpReader';
import { pinnedValues } from './filters';
import { Grants, type CompiledRead } from './grants';
import { parseListRequest, type ListKind, type ListRequest } from './listRequest';
import type { AccessDeps, Caller } from './ownCheck';
import { OwnRowsModel } from './ownRows';
import { planDocument, planList, type ReadPlan } from './readAccess';
import { ScopeStore, type ScopeStoreOptions } from './scopeStore';
import { planMethod, planWrite } from './writeAccess';
import { planPrivateFile, planUpload } from './uploadAccess';

/** What to do with an ERP call once the access step agrees. */
export interface AccessOutcome {
  /** The upstream URL (path and query) to send. */
  url: string;
  /** Answer this JSON at once instead (200), reaching nothing. */
  answer?: unknown;
  /** Rewrites a successful answer before the browser sees it (null: refuse it with a 502). */
  transform?: (body: Buffer) => Buffer | null;
}

export interface AccessStep {
  /**
   * Checks an ERP call the route policy allowed. `segments`/`url`: the upstream path (`api`,
   * `resource`, …) and URL; `query`: its parameters; `body`: a write's body, read and checked.
   */
  check(req: BffRequest, segments: readonly string[], url: string, query: URLSearchParams, identity: Identity, body: Buffer | undefined): AccessOutcome | Promise<AccessOutcome>;
  close(): void;
}

export interface AccessStepOptions extends ScopeStoreOptions {
  /** Clock of the row budget (tests). */
  now?: () => number;
}

function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

export function createAccessStep(config: BffConfig, log: Logger, options: AccessStepOptions = {}): AccessStep {
  const grants = new Grants(DOCTYPE_ACCESS, METHOD_ACCESS);
  const model = new OwnRowsModel(DOCTYPE_ACCESS);
  const reader = createErpReader(config.erp, config.upstreamTimeoutMs);
  // The scope's « today » (a technician's window of days) is the business clock's (OPS_CLOCK).
  const deps: AccessDeps = { grants, model, reader, scopes: new ScopeStore(model, reader, log, { now: config.clock, ...options }) };
  const budget = new RateLimiter(config.security.rates, options.now);

  /** Lists draw on the user's row budget (429 past it); big lists of personal data are audited. */
  function meter(req: BffRequest, identity: Identity, request: ListRequest, grant: CompiledRead): void {
    if (request.kind === 'get_count') return;
    const names = pinnedValues(request.filters, 'name');
    const rows = names === undefined ? request.pageLength : Math.min(request.pageLength, names.size);
    const who = actorOf(identity);
    const retryAfterS = budget.take('listRows', who, rows);
    if (retryAfterS > 0) {
      const rate = budget.rate('listRows');
      log.warn({ requestId: req.requestId, audit: true, event: 'rate_limited', who, limit: 'listRows', rate, retryAfterS, doctype: request.doctype, rows }, 'rate limited');
      throw new HttpError(429, 'rate_limited', `Trop de lignes demandées en peu de temps : réessayez dans ${retryAfterS} s.`, { limit: 'listRows', retryAfterSeconds: retryAfterS });
    }
    if (rows > LIST_LIMITS.auditAbove && grants.access(request.doctype)?.personal) {
      log.info({ requestId: req.requestId, audit: true, event: 'bulk_read', who, doctype: request.doctype, rows, rowsScope: grant.rows, start: request.params.get('limit_start') ?? '0' }, 'bulk read');
    }
  }

  async function list(req: BffRequest, caller: Caller, kind: ListKind, doctype: string, url: string, query: URLSearchParams): Promise<AccessOutcome> {
    const request = parseListRequest(kind, doctype, query);
    const plan: ReadPlan = await planList(deps, caller, request);
    meter(req, caller.identity, request, plan.grant);
    if (plan.answer !== undefined) return { url, answer: plan.answer };
    return { url: plan.search === undefined ? url : `${pathOf(url)}?${plan.search}` };
  }

  /** Sends `url`, the answer's document cut to what the user's best read grant on `doctype` shows. */
  function withShown(url: string, doctype: string, identity: Identity): AccessOutcome {
    const best = grants.readsOf(doctype, identity.capabilitySet)[0];
    if (best?.fields === null) return { url };
    // No read grant at all (a writer who may not read): the answer names the document, nothing more.
    return { url, transform: keepFields(best?.fields ?? new Set()) };
  }

  async function route(req: BffRequest, segments: readonly string[], url: string, query: URLSearchParams, identity: Identity, body: Buffer | undefined): Promise<AccessOutcome> {
    const caller: Caller = { identity, requestId: req.requestId };
    const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
    const [, area, first, name] = segments; // ['api', 'resource'|'method', …]
    if (area === 'resource' && first !== undefined) {
      if (method === 'GET' && name === undefined) return list(req, caller, 'list', first, url, query);
      if (method === 'GET' && name !== undefined) {
        await planDocument(deps, caller, first, name, query);
        return withShown(url, first, identity);
      }
      if ((method === 'POST' && name === undefined) || (method === 'PUT' && name !== undefined)) {
        await planWrite(deps, caller, first, method as WriteMethod, name, query, body);
        return withShown(url, first, identity);
      }
    }
    if (segments[0] === 'private' && segments[1] === 'files' && segments.length === 3 && method === 'GET') {
      // The content as ERPNext serves it (no JSON to cut): only the permission is checked.
      await planPrivateFile(deps, caller, segments[2] as string);
      return { url };
    }
    if (area === 'method' && first === 'upload_file' && name === undefined && method === 'POST') {
      await planUpload(deps, caller, query, req.headers['content-type'], body);
      return withShown(url, 'File', identity);
    }
    if (area === 'method' && first !== undefined && name === undefined) {
      if (method === 'GET' && (first === 'frappe.client.get_list' || first === 'frappe.client.get_count')) {
        // The route policy matched exactly one `doctype` parameter.
        return list(req, caller, first === 'frappe.client.get_list' ? 'get_list' : 'get_count', query.get('doctype') ?? '', url, query);
      }
      const access = Object.hasOwn(METHOD_ACCESS, first) ? METHOD_ACCESS[first] : undefined;
      if (access && method === access.http) {
        await planMethod(deps, caller, first, access, query, body);
        return withShown(url, access.document.doctype, identity);
      }
    }
    // The route policy let it through but the access table says nothing: deny by default.
    throw new HttpError(403, 'forbidden', `Accès non déclaré : ${method} /${segments.join('/')}.`, { reason: 'no_access_rule' });
  }

  return {
    check: route,
    close: () => reader.close(),
  };
}
