import { describe, expect, it } from 'vitest';
import { chooseEdge, stackConfig } from './stack-config';

describe('the stack’s edge', () => {
  it('nginx when installed, the standin’s edge otherwise; OPS_EDGE forces one, and nginx forced but absent is an error', () => {
    expect(chooseEdge({}, null)).toEqual({ edge: 'nginx' });
    expect(chooseEdge({}, 'nginx est introuvable')).toEqual({ edge: 'standin' });
    expect(chooseEdge({ OPS_EDGE: 'standin' }, null)).toEqual({ edge: 'standin' });
    expect(chooseEdge({ OPS_EDGE: 'nginx' }, null)).toEqual({ edge: 'nginx' });
    expect(chooseEdge({ OPS_EDGE: 'nginx' }, 'nginx est introuvable')).toMatchObject({ error: expect.stringContaining('apt-get install nginx') });
    expect(chooseEdge({ OPS_EDGE: 'traefik' }, null)).toMatchObject({ error: expect.stringContaining('OPS_EDGE invalide') });
  });

  it('behind nginx, the standin’s edge moves to the outpost port and the browsers’ origin stays the same', () => {
    const env = { OPS_PORT: '8180', OUTPOST_PORT: '8183', BFF_PORT: '8190', BFF_REPLICAS: '2', STANDIN_FAULTS: '1' };
    const nginx = stackConfig(env, 'nginx');
    expect(nginx).toMatchObject({ edge: 'nginx', opsPort: 8180, outpostPort: 8183, bffPorts: [8190, 8191], faults: true, edgeUrl: 'http://localhost:8180' });
    expect(nginx.standinEnv.OPS_PORT).toBe('8183');
    expect(nginx.standinEnv.STANDIN_JWT_ISSUER).toBe('http://localhost:8180/application/o/gigafibre-ops/');
    expect(nginx.bffEnvs.map((e) => e.OPS_PUBLIC_ORIGIN)).toEqual(['http://localhost:8180', 'http://localhost:8180']);
    expect(stackConfig(env, 'standin').standinEnv.OPS_PORT).toBe('8180');
    expect(stackConfig({ OPS_PORT: '9000' }, 'nginx').outpostPort).toBe(9003);
  });
});
