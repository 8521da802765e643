import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { DEFAULT_BODY_LIMIT_BYTES, DEFAULT_UPLOAD_LIMIT_BYTES, parseRate } from './securityConfig';

const base = { ERP_URL: 'http://erp:8000', ERP_TOKEN: 'k:s', HUB_URL: 'http://hub', HUB_TOKEN: 't' };

describe('parseRate', () => {
  it('reads N per seconds, minutes or hours', () => {
    expect(parseRate('30/1m')).toEqual({ count: 30, windowMs: 60_000 });
    expect(parseRate('20/1h')).toEqual({ count: 20, windowMs: 3_600_000 });
    expect(parseRate(' 5/10S ')).toEqual({ count: 5, windowMs: 10_000 });
  });

  it('turns a limit off with "off"', () => {
    expect(parseRate('off')).toBeNull();
    expect(parseRate('OFF')).toBeNull();
  });

  it('refuses anything else, saying what is expected', () => {
    for (const bad of ['30', '30/m', 'ten/1m', '30/1d', '-1/1m', '']) expect(() => parseRate(bad), bad).toThrow(/N\/durée/);
    for (const bad of ['0/1m', '30/0s']) expect(() => parseRate(bad), bad).toThrow(/au moins 1 requête/);
  });
});

describe('security settings in the configuration', () => {
  it('defaults: 64 kB bodies, 8 MB images, the default rates', () => {
    const { security } = loadConfig(base);
    expect(security.bodyLimitBytes).toBe(DEFAULT_BODY_LIMIT_BYTES);
    expect(security.uploadLimitBytes).toBe(DEFAULT_UPLOAD_LIMIT_BYTES);
    expect(security.rates).toEqual({
      vision: { count: 60, windowMs: 60_000 },
      deviceTasks: { count: 30, windowMs: 60_000 },
      invites: { count: 30, windowMs: 3_600_000 },
      listRows: { count: 60_000, windowMs: 600_000 },
    });
  });

  it('reads every variable', () => {
    const { security } = loadConfig({
      ...base,
      OPS_BODY_LIMIT_BYTES: '16384',
      OPS_UPLOAD_LIMIT_BYTES: '2097152',
      OPS_RATE_LIMIT_VISION: '10/1m',
      OPS_RATE_LIMIT_DEVICE_TASKS: 'off',
      OPS_RATE_LIMIT_INVITES: '5/1h',
      OPS_RATE_LIMIT_LIST_ROWS: '2000/1m',
    });
    expect(security).toEqual({
      bodyLimitBytes: 16384,
      uploadLimitBytes: 2_097_152,
      rates: { vision: { count: 10, windowMs: 60_000 }, deviceTasks: null, invites: { count: 5, windowMs: 3_600_000 }, listRows: { count: 2000, windowMs: 60_000 } },
    });
  });

  it('refuses to start with bad values, naming each variable', () => {
    try {
      loadConfig({ ...base, OPS_BODY_LIMIT_BYTES: '10', OPS_UPLOAD_LIMIT_BYTES: 'lots', OPS_RATE_LIMIT_INVITES: 'many' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toMatch(/OPS_BODY_LIMIT_BYTES: doit être ≥ 1024/);
      expect(problems).toMatch(/OPS_UPLOAD_LIMIT_BYTES: doit être un nombre/);
      expect(problems).toMatch(/OPS_RATE_LIMIT_INVITES: attendu « N\/durée »/);
    }
  });

  it('refuses a tile host a CSP cannot express', () => {
    expect(() => loadConfig({ ...base, OPS_MAP_TILE_URL: 'https://tiles.{s}.example.ca/{z}/{x}/{y}.png' })).toThrow(/CSP/);
    expect(loadConfig({ ...base, OPS_MAP_TILE_URL: 'https://{s}.tile.example.ca/{z}/{x}/{y}.png' }).client.map.tileUrl).toContain('{s}');
  });
});
