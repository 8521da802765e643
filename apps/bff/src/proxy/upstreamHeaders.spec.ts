import { describe, expect, it } from 'vitest';
import type { UpstreamConfig } from '../config';
import { browserResponseHeaders, upstreamRequestHeaders } from './upstreamHeaders';

const erp: UpstreamConfig = { name: 'erp', url: 'http://erp:8000', authorization: 'token k:s3cr3t', secrets: ['k:s3cr3t', 's3cr3t'] };

describe('upstreamRequestHeaders', () => {
  it('keeps the client’s ordinary headers and body framing, replaces credentials and identity', () => {
    const out = upstreamRequestHeaders(
      {
        accept: 'application/json',
        'content-type': 'application/json',
        'content-length': '12',
        'last-event-id': '7',
        cookie: 'sid=1',
        authorization: 'Bearer user',
        'proxy-authorization': 'Basic x',
        'x-authentik-email': 'a@b.ca',
        'x-authentik-jwt': 'jwt',
        'x-ops-user': 'forged@evil.test',
        'x-request-id': 'forged',
        host: 'erp.gigafibre.ca',
        connection: 'keep-alive, x-secret-hop',
        'x-secret-hop': 'drop me',
        upgrade: 'websocket',
        expect: '100-continue',
      },
      erp,
      'erp:8000',
      'req-1',
      'agent@gigafibre.ca',
    );
    expect(out).toEqual([
      'host', 'erp:8000',
      'authorization', 'token k:s3cr3t',
      'x-request-id', 'req-1',
      'x-ops-user', 'agent@gigafibre.ca',
      'accept', 'application/json',
      'content-type', 'application/json',
      'content-length', '12',
      'last-event-id', '7',
    ]);
  });

  it('sends a body read by the BFF with its exact length, whatever framing the client used', () => {
    const out = upstreamRequestHeaders({ 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, erp, 'erp:8000', 'req-2', 'a@b.ca', 42);
    expect(out).toEqual(['host', 'erp:8000', 'authorization', 'token k:s3cr3t', 'x-request-id', 'req-2', 'x-ops-user', 'a@b.ca', 'content-length', '42', 'content-type', 'application/json']);
  });

  it('sends the user’s name percent-encoded when asked (the hub), never the client’s', () => {
    const out = upstreamRequestHeaders({ 'x-ops-user-name': 'Forged' }, erp, 'hub:8002', 'req-4', 'a@b.ca', undefined, 'Émilie Roy');
    expect(out).toEqual(['host', 'hub:8002', 'authorization', 'token k:s3cr3t', 'x-request-id', 'req-4', 'x-ops-user', 'a@b.ca', 'x-ops-user-name', '%C3%89milie%20Roy']);
    expect(upstreamRequestHeaders({ 'x-ops-user-name': 'Forged' }, erp, 'erp:8000', 'req-5', 'a@b.ca')).not.toContain('x-ops-user-name');
  });

  it('keeps every value of a repeated header', () => {
    const out = upstreamRequestHeaders({ 'x-custom': ['a', 'b'] }, erp, 'erp:8000', 'req-3', 'a@b.ca');
    expect(out.slice(8)).toEqual(['x-custom', 'a', 'x-custom', 'b']);
  });
});

describe('browserResponseHeaders', () => {
  it('drops sessions, challenges, hop-by-hop headers and anything echoing a secret', () => {
    const out = browserResponseHeaders(
      {
        'content-type': 'application/json',
        'content-length': '2',
        'set-cookie': ['sid=abc'],
        'www-authenticate': 'Token',
        connection: 'keep-alive',
        'keep-alive': 'timeout=5',
        'transfer-encoding': 'chunked',
        'x-debug': 'auth was token k:s3cr3t',
        'x-other': 'fine',
      },
      erp.secrets,
    );
    expect(out).toEqual({ 'content-type': 'application/json', 'content-length': '2', 'x-other': 'fine' });
  });
});
