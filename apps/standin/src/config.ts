// The standin's settings, read once from the environment and the command line (see README).
import { isAbsolute, resolve } from 'node:path';
import { clockFromSetting, type Clock } from '@gigafibre/contracts';
import { fileURLToPath } from 'node:url';

/** The services one standin process can run. */
export const SERVICES = ['erp', 'hub', 'edge'] as const;
/** One standin service. */
export type ServiceName = (typeof SERVICES)[number];

/** Default secrets for local runs; they match LOCAL_DEFAULTS in scripts/lib/stack-config.ts. */
export const STANDIN_DEFAULTS = {
  erpToken: 'standin-key:standin-secret',
  hubToken: 'standin-hub-token',
  webhookSecret: 'standin-uptime-kuma-secret',
  jwtSecret: 'standin-dev-jwt-secret-not-for-production',
  audience: 'gigafibre-ops',
  scale: 3000,
  /** Twilio's auth token, the key of X-Twilio-Signature on inbound webhooks (a test value). */
  twilioAuthToken: 'standin-twilio-auth-token',
  /** The hub's Twilio number, `from` of every text it sends (555-01xx: fictional). */
  twilioNumber: '+14385550100',
} as const;

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface StandinConfig {
  services: ServiceName[];
  host: string;
  erpPort: number;
  hubPort: number;
  edgePort: number;
  /** Where the edge sends `/ops/*`, round-robin. */
  bffUrls: string[];
  erpToken: string;
  hubToken: string;
  /** STANDIN_UPTIME_KUMA_SECRET: what Uptime-Kuma sends in X-Gigafibre-Webhook-Secret. */
  webhookSecret: string;
  jwtSecret: string;
  jwtIssuer: string;
  jwtAudience: string;
  /** File path (absolute) or `:memory:`. */
  db: string;
  /** Number of customers to seed. */
  scale: number;
  technicians: number;
  jobsPerDay: number;
  /** Tickets (Issue) to seed; 0: the default, 0.9 per customer. */
  tickets: number;
  faults: boolean;
  /** STANDIN_HOSTILE_TEXT=1: HTML/script in one customer's texts (seed/hostileText.ts). */
  hostileText: boolean;
  reseed: boolean;
  logLevel: LogLevel;
  sseHeartbeatMs: number;
  /**
   * STANDIN_CLOCK: the instant the business clock (ERP timestamps, seed, hub) reads at start, then
   * runs at real pace; unset: the system clock. Sign-in sessions and JWTs always use real time.
   */
  clock: Clock | null;
  /** STANDIN_TWILIO_AUTH_TOKEN: signs inbound Twilio webhooks (X-Twilio-Signature). */
  twilioAuthToken: string;
  /** STANDIN_TWILIO_NUMBER: the hub's Twilio number (E.164). */
  twilioNumber: string;
  /** STANDIN_SMS_STEP_MS: each step of an outbound SMS lifecycle (queued → sending → sent → delivered). */
  smsStepMs: number;
}

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function port(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${name} invalide : « ${value} » (port 0–65535 attendu)`);
  return n;
}

function twilioNumber(value: string | undefined): string {
  if (value === undefined || value === '') return STANDIN_DEFAULTS.twilioNumber;
  if (!/^\+1[2-9]\d{2}[2-9]\d{6}$/.test(value)) throw new Error(`STANDIN_TWILIO_NUMBER invalide : « ${value} » (E.164 nord-américain attendu)`);
  return value;
}

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} invalide : « ${value} » (entier ≥ 1 attendu)`);
  return n;
}

function clockSetting(value: string | undefined): Clock | null {
  if (value === undefined || value.trim() === '') return null;
  try {
    return clockFromSetting(value);
  } catch (err) {
    throw new Error(`STANDIN_CLOCK ${(err as Error).message}`, { cause: err });
  }
}

function flag(args: readonly string[], name: string): string | undefined {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  const arg = args[i] as string;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (args[i + 1] ?? '');
}

/** Reads the configuration; throws an Error naming every bad setting. */
export function loadConfig(env: NodeJS.ProcessEnv, args: readonly string[] = []): StandinConfig {
  const services = (env.STANDIN_SERVICES ?? 'erp,hub,edge')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = services.filter((s) => !(SERVICES as readonly string[]).includes(s));
  if (unknown.length > 0 || services.length === 0) {
    throw new Error(`STANDIN_SERVICES invalide : « ${env.STANDIN_SERVICES ?? ''} » (parmi ${SERVICES.join(', ')})`);
  }
  const edgePort = port(env.OPS_PORT, 8080, 'OPS_PORT');
  const dbSetting = flag(args, '--db') ?? env.STANDIN_DB ?? '.data/standin.db';
  const level = (env.LOG_LEVEL ?? 'info').toLowerCase();
  if (!['debug', 'info', 'warn', 'error', 'silent', 'fatal', 'trace'].includes(level)) {
    throw new Error(`LOG_LEVEL invalide : « ${level} »`);
  }
  const bffUrls = (env.BFF_URL ?? 'http://127.0.0.1:8090')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  for (const url of bffUrls) {
    if (!/^https?:\/\/[^/]+/.test(url)) throw new Error(`BFF_URL invalide : « ${url} »`);
  }
  return {
    services: services as ServiceName[],
    host: env.STANDIN_HOST ?? '127.0.0.1',
    erpPort: port(env.STANDIN_ERP_PORT, 8001, 'STANDIN_ERP_PORT'),
    hubPort: port(env.STANDIN_HUB_PORT, 8002, 'STANDIN_HUB_PORT'),
    edgePort,
    bffUrls,
    erpToken: env.STANDIN_ERP_TOKEN ?? STANDIN_DEFAULTS.erpToken,
    hubToken: env.STANDIN_HUB_TOKEN ?? STANDIN_DEFAULTS.hubToken,
    webhookSecret: env.STANDIN_UPTIME_KUMA_SECRET ?? STANDIN_DEFAULTS.webhookSecret,
    jwtSecret: env.STANDIN_JWT_SECRET ?? STANDIN_DEFAULTS.jwtSecret,
    jwtIssuer: env.STANDIN_JWT_ISSUER ?? `http://localhost:${edgePort}/application/o/${STANDIN_DEFAULTS.audience}/`,
    jwtAudience: env.STANDIN_JWT_AUDIENCE ?? STANDIN_DEFAULTS.audience,
    db: dbSetting === ':memory:' ? dbSetting : isAbsolute(dbSetting) ? dbSetting : resolve(repoRoot, dbSetting),
    scale: positiveInt(flag(args, '--scale') ?? env.STANDIN_SCALE, STANDIN_DEFAULTS.scale, 'STANDIN_SCALE / --scale'),
    technicians: Math.max(2, positiveInt(env.STANDIN_TECHNICIANS, 40, 'STANDIN_TECHNICIANS')), // TECH-001/002 are fixtures
    jobsPerDay: positiveInt(env.STANDIN_JOBS_PER_DAY, 120, 'STANDIN_JOBS_PER_DAY'),
    tickets: env.STANDIN_TICKETS === undefined ? 0 : positiveInt(env.STANDIN_TICKETS, 0, 'STANDIN_TICKETS'),
    faults: env.STANDIN_FAULTS === '1',
    hostileText: env.STANDIN_HOSTILE_TEXT === '1',
    reseed: args.includes('--reseed') || env.STANDIN_RESEED === '1',
    logLevel: (level === 'fatal' ? 'error' : level === 'trace' ? 'debug' : level) as LogLevel,
    sseHeartbeatMs: positiveInt(env.STANDIN_SSE_HEARTBEAT_MS, 15_000, 'STANDIN_SSE_HEARTBEAT_MS'),
    clock: clockSetting(env.STANDIN_CLOCK),
    twilioAuthToken: env.STANDIN_TWILIO_AUTH_TOKEN ?? STANDIN_DEFAULTS.twilioAuthToken,
    twilioNumber: twilioNumber(env.STANDIN_TWILIO_NUMBER),
    smsStepMs: positiveInt(env.STANDIN_SMS_STEP_MS, 300, 'STANDIN_SMS_STEP_MS'),
  };
}
