// deploy/docker-compose.yml, checked without Docker (no engine on the CI machines): parsed as
// YAML and held to what the BFF needs to run as replicas behind Traefik + Authentik.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../src/config';

const deploy = fileURLToPath(new URL('../../../deploy/', import.meta.url));

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  container_name?: string;
  ports?: unknown[];
  deploy?: { replicas?: number };
  restart?: string;
  init?: boolean;
  stop_signal?: string;
  stop_grace_period?: string;
  env_file?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[]; interval: string; timeout: string; retries: number; start_period: string };
  logging?: { driver: string; options: Record<string, string> };
  labels?: string[];
  profiles?: string[];
  networks?: string[];
}

const compose = parse(readFileSync(`${deploy}docker-compose.yml`, 'utf8'), { merge: true }) as { services: Record<string, Service> };
const bff = compose.services['ops-bff'] as Service;
const labels = new Map((bff.labels ?? []).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));

/** `20s`, `100ms`, `2m` → milliseconds. */
function ms(duration: string): number {
  const m = /^(\d+)(ms|s|m)$/.exec(duration);
  if (!m) throw new Error(`duration « ${duration} »`);
  return Number(m[1]) * { ms: 1, s: 1000, m: 60_000 }[m[2] as 'ms' | 's' | 'm'];
}

/** The env file's example, as the BFF would read it together with the compose environment. */
function exampleSecrets(): Record<string, string> {
  const lines = readFileSync(`${deploy}ops-bff.env.example`, 'utf8').split('\n');
  return Object.fromEntries(lines.filter((l) => /^[A-Z_]+=/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

describe('deploy/docker-compose.yml', () => {
  it('runs two BFF replicas Traefik reaches on its network: no fixed name, no published port', () => {
    expect(bff.deploy?.replicas).toBe(2);
    expect(bff.container_name).toBeUndefined();
    expect(bff.ports).toBeUndefined();
    expect(labels.get('traefik.enable')).toBe('true');
    expect(labels.get('traefik.docker.network')).toBe('proxy');
    expect(bff.networks).toContain('proxy');
    expect(labels.get('traefik.http.services.ops-bff.loadbalancer.server.port')).toBe(bff.environment?.PORT);
  });

  it('sends every /ops request through Authentik ForwardAuth, which replaces any client-sent X-authentik-* header', () => {
    const routers = [...labels.keys()].filter((k) => /^traefik\.http\.routers\.[^.]+\.rule$/.test(k));
    expect(routers.sort()).toEqual(['traefik.http.routers.ops-dispatch-host.rule', 'traefik.http.routers.ops.rule']);
    // dispatch.gigafibre.ca only redirects to the board's history route (never reaches the BFF).
    expect(labels.get('traefik.http.routers.ops-dispatch-host.rule')).toBe('Host(`dispatch.gigafibre.ca`)');
    expect(labels.get('traefik.http.routers.ops-dispatch-host.service')).toBe('noop@internal');
    expect(labels.get('traefik.http.routers.ops-dispatch-host.middlewares')).toBe('ops-dispatch-host');
    const dispatchHost = new RegExp(labels.get('traefik.http.middlewares.ops-dispatch-host.redirectregex.regex') as string);
    expect(dispatchHost.test('https://dispatch.gigafibre.ca/')).toBe(true);
    expect(dispatchHost.test('https://dispatchxgigafibre.ca/')).toBe(false);
    expect(labels.get('traefik.http.middlewares.ops-dispatch-host.redirectregex.replacement')).toBe('https://erp.gigafibre.ca/ops/dispatch');
    expect(labels.get('traefik.http.routers.ops.rule')).toBe('Host(`erp.gigafibre.ca`) && PathPrefix(`/ops`)');
    expect(labels.get('traefik.http.routers.ops.middlewares')?.split(',')[0]).toBe('ops-authentik');
    expect(labels.get('traefik.http.middlewares.ops-authentik.forwardauth.address')).toMatch(/^http:\/\/[\w.-]+:9000\/outpost\.goauthentik\.io\/auth\/traefik$/);
    // Go's regexp with (?i), matched by Traefik against canonical names: strip and use JS's i flag.
    const pattern = labels.get('traefik.http.middlewares.ops-authentik.forwardauth.authResponseHeadersRegex') as string;
    expect(pattern.startsWith('(?i)')).toBe(true);
    const regex = new RegExp(pattern.slice(4), 'i');
    for (const name of ['X-Authentik-Email', 'X-Authentik-Jwt', 'X-Authentik-Meta-Jwks', 'x-authentik-groups']) expect(regex.test(name)).toBe(true);
    for (const name of ['X-Forwarded-For', 'Authorization', 'X-Authentikation', 'Cookie']) expect(regex.test(name)).toBe(false);
  });

  it('health-checks each replica on /ops/healthz (503 while draining), in Docker and in Traefik', () => {
    expect(bff.healthcheck?.test.join(' ')).toContain('http://127.0.0.1:8080/ops/healthz');
    expect(ms(bff.healthcheck?.interval as string)).toBeLessThanOrEqual(10_000);
    expect(labels.get('traefik.http.services.ops-bff.loadbalancer.healthcheck.path')).toBe('/ops/healthz');
    const traefikInterval = ms(labels.get('traefik.http.services.ops-bff.loadbalancer.healthcheck.interval') as string);
    // Traefik must notice the 503 before the BFF stops accepting.
    expect(traefikInterval).toBeLessThan(Number(bff.environment?.DRAIN_DELAY_MS));
  });

  it('gives the drain time to finish before Docker kills the process, and restarts it always', () => {
    expect(bff.stop_signal).toBe('SIGTERM');
    expect(bff.init).toBe(true);
    const env = bff.environment as Record<string, string>;
    expect(ms(bff.stop_grace_period as string)).toBeGreaterThan(Number(env.DRAIN_DELAY_MS) + Number(env.SHUTDOWN_TIMEOUT_MS));
    expect(bff.restart).toBe('always');
  });

  it('rotates the logs of every container (json-file, capped size and count)', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      expect(service.logging?.driver, name).toBe('json-file');
      expect(service.logging?.options['max-size'], name).toMatch(/^\d+[km]$/);
      expect(Number(service.logging?.options['max-file']), name).toBeGreaterThan(1);
    }
  });

  it('has an environment (with the example secrets) the BFF accepts in production', () => {
    expect(bff.env_file).toEqual(['./ops-bff.env']);
    const config = loadConfig({ ...bff.environment, ...exampleSecrets() } as NodeJS.ProcessEnv);
    expect(config.production).toBe(true);
    expect(config.identity.jwtSecret).toBeDefined();
    // Identity comes from the verified JWT only: no network position is trusted with bare headers.
    expect(config.identity.trustedProxies.entries).toEqual([]);
    expect(config.drainDelayMs).toBeGreaterThan(0);
  });

  it('keeps its own Traefik (v2.11, not v3) behind a profile: production already has one', () => {
    const traefik = compose.services.traefik as Service;
    expect(traefik.image).toBe('traefik:v2.11');
    expect(traefik.profiles).toEqual(['standalone']);
    expect(Object.keys(compose.services).filter((name) => compose.services[name]?.profiles === undefined)).toEqual(['ops-bff']);
  });

  it('builds an image whose process is node itself, so SIGTERM reaches the drain', () => {
    // The repository's one Dockerfile, from the repository root.
    expect(bff.build).toMatchObject({ context: '..', dockerfile: 'Dockerfile' });
    const dockerfile = readFileSync(`${deploy}../Dockerfile`, 'utf8');
    expect(dockerfile).toMatch(/^CMD \["node", "dist\/index\.js"\]$/m);
    expect(dockerfile).toMatch(/^FROM node:2[02]-/m);
    expect(dockerfile).toContain('OPS_STATIC_DIR=/app/public');
    expect(dockerfile).toMatch(/^USER node$/m);
  });
});
