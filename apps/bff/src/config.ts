// The BFF's whole configuration, read from the environment once at start and validated: the
// process refuses to start with a message naming every bad variable (and never echoing a secret).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_GROUP_MAP, parseGroupMap, type GroupMap, type Upstream } from '@gigafibre/capabilities';
import { clockFromSetting, systemClock, type Clock } from '@gigafibre/contracts';
import { z } from 'zod';
import { parseDevIdentity, type IdentityClaims } from './identity/identity';
import { parseTrustedProxies, type TrustedProxies } from './identity/trustedProxies';
import { securityEnvShape, toSecurityConfig, type SecurityConfig } from './security/securityConfig';
import { tileSource } from './security/securityHeaders';

/** One upstream service and how the BFF authenticates to it. */
export interface UpstreamConfig {
  readonly name: Upstream;
  /** Base URL (`http://erp:8000`, `http://hub/prefix`), never ending with `/`. */
  readonly url: string;
  /** The `Authorization` value sent upstream (the service token lives here and only here). */
  readonly authorization: string;
  /** Strings that must never appear in anything the BFF sends to a browser. */
  readonly secrets: readonly string[];
}

/** How users are identified (see identity/). */
export interface IdentityConfig {
  /** HS256 key: the Authentik proxy provider's client secret. */
  readonly jwtSecret?: Uint8Array;
  /** RS256 keys, when the provider signs with a signing key. */
  readonly jwksUrl?: URL;
  readonly issuer?: string;
  readonly audience?: readonly string[];
  readonly trustedProxies: TrustedProxies;
  /** Fallback identity for requests that carry none; never in production. */
  readonly devIdentity?: IdentityClaims;
}

/** The validated configuration `createApp` is built from. */
export interface BffConfig {
  readonly production: boolean;
  readonly port: number;
  readonly erp: UpstreamConfig;
  readonly hub: UpstreamConfig;
  readonly identity: IdentityConfig;
  readonly groupMap: GroupMap;
  readonly staticDir: string;
  /** Origins accepted on mutating requests; undefined: the request's own host. */
  readonly publicOrigins?: readonly string[];
  readonly upstreamTimeoutMs: number;
  readonly shutdownTimeoutMs: number;
  /** Event streams one BFF holds at most (0: no cap); past it, 503 at once. */
  readonly maxEventStreams: number;
  /** The `retry:` hint (ms) given to event streams the BFF ends (shutdown, slow reader). */
  readonly streamRetryMs: number;
  /** The replica's shared event subscription and its fan-out (events/). */
  readonly events: EventsConfig;
  /** After SIGTERM, how long the BFF keeps accepting while its health checks answer 503 (the edge stops routing). */
  readonly drainDelayMs: number;
  readonly logLevel: LogLevel;
  /** What the SPA may know of the deployment (`GET /ops/api/config`). */
  readonly client: ClientConfig;
  /** Body and rate limits (security/). */
  readonly security: SecurityConfig;
  /**
   * The business clock: what « now » and « today » (Montréal) are for the BFF's rules. The system
   * clock unless OPS_CLOCK starts it at another moment (the e2e suite, whose standin runs on the
   * same setting). Security checks (JWT expiry, rate limits) always use real time.
   */
  readonly clock: Clock;
  /** OPS_CLOCK as given, so the start log can say the clock is not the system's. */
  readonly clockSetting?: string;
}

/** Live events: what a replica remembers for resumes, and how far a browser may fall behind. */
export interface EventsConfig {
  /** Recent events kept for browsers resuming with Last-Event-ID (0: none, the hub replays). */
  readonly replayEvents: number;
  /** …and for how long at most. */
  readonly replayMaxAgeMs: number;
  /** Bytes waiting for one browser past which its stream is dropped (it resumes from its last id). */
  readonly backlogBytes: number;
  /** The hub's subscription silent this long (no heartbeat) is presumed dead and reopened. */
  readonly hubStallMs: number;
}

/** Deployment settings the SPA reads at start; nothing secret. */
export interface ClientConfig {
  readonly map: {
    /** Leaflet tile URL template (`https://tiles.example/{z}/{x}/{y}.png`); null: markers on a plain background. */
    readonly tileUrl: string | null;
    readonly attribution: string | null;
  };
  /** The group map in force (`OPS_GROUP_MAP_FILE` or the default): the users screen describes groups with it. */
  readonly groups: GroupMap;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Thrown by `loadConfig`; `problems` lists every bad variable, one sentence each. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Configuration invalide (invalid configuration):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Where the built SPA is, relative to this file: the same from src/ (tsx) and from dist/ (bundle). */
export const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../../ops/dist/', import.meta.url));

// An empty variable counts as unset (compose files and CI often define `X=`).
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const httpUrl = (what: string) =>
  z.string().refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), {
    message: `${what} doit être une URL http(s) (must be an http(s) URL)`,
  });

const intBetween = (min: number, max: number, fallback: number) =>
  optional(
    z.coerce
      .number({ error: 'doit être un nombre (must be a number)' })
      .int('doit être un entier (must be an integer)')
      .min(min, `doit être ≥ ${min} (must be ≥ ${min})`)
      .max(max, `doit être ≤ ${max} (must be ≤ ${max})`),
  ).transform((v) => v ?? fallback);

const envSchema = z.object({
  NODE_ENV: optional(z.string()),
  PORT: intBetween(0, 65535, 8080),
  ERP_URL: httpUrl('ERP_URL'),
  ERP_TOKEN: z
    .string({ error: 'obligatoire (required)' })
    .regex(/^[^\s:]+:[^\s:]+$/, 'attendu « clé:secret » de l’utilisateur API ERPNext (expected "key:secret")'),
  HUB_URL: httpUrl('HUB_URL'),
  HUB_TOKEN: z.string({ error: 'obligatoire (required)' }).regex(/^\S+$/, 'vide ou contient des espaces (empty or contains spaces)'),
  AUTHENTIK_JWT_SECRET: optional(z.string().min(32, 'trop court : au moins 32 caractères (too short: at least 32 characters)')),
  AUTHENTIK_JWKS_URL: optional(httpUrl('AUTHENTIK_JWKS_URL')),
  AUTHENTIK_ISSUER: optional(z.string()),
  AUTHENTIK_AUDIENCE: optional(z.string()),
  TRUSTED_PROXIES: optional(z.string()),
  OPS_DEV_IDENTITY: optional(z.string()),
  OPS_GROUP_MAP_FILE: optional(z.string()),
  OPS_STATIC_DIR: optional(z.string()),
  OPS_PUBLIC_ORIGIN: optional(z.string()),
  UPSTREAM_TIMEOUT_MS: intBetween(100, 600_000, 15_000),
  SHUTDOWN_TIMEOUT_MS: intBetween(0, 600_000, 10_000),
  MAX_EVENT_STREAMS: intBetween(0, 1_000_000, 10_000),
  STREAM_RETRY_MS: intBetween(100, 60_000, 2_000),
  DRAIN_DELAY_MS: intBetween(0, 60_000, 0),
  EVENT_REPLAY_EVENTS: intBetween(0, 1_000_000, 10_000),
  EVENT_REPLAY_MAX_AGE_MS: intBetween(1000, 86_400_000, 900_000),
  EVENT_STREAM_BACKLOG_BYTES: intBetween(16_384, 67_108_864, 262_144),
  EVENT_HUB_STALL_MS: intBetween(1000, 600_000, 40_000),
  OPS_MAP_TILE_URL: optional(
    z
      .string()
      .refine((v) => /^https?:\/\/[^/\s]+\/\S*\{z\}\S*\{x\}\S*\{y\}/.test(v), {
        message: 'attendu une URL http(s) de tuiles avec {z}, {x} et {y} (expected an http(s) tile URL template with {z}, {x}, {y})',
      })
      .refine((v) => cspSourceOk(v), {
        message: 'hôte de tuiles inexprimable dans la CSP : un {s} n’est permis qu’en premier sous-domaine (tile host not expressible in the CSP)',
      }),
  ),
  OPS_MAP_ATTRIBUTION: optional(z.string().max(300)),
  OPS_CLOCK: optional(z.string()),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `attendu l’un de (expected one of) ${LOG_LEVELS.join(', ')}` })),
  ...securityEnvShape,
});

type Env = z.infer<typeof envSchema>;

/** The tile host becomes the CSP's one outside image origin (security/securityHeaders.ts). */
function cspSourceOk(tileUrl: string): boolean {
  try {
    tileSource(tileUrl);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads and validates the configuration from `env`.
 * @throws ConfigError listing every problem.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): BffConfig {
  const problems: string[] = [];
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) problems.push(...parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  problems.push(...crossChecks(env));
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);

  const attempt = <T>(variable: string, read: () => T): T | undefined => {
    try {
      return read();
    } catch (err) {
      problems.push(`${variable}: ${(err as Error).message}`);
      return undefined;
    }
  };
  const e = parsed.data;
  const trustedProxies = attempt('TRUSTED_PROXIES', () => parseTrustedProxies(e.TRUSTED_PROXIES));
  const devIdentity = e.OPS_DEV_IDENTITY === undefined ? undefined : attempt('OPS_DEV_IDENTITY', () => parseDevIdentity(e.OPS_DEV_IDENTITY as string));
  const groupMap = e.OPS_GROUP_MAP_FILE === undefined ? DEFAULT_GROUP_MAP : attempt('OPS_GROUP_MAP_FILE', () => readGroupMap(e.OPS_GROUP_MAP_FILE as string));
  const publicOrigins = e.OPS_PUBLIC_ORIGIN === undefined ? undefined : attempt('OPS_PUBLIC_ORIGIN', () => parseOrigins(e.OPS_PUBLIC_ORIGIN as string));
  const clock = e.OPS_CLOCK === undefined ? systemClock : attempt('OPS_CLOCK', () => clockFromSetting(e.OPS_CLOCK as string));
  const audience = e.AUTHENTIK_AUDIENCE?.split(',').map((a) => a.trim()).filter((a) => a !== '');
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    production: e.NODE_ENV === 'production',
    port: e.PORT,
    erp: upstream('erp', e.ERP_URL, `token ${e.ERP_TOKEN}`, [e.ERP_TOKEN, e.ERP_TOKEN.split(':')[1] as string]),
    hub: upstream('hub', e.HUB_URL, `Bearer ${e.HUB_TOKEN}`, [e.HUB_TOKEN]),
    identity: {
      ...(e.AUTHENTIK_JWT_SECRET !== undefined && { jwtSecret: new TextEncoder().encode(e.AUTHENTIK_JWT_SECRET) }),
      ...(e.AUTHENTIK_JWKS_URL !== undefined && { jwksUrl: new URL(e.AUTHENTIK_JWKS_URL) }),
      ...(e.AUTHENTIK_ISSUER !== undefined && { issuer: e.AUTHENTIK_ISSUER }),
      ...(audience !== undefined && audience.length > 0 && { audience }),
      trustedProxies: trustedProxies as TrustedProxies,
      ...(devIdentity !== undefined && { devIdentity }),
    },
    groupMap: groupMap as GroupMap,
    staticDir: e.OPS_STATIC_DIR ?? DEFAULT_STATIC_DIR,
    ...(publicOrigins !== undefined && { publicOrigins }),
    upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    maxEventStreams: e.MAX_EVENT_STREAMS,
    streamRetryMs: e.STREAM_RETRY_MS,
    drainDelayMs: e.DRAIN_DELAY_MS,
    events: {
      replayEvents: e.EVENT_REPLAY_EVENTS,
      replayMaxAgeMs: e.EVENT_REPLAY_MAX_AGE_MS,
      backlogBytes: e.EVENT_STREAM_BACKLOG_BYTES,
      hubStallMs: e.EVENT_HUB_STALL_MS,
    },
    logLevel: e.LOG_LEVEL ?? 'info',
    client: { map: { tileUrl: e.OPS_MAP_TILE_URL ?? null, attribution: e.OPS_MAP_ATTRIBUTION ?? null }, groups: groupMap as GroupMap },
    security: toSecurityConfig(e),
    clock: clock as Clock,
    ...(e.OPS_CLOCK !== undefined && { clockSetting: e.OPS_CLOCK }),
  };
}

/** Rules between variables, checked on the raw environment so they are reported with the rest. */
function crossChecks(env: NodeJS.ProcessEnv): string[] {
  const set = (name: string) => (env[name] ?? '').trim() !== '';
  const production = env.NODE_ENV === 'production';
  const verifies = set('AUTHENTIK_JWT_SECRET') || set('AUTHENTIK_JWKS_URL');
  const problems: string[] = [];
  if (verifies && !set('AUTHENTIK_ISSUER')) {
    problems.push('AUTHENTIK_ISSUER: obligatoire avec un secret JWT ou un JWKS, pour vérifier « iss » (required with a JWT secret or JWKS, to check "iss")');
  }
  if (!verifies && (set('AUTHENTIK_ISSUER') || set('AUTHENTIK_AUDIENCE'))) {
    problems.push('AUTHENTIK_ISSUER/AUTHENTIK_AUDIENCE: sans effet sans AUTHENTIK_JWT_SECRET ni AUTHENTIK_JWKS_URL (no effect without a JWT secret or JWKS)');
  }
  if (production && !verifies) {
    problems.push(
      'AUTHENTIK_JWT_SECRET / AUTHENTIK_JWKS_URL: en production, l’un des deux est obligatoire pour vérifier l’identité (in production, one is required to verify identity)',
    );
  }
  if (production && set('OPS_DEV_IDENTITY')) {
    problems.push('OPS_DEV_IDENTITY: interdit quand NODE_ENV=production (forbidden in production)');
  }
  return problems;
}

function upstream(name: Upstream, base: string, authorization: string, secrets: string[]): UpstreamConfig {
  const url = new URL(base);
  return { name, url: url.origin + url.pathname.replace(/\/+$/, ''), authorization, secrets };
}

function readGroupMap(file: string): GroupMap {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`fichier illisible (cannot read file) « ${file} » : ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { cause: err });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`JSON invalide (invalid JSON) dans « ${file} » : ${(err as Error).message}`, { cause: err });
  }
  return parseGroupMap(json);
}

function parseOrigins(text: string): string[] {
  return text
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '')
    .map((o) => {
      const url = URL.canParse(o) ? new URL(o) : undefined;
      if (!url || !/^https?:$/.test(url.protocol) || url.origin !== o.replace(/\/$/, '')) {
        throw new Error(`« ${o} » n’est pas une origine (not an origin; expected scheme://host[:port])`);
      }
      return url.origin;
    });
}

/** The variables the BFF reads (what a test or launcher passes to `loadConfig`). */
export type BffEnv = Partial<Record<keyof Env, string>>;
