// Builds BFF configurations and apps for tests, through the real env parsing.
import { Writable } from 'node:stream';
import { SignJWT, type JWTPayload } from 'jose';
import { createApp, type AppDeps, type BffApp } from '../src/app';
import { loadConfig, type BffConfig, type BffEnv } from '../src/config';
import { createLogger } from '../src/logging/logger';

export const ERP_TOKEN = 'test-erp-key:test-erp-secret-0123456789';
export const HUB_TOKEN = 'test-hub-token-abcdefghijklmnop';
export const JWT_SECRET = 'test-jwt-secret-that-is-long-enough-0123456789';
export const ISSUER = 'https://auth.test/application/o/gigafibre-ops/';
export const AUDIENCE = 'gigafibre-ops';
/** Everything a response must never contain. */
export const SECRETS = [ERP_TOKEN, ERP_TOKEN.split(':')[1] as string, HUB_TOKEN, JWT_SECRET];

export function testEnv(erpUrl: string, hubUrl: string, overrides: BffEnv = {}): BffEnv {
  return {
    NODE_ENV: 'test',
    ERP_URL: erpUrl,
    ERP_TOKEN,
    HUB_URL: hubUrl,
    HUB_TOKEN,
    AUTHENTIK_JWT_SECRET: JWT_SECRET,
    AUTHENTIK_ISSUER: ISSUER,
    AUTHENTIK_AUDIENCE: AUDIENCE,
    UPSTREAM_TIMEOUT_MS: '1500',
    LOG_LEVEL: 'debug',
    ...overrides,
  };
}

/** Log lines written by an app, parsed. */
export class LogSink {
  readonly lines: Record<string, unknown>[] = [];
  readonly raw: string[] = [];
  readonly stream = new Writable({
    write: (chunk: Buffer, _enc, done) => {
      const text = chunk.toString('utf8');
      for (const line of text.split('\n').filter((l) => l !== '')) {
        this.raw.push(line);
        this.lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
}

export interface TestApp {
  app: BffApp;
  config: BffConfig;
  logs: LogSink;
}

export function buildApp(env: BffEnv, deps: Omit<AppDeps, 'logger'> = {}): TestApp {
  const config = loadConfig(env as NodeJS.ProcessEnv);
  const logs = new LogSink();
  const app = createApp(config, { ...deps, logger: createLogger(config.logLevel, logs.stream) });
  return { app, config, logs };
}

export interface UserClaims extends JWTPayload {
  email?: string;
  name?: string;
  preferred_username?: string;
  groups?: string[];
}

/** Signs an HS256 token the way the Authentik proxy outpost does. */
export async function signToken(
  claims: UserClaims,
  options: { secret?: string; issuer?: string; audience?: string; expiresIn?: string | number } = {},
): Promise<string> {
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub ?? `uid-${claims.email ?? 'x'}`)
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '5m')
    .sign(new TextEncoder().encode(options.secret ?? JWT_SECRET));
}

/** A token for a user in `groups`. */
export function tokenFor(groups: string[], email = 'agent@gigafibre.ca'): Promise<string> {
  return signToken({ email, name: 'Agent Test', preferred_username: email.split('@')[0] as string, groups });
}
