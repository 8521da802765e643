// The security settings of the BFF (body limits, rate limits), read with the rest of the
// configuration (config.ts merges this schema into its own and calls `toSecurityConfig`).
import { z } from 'zod';

/** A per-user rate: `count` requests, refilled evenly over `windowMs`; null: no limit. */
export interface Rate {
  readonly count: number;
  readonly windowMs: number;
}

/** What a user may send, how big and how often. */
export interface SecurityConfig {
  /** Largest body on JSON routes, in bytes (OPS_BODY_LIMIT_BYTES). */
  readonly bodyLimitBytes: number;
  /** Largest image upload on the vision routes, in bytes (OPS_UPLOAD_LIMIT_BYTES). */
  readonly uploadLimitBytes: number;
  readonly rates: {
    readonly vision: Rate | null;
    readonly deviceTasks: Rate | null;
    readonly invites: Rate | null;
    /** Rows of ERP lists a user may ask for (each list costs its page size): enumeration. */
    readonly listRows: Rate | null;
  };
}

const KIB = 1024;
const MIB = 1024 * KIB;
export const DEFAULT_BODY_LIMIT_BYTES = 64 * KIB;
// Phone photos are 2–5 MB; the hub refuses above 10 MB, so the BFF stops them first.
export const DEFAULT_UPLOAD_LIMIT_BYTES = 8 * MIB;
// listRows: a dispatcher's board costs ~1,500 rows per day shown; 60,000 per 10 min lets one flip
// through weeks at once and then a day every 15 s, while a script reading every client is slowed to
// 100 rows a second and audited.
export const DEFAULT_RATES = { vision: '60/1m', deviceTasks: '30/1m', invites: '30/1h', listRows: '60000/10m' } as const;

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000 } as const;

/** Parses `30/1m` (30 per minute), `20/1h`, `5/10s`; `off` disables the limit. */
export function parseRate(text: string): Rate | null {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'off') return null;
  const match = /^(\d{1,6})\/(\d{1,5})([smh])$/.exec(trimmed);
  if (!match) throw new Error(`« ${text} » : attendu « N/durée » comme 30/1m, 20/1h ou « off » (expected "N/duration" like 30/1m, 20/1h, or "off")`);
  const count = Number(match[1]);
  const windowMs = Number(match[2]) * UNIT_MS[match[3] as keyof typeof UNIT_MS];
  if (count < 1 || windowMs < 1000) throw new Error(`« ${text} » : au moins 1 requête, sur au moins 1 s (at least 1 request over at least 1 s)`);
  return { count, windowMs };
}

// An empty variable counts as unset (as in config.ts).
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const bytes = (min: number, max: number) =>
  optional(
    z.coerce
      .number({ error: 'doit être un nombre d’octets (must be a number of bytes)' })
      .int('doit être un entier (must be an integer)')
      .min(min, `doit être ≥ ${min} (must be ≥ ${min})`)
      .max(max, `doit être ≤ ${max} (must be ≤ ${max})`),
  );

const rate = optional(
  z.string().refine(
    (v) => {
      try {
        parseRate(v);
        return true;
      } catch {
        return false;
      }
    },
    { message: 'attendu « N/durée » comme 30/1m, 20/1h ou « off » (expected "N/duration" like 30/1m, 20/1h, or "off")' },
  ),
);

/** The environment variables of this module, merged into the BFF's env schema. */
export const securityEnvShape = {
  OPS_BODY_LIMIT_BYTES: bytes(KIB, 10 * MIB),
  OPS_UPLOAD_LIMIT_BYTES: bytes(64 * KIB, 50 * MIB),
  OPS_RATE_LIMIT_VISION: rate,
  OPS_RATE_LIMIT_DEVICE_TASKS: rate,
  OPS_RATE_LIMIT_INVITES: rate,
  OPS_RATE_LIMIT_LIST_ROWS: rate,
};

type SecurityEnv = { [K in keyof typeof securityEnvShape]?: z.infer<(typeof securityEnvShape)[K]> };

/** The validated settings, defaults applied. */
export function toSecurityConfig(env: SecurityEnv): SecurityConfig {
  return {
    bodyLimitBytes: env.OPS_BODY_LIMIT_BYTES ?? DEFAULT_BODY_LIMIT_BYTES,
    uploadLimitBytes: env.OPS_UPLOAD_LIMIT_BYTES ?? DEFAULT_UPLOAD_LIMIT_BYTES,
    rates: {
      vision: parseRate(env.OPS_RATE_LIMIT_VISION ?? DEFAULT_RATES.vision),
      deviceTasks: parseRate(env.OPS_RATE_LIMIT_DEVICE_TASKS ?? DEFAULT_RATES.deviceTasks),
      invites: parseRate(env.OPS_RATE_LIMIT_INVITES ?? DEFAULT_RATES.invites),
      listRows: parseRate(env.OPS_RATE_LIMIT_LIST_ROWS ?? DEFAULT_RATES.listRows),
    },
  };
}
