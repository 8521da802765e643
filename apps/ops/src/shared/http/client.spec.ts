import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { frappeErrorBody } from '@gigafibre/contracts';
import { ApiError } from './ApiError';
import { request, setHttpHandlers, type HttpHandlers } from './client';
import { parseRetryAfter } from './errorMapping';

type FetchArgs = [string, RequestInit];
const fetchMock = vi.fn<(...args: FetchArgs) => Promise<Response>>();

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

/** What a browser's fetch gives for a 302 with `redirect: 'manual'`. */
function opaqueRedirect(): Response {
  return { type: 'opaqueredirect', status: 0, ok: false, headers: new Headers(), text: () => Promise.resolve('') } as unknown as Response;
}

/** A fetch that only settles when its signal aborts (a server that never answers). */
function hang(_url: string, init: RequestInit): Promise<Response> {
  return new Promise((_resolve, reject) => {
    init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });
}

let handlers: { sessionExpired: ReturnType<typeof vi.fn>; failed: ReturnType<typeof vi.fn> };

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  handlers = { sessionExpired: vi.fn(), failed: vi.fn() };
  setHttpHandlers(handlers as unknown as HttpHandlers);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  setHttpHandlers(null);
});

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('request: what is sent', () => {
  it('never follows redirects, and adds the CSRF header on mutations only', async () => {
    fetchMock.mockResolvedValue(json(200, { data: [] }));
    await request('/erp/resource/Customer', { query: { fields: '["name"]', limit_page_length: 5, skip: undefined } });
    const [url, init] = fetchMock.mock.calls[0] as FetchArgs;
    expect(url).toBe('/ops/api/erp/resource/Customer?fields=%5B%22name%22%5D&limit_page_length=5');
    expect(init.redirect).toBe('manual');
    expect(new Headers(init.headers).has('X-Requested-With')).toBe(false);

    fetchMock.mockResolvedValue(json(200, { data: { name: 'X' } }));
    await request('/erp/resource/Comment', { method: 'POST', json: { content: 'a' }, idempotencyKey: 'k-1' });
    const [, post] = fetchMock.mock.calls[1] as FetchArgs;
    const headers = new Headers(post.headers);
    expect(headers.get('X-Requested-With')).toBe('gigafibre-ops');
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(headers.get('Idempotency-Key')).toBe('k-1');
    expect(post.body).toBe('{"content":"a"}');
  });

  it('sends FormData as is, letting the browser set the multipart boundary', async () => {
    fetchMock.mockResolvedValue(json(200, { barcodes: [] }));
    const form = new FormData();
    form.append('image', new Blob(['x'], { type: 'image/png' }), 'label.png');
    await request('/hub/vision/barcodes', { method: 'POST', body: form });
    const [, init] = fetchMock.mock.calls[0] as FetchArgs;
    expect(init.body).toBe(form);
    expect(new Headers(init.headers).has('Content-Type')).toBe(false);
  });

  it('shares one request between concurrent identical reads, and caches only when asked', async () => {
    fetchMock.mockImplementation(() => Promise.resolve(json(200, { n: fetchMock.mock.calls.length })));
    const [a, b] = await Promise.all([request('/me'), request('/me')]);
    expect(a).toEqual({ n: 1 });
    expect(b).toBe(a);
    await request('/me');
    expect(fetchMock).toHaveBeenCalledTimes(2);
    await request('/x', { cacheMs: 60_000 });
    await request('/x', { cacheMs: 60_000 });
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });
});

describe('request: error mapping', () => {
  it('401 → session-expired, reported to the app even without a toast', async () => {
    fetchMock.mockResolvedValue(json(401, { error: 'no identity' }));
    const error = await failure(request('/me'));
    expect(error).toMatchObject({ status: 401, code: 'session-expired', retryable: true });
    expect(handlers.sessionExpired).toHaveBeenCalledWith(error);
    expect(handlers.failed).not.toHaveBeenCalled();
  });

  it('the outpost’s redirect (opaque with redirect: manual) → session-expired, never data', async () => {
    fetchMock.mockResolvedValue(opaqueRedirect());
    const error = await failure(request('/erp/resource/Customer'));
    expect(error.code).toBe('session-expired');
    expect(error.message).toBe('session-expired (HTTP 401)');
    expect(handlers.sessionExpired).toHaveBeenCalledTimes(1);
  });

  it('403 → forbidden naming the missing capability from the BFF body', async () => {
    fetchMock.mockResolvedValue(json(403, { error: 'Capacité manquante', missing: ['dispatch.assign', 'bogus'] }));
    const error = await failure(request('/erp/resource/Dispatch Job/DJ-1', { method: 'PUT', json: {}, toast: true }));
    expect(error).toMatchObject({ status: 403, code: 'forbidden', missing: ['dispatch.assign'] });
    expect(handlers.failed).toHaveBeenCalledWith(error, { method: 'PUT', path: '/erp/resource/Dispatch Job/DJ-1' });
  });

  it('a failure is the caller’s to show unless it asks for the app-wide toast', async () => {
    fetchMock.mockResolvedValue(json(417, { exc_type: 'ValidationError' }));
    const error = await failure(request('/erp/resource/Issue', { method: 'POST', json: {} }));
    expect(error.code).toBe('validation');
    expect(handlers.failed).not.toHaveBeenCalled();
    await failure(request('/erp/resource/Issue', { method: 'POST', json: {}, toast: true }));
    expect(handlers.failed).toHaveBeenCalledTimes(1);
  });

  it('403 out of scope keeps the BFF’s reason (another technician’s job)', async () => {
    fetchMock.mockResolvedValue(json(403, { error: 'forbidden', reason: 'out_of_scope', message: 'Accès refusé : Dispatch Job DJ-2 ne fait pas partie de vos dossiers.' }));
    const error = await failure(request('/erp/resource/Dispatch Job/DJ-2'));
    expect(error).toMatchObject({ status: 403, code: 'forbidden', missing: [], details: { reason: 'out_of_scope' } });
  });

  it('times out through AbortSignal with the default or a per-call deadline', async () => {
    vi.useFakeTimers();
    fetchMock.mockImplementation(hang);
    const pending = failure(request('/hub/devices/lookup', { timeoutMs: 8_000 }));
    await vi.advanceTimersByTimeAsync(7_999);
    expect(fetchMock.mock.calls[0]?.[1].signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toMatchObject({ status: 0, code: 'timeout', retryable: true });

    const byDefault = failure(request('/slow'));
    await vi.advanceTimersByTimeAsync(15_000);
    expect((await byDefault).code).toBe('timeout');
  });

  it('a caller’s abort is "aborted", not a timeout, and is not shown to the user', async () => {
    fetchMock.mockImplementation(hang);
    const controller = new AbortController();
    const pending = failure(request('/search', { signal: controller.signal, toast: true }));
    controller.abort();
    expect((await pending).code).toBe('aborted');
    expect(handlers.failed).not.toHaveBeenCalled();
  });

  it('network failure → network error (worded by the UI from its code)', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const error = await failure(request('/me'));
    expect(error).toMatchObject({ status: 0, code: 'network' });
    expect(error.message).toBe('network');
  });

  it('5xx → unavailable/server with the BFF’s request id and upstream', async () => {
    fetchMock.mockResolvedValue(json(502, { error: 'ERPNext injoignable', upstream: 'erp', requestId: 'r-9' }));
    const error = await failure(request('/erp/resource/Customer'));
    expect(error).toMatchObject({ status: 502, code: 'unavailable', requestId: 'r-9', details: { upstream: 'erp' } });
    expect(error.message).toBe('ERPNext injoignable');

    fetchMock.mockResolvedValue(new Response('boom', { status: 500, headers: { 'x-request-id': 'r-10' } }));
    const plain = await failure(request('/erp/resource/Customer'));
    expect(plain).toMatchObject({ status: 500, code: 'server', requestId: 'r-10', message: 'server (HTTP 500)' });
  });

  it('Frappe 417 → validation with the readable server message', async () => {
    fetchMock.mockResolvedValue(json(417, frappeErrorBody('ValidationError', 'Le <b>numéro de série</b> est obligatoire')));
    const error = await failure(request('/erp/resource/Service Equipment', { method: 'POST', json: {} }));
    expect(error).toMatchObject({
      status: 417,
      code: 'validation',
      serverMessages: ['Le numéro de série est obligatoire'],
      details: { exc_type: 'ValidationError' },
      retryable: false,
    });
    expect(error.message).toBe('Le numéro de série est obligatoire');
  });

  it('404 and 409 from Frappe keep their own codes', async () => {
    fetchMock.mockResolvedValue(json(404, frappeErrorBody('DoesNotExistError', 'Customer CUST-9 introuvable')));
    expect((await failure(request('/erp/resource/Customer/CUST-9'))).code).toBe('not-found');
    fetchMock.mockResolvedValue(json(409, frappeErrorBody('DuplicateEntryError', 'Doublon')));
    expect((await failure(request('/erp/resource/Customer', { method: 'POST', json: {} }))).code).toBe('conflict');
  });

  it('429 → rate-limited carrying the server’s Retry-After (seconds or HTTP date) as a delay', async () => {
    fetchMock.mockResolvedValue(json(429, { error: 'rate_limited', message: 'Trop de demandes : réessayez dans 7 s.' }, { 'Retry-After': '7' }));
    const error = await failure(request('/hub/vision/equipment', { method: 'POST', json: {} }));
    expect(error).toMatchObject({ status: 429, code: 'rate-limited', retryAfterMs: 7_000, retryable: true });

    fetchMock.mockResolvedValue(json(503, { error: 'down' }));
    expect((await failure(request('/me'))).retryAfterMs).toBeNull();
  });

  it('reads Retry-After as delay-seconds or an HTTP date, and ignores what it cannot read', () => {
    const now = Date.parse('2025-06-15T12:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Sun, 15 Jun 2025 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 15 Jun 2025 11:59:00 GMT', now)).toBe(0); // already past
    for (const bad of [null, '', 'soon', '-5', '1.5']) expect(parseRetryAfter(bad, now), String(bad)).toBeNull();
  });

  it('a 200 that is not JSON is a bad response, not data', async () => {
    fetchMock.mockResolvedValue(new Response('<html>Connexion</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    expect((await failure(request('/me'))).code).toBe('bad-response');
  });
});
