import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_GROUP_MAP } from '@gigafibre/capabilities';
import { ConfigError, loadConfig } from '../src/config';
import { startFakeUpstream, type FakeUpstream } from './fakeUpstream';
import { buildApp, testEnv, tokenFor } from './testEnv';

let up: FakeUpstream;
beforeAll(async () => {
  up = await startFakeUpstream();
});
afterAll(async () => {
  await up.close();
});

describe('GET /ops/api/config', () => {
  it('gives a signed-in user the map settings, and nothing without identity', async () => {
    const env = testEnv(up.url, up.url, { OPS_MAP_TILE_URL: 'https://tiles.gigafibre.ca/{z}/{x}/{y}.png', OPS_MAP_ATTRIBUTION: '© OpenStreetMap' });
    const { app } = buildApp(env);
    const res = await request(app).get('/ops/api/config').set('X-Authentik-Jwt', await tokenFor(['ops-tech']));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ map: { tileUrl: 'https://tiles.gigafibre.ca/{z}/{x}/{y}.png', attribution: '© OpenStreetMap' }, groups: DEFAULT_GROUP_MAP });
    expect((await request(app).get('/ops/api/config')).status).toBe(401);
    app.closeUpstreams();
  });

  it('answers null tiles when none are configured', async () => {
    const { app } = buildApp(testEnv(up.url, up.url));
    const res = await request(app).get('/ops/api/config').set('X-Authentik-Jwt', await tokenFor(['ops-dispatch']));
    expect(res.body).toEqual({ map: { tileUrl: null, attribution: null }, groups: DEFAULT_GROUP_MAP });
    app.closeUpstreams();
  });

  it('gives the group map in force, so the users screen describes the groups the BFF enforces', async () => {
    const file = join(tmpdir(), `group-map-${process.pid}.json`);
    const custom = { 'ops-admin': ['users.manage'], 'ops-noc': ['diagnostics.view', 'diagnostics.act'] };
    writeFileSync(file, JSON.stringify(custom));
    const { app } = buildApp(testEnv(up.url, up.url, { OPS_GROUP_MAP_FILE: file }));
    const res = await request(app).get('/ops/api/config').set('X-Authentik-Jwt', await tokenFor(['ops-noc']));
    expect(res.body.groups).toEqual(custom);
    app.closeUpstreams();
  });

  it('refuses a tile URL that is not a template', () => {
    expect(() => loadConfig(testEnv(up.url, up.url, { OPS_MAP_TILE_URL: 'javascript:alert(1)' }) as NodeJS.ProcessEnv)).toThrow(ConfigError);
    expect(() => loadConfig(testEnv(up.url, up.url, { OPS_MAP_TILE_URL: 'https://tiles.example/map.png' }) as NodeJS.ProcessEnv)).toThrow(/\{z\}/);
  });
});
