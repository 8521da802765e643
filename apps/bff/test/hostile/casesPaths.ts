// Hostile request targets and request framing: path traversal in every encoding, CRLF header
// injection, and protocol oddities Node's parser or the path check must refuse.
import { ADMIN_ONLY, CSRF, get, jwt, type HostileCase } from './hostileCase';
import type { RawRequest } from './rawClient';

/** `../` as many ways as servers and proxies have been fooled by. */
const TRAVERSALS = [
  '../',
  '..%2f',
  '..%2F',
  '%2e%2e/',
  '%2e%2e%2f',
  '%2E%2E%2F',
  '.%2e/',
  '%2e./',
  '..%5c',
  '..\\',
  '%252e%252e%252f',
  '..%252f',
  '%c0%ae%c0%ae/',
  '..%c0%af',
  '%e0%80%ae%e0%80%ae/',
  '%uff0e%uff0e/',
  '%ef%bc%8e%ef%bc%8e/',
  '..;/',
  './',
  '%2e/',
  '.%00./',
  '..%00/',
  '..%0d%0a/',
  '....//',
  '..%255c',
  '%%32%65%%32%65/',
];

/** Where a traversal would lead if some layer resolved it: a route the caller may not use, or a file. */
const TRAVERSAL_TARGETS: [string, (t: string) => RawRequest][] = [
  ['ERP: from a customer to frappe.auth.get_logged_user (support)', (t) => get(`/ops/api/erp/resource/Customer/${t}${t}method/frappe.auth.get_logged_user`, 'support')],
  ['hub: from device lookup to the user list (tech)', (t) => get(`/ops/api/hub/devices/lookup/${t}${t}auth/users`, 'tech')],
  ['static: /etc/passwd', (t) => ({ method: 'GET', target: `/ops/${t}${t}${t}${t}etc/passwd` })],
  ['static: the BFF config source', (t) => ({ method: 'GET', target: `/ops/assets/${t}${t}${t}apps/bff/src/config.ts` })],
];

function pathTraversal(): HostileCase[] {
  return TRAVERSAL_TARGETS.flatMap(([where, build]) =>
    TRAVERSALS.map((t): HostileCase => ({ category: 'path traversal', name: `${where} via ${JSON.stringify(t)}`, request: build(t) })),
  );
}

const raw = (lines: string[], body = ''): RawRequest => ({ raw: `${lines.join('\r\n')}\r\n\r\n${body}` });

function headerInjection(): HostileCase[] {
  const c = (name: string, request: RawRequest, status?: number[]): HostileCase => ({ category: 'header injection (CRLF)', name, request, ...(status && { status }) });
  const nobody = `X-Authentik-Jwt: ${jwt('nobody')[1]}`;
  return [
    c('bare CR splits a header', raw([`GET ${ADMIN_ONLY} HTTP/1.1`, 'Host: x', 'Connection: close', nobody, 'X-Note: a\rX-Authentik-Groups: ops-admin']), [400]),
    c('bare LF splits a header', raw([`GET ${ADMIN_ONLY} HTTP/1.1`, 'Host: x', 'Connection: close', nobody, 'X-Note: a\nX-Authentik-Groups: ops-admin'])),
    c('obs-fold continuation line', raw([`GET ${ADMIN_ONLY} HTTP/1.1`, 'Host: x', 'Connection: close', nobody, 'X-Note: a', ' X-Authentik-Groups: ops-admin'])),
    c('%0d%0a + Set-Cookie in the path', get('/ops/api/erp/resource/Customer/x%0d%0aSet-Cookie:%20sid=evil', 'support'), [400]),
    c('%0d%0a in the query', get('/ops/api/erp/resource/Customer?fields=%5B%22name%22%5D%0d%0aX-Injected:%201', 'support'), [400]),
    c('%0a alone in the query', get('/ops/api/hub/devices/lookup?serial=ALCLB2C4D601%0aX-Injected:1', 'support'), [400]),
    c('CRLF-looking X-Request-Id is not echoed', get(ADMIN_ONLY, 'nobody', [['X-Request-Id', 'abc%0d%0aSet-Cookie:%20sid=evil']]), [403]),
    c('space in a header name', raw([`GET /ops/api/me HTTP/1.1`, 'Host: x', 'Connection: close', 'X-Authentik Email: admin@gigafibre.ca']), [400]),
    c('colon-less header line', raw([`GET /ops/api/me HTTP/1.1`, 'Host: x', 'Connection: close', 'X-Authentik-Email admin@gigafibre.ca']), [400]),
    c('duplicated Host', raw([`GET /ops/api/me HTTP/1.1`, 'Host: x', 'Host: evil.test', 'Connection: close']), [400, 401]),
    c('header value with a vertical tab and form feed', raw([`GET ${ADMIN_ONLY} HTTP/1.1`, 'Host: x', 'Connection: close', nobody, 'X-Note: a\vb\fc'])),
    c('request smuggled after the headers (pipelined forbidden call)', raw([`GET ${ADMIN_ONLY} HTTP/1.1`, 'Host: x', nobody, 'Content-Length: 0'], `GET ${ADMIN_ONLY} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${nobody}\r\n\r\n`), [403]),
    c('invite e-mail carrying a Bcc header', { method: 'POST', target: '/ops/api/hub/auth/users', headers: [jwt('admin'), CSRF, ['Content-Type', 'application/json']], body: '{"email":"new@gigafibre.ca\\r\\nBcc: spy@evil.test","name":"X","groups":["ops-tech"]}' }),
  ].map((k) => (k.name.startsWith('invite') ? { ...k, reachesUpstream: true } : k));
}

function protocolOddities(): HostileCase[] {
  const c = (name: string, request: RawRequest, status?: number[]): HostileCase => ({ category: 'protocol oddities', name, request, ...(status && { status }) });
  const admin = `X-Authentik-Jwt: ${jwt('admin')[1]}`;
  return [
    c('absolute-form target to another host', raw(['GET http://evil.test/ops/api/me HTTP/1.1', 'Host: evil.test', 'Connection: close', admin]), [400]),
    c('asterisk target', raw(['OPTIONS * HTTP/1.1', 'Host: x', 'Connection: close']), [400]),
    c('CONNECT through the BFF', raw(['CONNECT erp.internal:8000 HTTP/1.1', 'Host: erp.internal:8000', admin]), [405]),
    c('HTTP/2 preface on HTTP/1', { raw: 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n' }, [400, 505]),
    c('HTTP/0.9 request (Node reads it as a request without identity)', { raw: 'GET /ops/api/me\r\n\r\n' }, [400, 401]),
    c('unknown method BREW', raw(['BREW /ops/api/me HTTP/1.1', 'Host: x', 'Connection: close', admin]), [400]),
    c('lower-case method', raw(['get /ops/api/me HTTP/1.1', 'Host: x', 'Connection: close', admin]), [400]),
    c('HTTP/1.1 without Host', raw(['GET /ops/api/me HTTP/1.1', 'Connection: close', admin]), [400]),
    c('two different Content-Length', raw(['POST /ops/api/erp/resource/Comment HTTP/1.1', 'Host: x', 'Connection: close', admin, 'X-Requested-With: gigafibre-ops', 'Content-Type: application/json', 'Content-Length: 2', 'Content-Length: 40'], '{}'), [400]),
    c('Content-Length with Transfer-Encoding (smuggling)', raw(['POST /ops/api/erp/resource/Comment HTTP/1.1', 'Host: x', 'Connection: close', admin, 'X-Requested-With: gigafibre-ops', 'Content-Type: application/json', 'Content-Length: 4', 'Transfer-Encoding: chunked'], '0\r\n\r\n'), [400]),
    c('Transfer-Encoding: gzip, chunked', raw(['POST /ops/api/erp/resource/Comment HTTP/1.1', 'Host: x', 'Connection: close', admin, 'X-Requested-With: gigafibre-ops', 'Content-Type: application/json', 'Transfer-Encoding: gzip, chunked'], '2\r\n{}\r\n0\r\n\r\n'), [400, 415]),
    c('invalid chunk size', raw(['POST /ops/api/erp/resource/Comment HTTP/1.1', 'Host: x', 'Connection: close', admin, 'X-Requested-With: gigafibre-ops', 'Content-Type: application/json', 'Transfer-Encoding: chunked'], 'zz\r\n{}\r\n0\r\n\r\n'), [400]),
    c('negative Content-Length', raw(['POST /ops/api/erp/resource/Comment HTTP/1.1', 'Host: x', 'Connection: close', admin, 'X-Requested-With: gigafibre-ops', 'Content-Length: -1'], '{}'), [400]),
    c('non-numeric Content-Length', raw(['POST /ops/api/erp/resource/Comment HTTP/1.1', 'Host: x', 'Connection: close', admin, 'X-Requested-With: gigafibre-ops', 'Content-Length: abc'], '{}'), [400]),
    c('Expect: 100-continue with a 50 MB declared body', raw(['POST /ops/api/erp/resource/Comment HTTP/1.1', 'Host: x', 'Connection: close', admin, 'X-Requested-With: gigafibre-ops', 'Content-Type: application/json', 'Expect: 100-continue', `Content-Length: ${50 * 1024 * 1024}`]), [413]),
    c('method override header on a read', get('/ops/api/erp/resource/Customer', 'admin', [['X-HTTP-Method-Override', 'DELETE']]), [400]),
    c('X-Method-Override on a write', { method: 'POST', target: '/ops/api/erp/resource/Comment', headers: [jwt('admin'), CSRF, ['Content-Type', 'application/json'], ['X-Method-Override', 'DELETE']], body: '{}' }, [400]),
    c('WebSocket upgrade on the event stream without identity', raw(['GET /ops/api/hub/events HTTP/1.1', 'Host: x', 'Connection: Upgrade', 'Upgrade: websocket', 'Sec-WebSocket-Version: 13', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==']), [401]),
    c('cross-site POST (foreign Origin)', { method: 'POST', target: '/ops/api/erp/resource/Comment', headers: [jwt('admin'), CSRF, ['Origin', 'https://evil.test'], ['Content-Type', 'application/json']], body: '{}' }, [403]),
    c('POST without the CSRF header', { method: 'POST', target: '/ops/api/erp/resource/Comment', headers: [jwt('admin'), ['Content-Type', 'application/json']], body: '{}' }, [403]),
    c('trailing slash on an API path', get('/ops/api/erp/resource/Customer/', 'support'), [400]),
    c('empty segment', get('/ops/api/erp//resource/Customer', 'support'), [400]),
  ];
}

export function pathCases(): HostileCase[] {
  return [...pathTraversal(), ...headerInjection(), ...protocolOddities()];
}
