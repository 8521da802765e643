import { describe, expect, it } from 'vitest';
import { LOCAL_DEFAULTS, stackConfig } from '../../../scripts/lib/stack-config';
import { loadConfig, STANDIN_DEFAULTS } from './config';

describe('standin configuration', () => {
  it('has the documented defaults, matching the local stack’s secrets', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ services: ['erp', 'hub', 'edge'], erpPort: 8001, hubPort: 8002, edgePort: 8080, scale: 3000, technicians: 40, jobsPerDay: 120, faults: false, sseHeartbeatMs: 15_000 });
    expect(c.db).toMatch(/\/\.data\/standin\.db$/);
    expect(STANDIN_DEFAULTS.erpToken).toBe(LOCAL_DEFAULTS.erpToken);
    expect(STANDIN_DEFAULTS.hubToken).toBe(LOCAL_DEFAULTS.hubToken);
    expect(STANDIN_DEFAULTS.jwtSecret).toBe(LOCAL_DEFAULTS.jwtSecret);
    expect(STANDIN_DEFAULTS.audience).toBe(LOCAL_DEFAULTS.audience);
  });

  it('reads what scripts/stack.ts passes', () => {
    const { standinEnv } = stackConfig({ OPS_PORT: '8180', BFF_REPLICAS: '2', STANDIN_FAULTS: '1', STANDIN_DB: ':memory:' });
    const c = loadConfig(standinEnv);
    expect(c).toMatchObject({ edgePort: 8180, db: ':memory:', faults: true, jwtIssuer: 'http://localhost:8180/application/o/gigafibre-ops/', jwtAudience: 'gigafibre-ops' });
    expect(c.bffUrls).toEqual(['http://127.0.0.1:8090', 'http://127.0.0.1:8091']);
  });

  it('shares one business clock with the BFF, anchored once by the stack', () => {
    const { standinEnv, bffEnvs } = stackConfig({ STANDIN_CLOCK: '2026-11-18T23:30', BFF_REPLICAS: '2' });
    expect(standinEnv.STANDIN_CLOCK).toMatch(/^2026-11-18T23:30@\d+$/);
    for (const env of bffEnvs) expect(env.OPS_CLOCK).toBe(standinEnv.STANDIN_CLOCK);
    const clock = loadConfig(standinEnv).clock;
    expect(clock).not.toBeNull();
    // A few ms have passed since the stack anchored it: still 23:30 in Montréal, the 18th.
    expect(new Date(clock?.() ?? 0).toISOString()).toMatch(/^2026-11-19T04:30:0/);
    expect(loadConfig({}).clock).toBeNull();
    expect(() => loadConfig({ STANDIN_CLOCK: 'ce soir' })).toThrow(/STANDIN_CLOCK heure invalide/);
  });

  it('takes --scale, --db and --reseed from the command line', () => {
    expect(loadConfig({ STANDIN_SCALE: '10' }, ['--scale', '50000']).scale).toBe(50_000);
    expect(loadConfig({}, ['--scale=200', '--reseed', '--db', ':memory:'])).toMatchObject({ scale: 200, reseed: true, db: ':memory:' });
    expect(loadConfig({ STANDIN_SERVICES: 'hub' }).services).toEqual(['hub']);
  });

  it('names bad settings', () => {
    expect(() => loadConfig({ STANDIN_SERVICES: 'erp,crm' })).toThrow(/STANDIN_SERVICES/);
    expect(() => loadConfig({ STANDIN_ERP_PORT: 'x' })).toThrow(/STANDIN_ERP_PORT/);
    expect(() => loadConfig({}, ['--scale', '0'])).toThrow(/STANDIN_SCALE/);
    expect(() => loadConfig({ BFF_URL: 'localhost:8090' })).toThrow(/BFF_URL/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});
