import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from './fakeUpstream';
import { errorHandler } from '../src/errors';
import { createLogger } from '../src/logging/logger';
import { startRequest } from '../src/logging/requestContext';
import { buildApp, LogSink, SECRETS, testEnv, tokenFor, type TestApp } from './testEnv';

let erp: FakeUpstream;
let t: TestApp;
let token: string;

beforeAll(async () => {
  erp = await startFakeUpstream();
  t = buildApp(testEnv(erp.url, erp.url));
  token = await tokenFor(['ops-dispatch'], 'disp@gigafibre.ca');
});
afterAll(async () => {
  t.app.closeUpstreams();
  await erp.close();
});

describe('logs', () => {
  it('writes one audit line per mutating request: who, method, path, status, duration', async () => {
    const res = await request(t.app)
      .put('/ops/api/erp/resource/Dispatch%20Job/DJ-000001')
      .set('X-Authentik-Jwt', token)
      .set('X-Requested-With', 'gigafibre-ops')
      .send({ status: 'Scheduled' });
    expect(res.status).toBe(200);
    await expect.poll(() => t.logs.lines.filter((l) => l.audit === true && l.requestId === res.headers['x-request-id']).length).toBe(1);
    const line = t.logs.lines.find((l) => l.audit === true && l.requestId === res.headers['x-request-id']);
    expect(line).toMatchObject({ level: 'info', who: 'disp@gigafibre.ca', method: 'PUT', path: '/ops/api/erp/resource/Dispatch%20Job/DJ-000001', status: 200 });
    expect(line?.durationMs).toEqual(expect.any(Number));
  });

  it('audits refused mutations too, with their status', async () => {
    const res = await request(t.app).post('/ops/api/hub/auth/users').set('X-Authentik-Jwt', token).set('X-Requested-With', 'gigafibre-ops').send({});
    expect(res.status).toBe(403);
    await expect.poll(() => t.logs.lines.find((l) => l.audit === true && l.requestId === res.headers['x-request-id'])).toMatchObject({ status: 403, who: 'disp@gigafibre.ca' });
  });

  it('logs refusals (401/403) as warnings with their reason, not their token', async () => {
    const res = await request(t.app).get('/ops/api/me').set('X-Authentik-Jwt', `${token}x`);
    expect(res.status).toBe(401);
    const line = t.logs.lines.find((l) => l.msg === 'refused' && l.requestId === res.body.requestId);
    expect(line).toMatchObject({ level: 'warn', status: 401, code: 'unauthenticated', reason: 'bad_signature', method: 'GET', path: '/ops/api/me' });
    expect(JSON.stringify(line)).not.toContain(token);
  });

  it('does not audit reads', async () => {
    const res = await request(t.app).get('/ops/api/erp/resource/Customer').set('X-Authentik-Jwt', token);
    await expect.poll(() => t.logs.lines.some((l) => l.requestId === res.headers['x-request-id'])).toBe(true);
    expect(t.logs.lines.filter((l) => l.requestId === res.headers['x-request-id'] && l.audit === true)).toEqual([]);
  });

  it('puts the request id on every request line, JSON only', () => {
    const requestLines = t.logs.lines.filter((l) => l.msg === 'audit' || l.msg === 'request');
    expect(requestLines.length).toBeGreaterThanOrEqual(3);
    for (const line of requestLines) expect(line.requestId).toEqual(expect.any(String));
  });

  it('logs an unknown error with the request id and answers without internals', async () => {
    const logs = new LogSink();
    const log = createLogger('info', logs.stream);
    const app = express();
    app.use((req, res, next) => {
      startRequest(req, res, log);
      next();
    });
    app.get('/boom', () => {
      throw new Error('secret internals: db password is hunter2');
    });
    app.use(errorHandler(log));
    const res = await request(app).get('/boom');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: 'internal', message: 'Erreur interne du BFF.', requestId: res.headers['x-request-id'] });
    expect(res.text).not.toContain('hunter2');
    const logged = logs.lines.find((l) => l.level === 'error' && l.requestId === res.headers['x-request-id']);
    expect(JSON.stringify(logged)).toContain('hunter2');
  });

  it('redacts credentials if a header bag is ever logged', () => {
    const logs = new LogSink();
    const headers = { authorization: `token ${SECRETS[0]}`, cookie: 'sid=1', 'x-authentik-jwt': token, accept: 'application/json' };
    createLogger('info', logs.stream).info({ req: { headers }, headers }, 'careless');
    const line = logs.raw.at(-1) ?? '';
    expect(line).toContain('application/json');
    expect(line).toContain('[redacted]');
    for (const secret of [SECRETS[0] as string, 'sid=1', token]) expect(line).not.toContain(secret);
  });
});
