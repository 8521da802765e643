// A small method + path router on node:http: the standin needs speed and control, not a framework.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a route handler receives. */
export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  /** Raw path (still percent-encoded), without the query string. */
  path: string;
  query: URLSearchParams;
  /** Decoded `:param` segments. */
  params: Record<string, string>;
}

export type Handler = (ctx: Ctx) => void | Promise<void>;

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

/** Outcome of a lookup: a handler, a path known under other methods (405), or nothing (404). */
export type RouteMatch = { kind: 'found'; handler: Handler; params: Record<string, string> } | { kind: 'method'; allow: string[] } | { kind: 'none' };

export class Router {
  private readonly routes: Route[] = [];

  on(method: string | string[], pattern: string, handler: Handler): this {
    for (const m of Array.isArray(method) ? method : [method]) {
      this.routes.push({ method: m, segments: pattern.split('/').slice(1), handler });
    }
    return this;
  }

  /** Finds the route for a raw path; segments are percent-decoded (a bad escape matches nothing). */
  match(method: string, path: string): RouteMatch {
    let actual: string[];
    try {
      actual = path.split('/').slice(1).map(decodeURIComponent);
    } catch {
      return { kind: 'none' };
    }
    const verb = method === 'HEAD' ? 'GET' : method;
    const allow = new Set<string>();
    for (const route of this.routes) {
      const params = matchSegments(route.segments, actual);
      if (!params) continue;
      if (route.method === verb) return { kind: 'found', handler: route.handler, params };
      allow.add(route.method);
    }
    return allow.size > 0 ? { kind: 'method', allow: [...allow] } : { kind: 'none' };
  }
}

function matchSegments(pattern: readonly string[], actual: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] as string;
    const a = actual[i] as string;
    if (p.startsWith(':')) {
      if (a === '') return undefined;
      params[p.slice(1)] = a;
    } else if (p !== a) return undefined;
  }
  return params;
}

/** Splits `req.url` into raw path and query. */
export function splitUrl(url: string | undefined): { path: string; query: URLSearchParams } {
  const raw = url ?? '/';
  const i = raw.indexOf('?');
  return i < 0 ? { path: raw, query: new URLSearchParams() } : { path: raw.slice(0, i), query: new URLSearchParams(raw.slice(i + 1)) };
}
