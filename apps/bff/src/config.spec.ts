import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_GROUP_MAP } from '@gigafibre/capabilities';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type BffEnv } from './config';

const base: BffEnv = {
  ERP_URL: 'http://erp.internal:8000/',
  ERP_TOKEN: 'abc123:def456',
  HUB_URL: 'http://hub.internal:3000/base/',
  HUB_TOKEN: 'hubtoken',
};
const secret = 'x'.repeat(40);
const prod: BffEnv = { ...base, NODE_ENV: 'production', AUTHENTIK_JWT_SECRET: secret, AUTHENTIK_ISSUER: 'https://auth.targo.ca/application/o/ops/' };

function problems(env: BffEnv): string[] {
  try {
    loadConfig(env as NodeJS.ProcessEnv);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return [...(err as ConfigError).problems];
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadConfig', () => {
  it('reads a minimal development configuration with defaults', () => {
    const config = loadConfig(base as NodeJS.ProcessEnv);
    expect(config).toMatchObject({ production: false, port: 8080, upstreamTimeoutMs: 15_000, shutdownTimeoutMs: 10_000, logLevel: 'info' });
    expect(config.erp).toMatchObject({ url: 'http://erp.internal:8000', authorization: 'token abc123:def456' });
    expect(config.hub).toMatchObject({ url: 'http://hub.internal:3000/base', authorization: 'Bearer hubtoken' });
    expect(config.erp.secrets).toContain('def456');
    expect(config.groupMap).toBe(DEFAULT_GROUP_MAP);
    expect(config.identity.trustedProxies.entries).toEqual([]);
  });

  it('reads a production configuration', () => {
    const config = loadConfig({ ...prod, AUTHENTIK_AUDIENCE: 'ops, ops-mobile', TRUSTED_PROXIES: '10.0.0.0/8,::1', OPS_PUBLIC_ORIGIN: 'https://erp.gigafibre.ca', PORT: '9000' } as NodeJS.ProcessEnv);
    expect(config.production).toBe(true);
    expect(config.port).toBe(9000);
    expect(config.identity.audience).toEqual(['ops', 'ops-mobile']);
    expect(config.identity.trustedProxies.entries).toEqual(['10.0.0.0/8', '::1/128']);
    expect(config.publicOrigins).toEqual(['https://erp.gigafibre.ca']);
  });

  it('refuses the developer identity in production', () => {
    expect(problems({ ...prod, OPS_DEV_IDENTITY: 'dev@gigafibre.ca|ops-admin' })).toEqual([expect.stringMatching(/^OPS_DEV_IDENTITY: interdit/)]);
  });

  it('refuses to start in production without a way to verify identity (trusted proxies alone are not enough)', () => {
    const list = problems({ ...base, NODE_ENV: 'production', TRUSTED_PROXIES: '10.0.0.0/8' });
    expect(list).toEqual([expect.stringMatching(/AUTHENTIK_JWT_SECRET \/ AUTHENTIK_JWKS_URL: en production/)]);
  });

  it('accepts a JWKS instead of a secret in production', () => {
    const config = loadConfig({ ...prod, AUTHENTIK_JWT_SECRET: '', AUTHENTIK_JWKS_URL: 'http://authentik-server:9000/application/o/ops/jwks/' } as NodeJS.ProcessEnv);
    expect(config.identity.jwksUrl?.href).toBe('http://authentik-server:9000/application/o/ops/jwks/');
    expect(config.identity.jwtSecret).toBeUndefined();
  });

  it('requires the issuer whenever tokens are verified', () => {
    expect(problems({ ...base, AUTHENTIK_JWT_SECRET: secret })).toEqual([expect.stringMatching(/^AUTHENTIK_ISSUER: obligatoire/)]);
  });

  it('names every bad variable at once, without echoing secrets', () => {
    const list = problems({ ERP_URL: 'ftp://erp', ERP_TOKEN: 'no-colon-secret-value', HUB_URL: 'not a url', PORT: '70000', UPSTREAM_TIMEOUT_MS: 'soon', LOG_LEVEL: 'loud', AUTHENTIK_JWT_SECRET: 'short' });
    const text = list.join('\n');
    for (const name of ['ERP_URL', 'ERP_TOKEN', 'HUB_URL', 'HUB_TOKEN', 'PORT', 'UPSTREAM_TIMEOUT_MS', 'LOG_LEVEL', 'AUTHENTIK_JWT_SECRET', 'AUTHENTIK_ISSUER']) {
      expect(text).toContain(`${name}:`);
    }
    expect(text).not.toContain('no-colon-secret-value');
    expect(list.length).toBeGreaterThanOrEqual(9);
  });

  it('runs on the system clock unless OPS_CLOCK sets a business clock (a bad one is named)', () => {
    const before = Date.now();
    expect(loadConfig(prod as NodeJS.ProcessEnv).clock()).toBeGreaterThanOrEqual(before);
    const shifted = loadConfig({ ...prod, OPS_CLOCK: '2026-03-08T23:30' } as NodeJS.ProcessEnv);
    expect(new Date(shifted.clock()).toISOString()).toMatch(/^2026-03-09T03:30:0/);
    expect(shifted.clockSetting).toBe('2026-03-08T23:30');
    expect(problems({ ...base, OPS_CLOCK: 'hier' }).join('\n')).toMatch(/OPS_CLOCK: heure invalide/);
  });

  it('treats empty variables as unset', () => {
    const config = loadConfig({ ...base, PORT: '', TRUSTED_PROXIES: ' ', OPS_DEV_IDENTITY: '' } as NodeJS.ProcessEnv);
    expect(config.port).toBe(8080);
    expect(config.identity.devIdentity).toBeUndefined();
  });

  it('parses the developer identity', () => {
    expect(loadConfig({ ...base, OPS_DEV_IDENTITY: 'dev@gigafibre.ca|ops-admin|ops-tech' } as NodeJS.ProcessEnv).identity.devIdentity).toMatchObject({
      email: 'dev@gigafibre.ca',
      groups: ['ops-admin', 'ops-tech'],
    });
    expect(problems({ ...base, OPS_DEV_IDENTITY: 'not-an-email|ops-admin' })).toEqual([expect.stringMatching(/^OPS_DEV_IDENTITY:/)]);
  });

  it('refuses bad trusted proxies and origins', () => {
    expect(problems({ ...base, TRUSTED_PROXIES: '10.0.0.0/33' })).toEqual([expect.stringMatching(/TRUSTED_PROXIES: « 10\.0\.0\.0\/33 »/)]);
    expect(problems({ ...base, TRUSTED_PROXIES: 'traefik' })).toEqual([expect.stringMatching(/TRUSTED_PROXIES/)]);
    expect(problems({ ...base, OPS_PUBLIC_ORIGIN: 'https://erp.gigafibre.ca/ops/' })).toEqual([expect.stringMatching(/OPS_PUBLIC_ORIGIN/)]);
  });

  describe('OPS_GROUP_MAP_FILE', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bff-config-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const file = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };

    it('loads a valid map', () => {
      const config = loadConfig({ ...base, OPS_GROUP_MAP_FILE: file('ok.json', '{"noc": ["diagnostics.view", "diagnostics.act"]}') } as NodeJS.ProcessEnv);
      expect(config.groupMap).toEqual({ noc: ['diagnostics.view', 'diagnostics.act'] });
    });

    it('refuses a missing file, bad JSON and unknown capabilities, saying which', () => {
      expect(problems({ ...base, OPS_GROUP_MAP_FILE: join(dir, 'missing.json') })).toEqual([expect.stringMatching(/OPS_GROUP_MAP_FILE: fichier illisible .*ENOENT/)]);
      expect(problems({ ...base, OPS_GROUP_MAP_FILE: file('bad.json', '{nope') })).toEqual([expect.stringMatching(/OPS_GROUP_MAP_FILE: JSON invalide/)]);
      expect(problems({ ...base, OPS_GROUP_MAP_FILE: file('caps.json', '{"noc": ["diagnostics.root"]}') })).toEqual([expect.stringMatching(/diagnostics\.root/)]);
    });
  });
});
