// A small Frappe REST client for the conformance suite: raw answers (status, headers, parsed JSON),
// so every test sees exactly what the server sent.
import { expect } from 'vitest';
import type { Target } from './target';

/** An answer: status, headers and the body parsed as JSON (undefined when it is not JSON). */
export interface Reply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** Credentials to send: the target's token, none at all, or this `Authorization` header. */
export type Auth = 'token' | 'none' | { header: string };

type Params = Record<string, unknown>;

/** Query string with Frappe's conventions: text as is, anything else as JSON. */
export function query(params: Params): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  const text = q.toString();
  return text ? `?${text}` : '';
}

export const resourcePath = (doctype: string, name?: string) => `/api/resource/${encodeURIComponent(doctype)}${name === undefined ? '' : `/${encodeURIComponent(name)}`}`;

export function frappeClient(target: Target) {
  async function call<T = Record<string, unknown>>(path: string, init: RequestInit = {}, auth: Auth = 'token'): Promise<Reply<T>> {
    const headers: Record<string, string> = { Accept: 'application/json', ...(init.headers as Record<string, string> | undefined) };
    if (auth === 'token') headers.Authorization = `token ${target.token}`;
    else if (auth !== 'none') headers.Authorization = auth.header;
    const res = await fetch(`${target.url}${path}`, { ...init, headers });
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: res.status, headers: res.headers, body: body as T, text };
  }
  const send = <T = Record<string, unknown>>(method: string, path: string, body: unknown, auth: Auth = 'token') =>
    call<T>(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }, auth);

  return {
    call,
    send,
    /** `GET /api/resource/<Doctype>` → `data`, asserting a 200. */
    async list<T = Record<string, unknown>>(doctype: string, params: Params = {}): Promise<T[]> {
      const reply = await call<{ data: T[] }>(`${resourcePath(doctype)}${query(params)}`);
      expect(reply.status, reply.text).toBe(200);
      return reply.body.data;
    },
    /** `GET /api/resource/<Doctype>/<name>` → `data`, asserting a 200. */
    async get<T = Record<string, unknown>>(doctype: string, name: string): Promise<T> {
      const reply = await call<{ data: T }>(resourcePath(doctype, name));
      expect(reply.status, reply.text).toBe(200);
      return reply.body.data;
    },
    /** `/api/method/<name>`: GET with the arguments in the query, or POST with a JSON body. */
    method<T = unknown>(name: string, args: Params = {}, http: 'GET' | 'POST' = 'GET', auth: Auth = 'token'): Promise<Reply<{ message?: T } & Record<string, unknown>>> {
      return http === 'GET' ? call(`/api/method/${name}${query(args)}`, {}, auth) : send('POST', `/api/method/${name}`, args, auth);
    },
  };
}

export type FrappeClient = ReturnType<typeof frappeClient>;

/**
 * Asserts a Frappe error answer: `status`, `exc_type`, a JSON body. `accept` lists other
 * [status, exc_type] pairs a version of Frappe answers for the same request.
 */
export function expectFrappeError(reply: Reply, status: number, excType: string, accept: [number, string][] = []): void {
  const allowed = [[status, excType], ...accept].map(([s, e]) => `${s} ${e}`);
  expect(allowed, reply.text).toContain(`${reply.status} ${String(reply.body?.exc_type)}`);
  expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
}
