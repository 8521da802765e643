import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config';

export type { Logger } from 'pino';

/**
 * Paths whose values never reach a log line, wherever a header bag or a config is logged.
 * The code does not log these objects today; this is the net under that rule.
 */
export const REDACTED_PATHS = [
  'authorization',
  'cookie',
  '*.authorization',
  '*.cookie',
  '*["set-cookie"]',
  '*["x-authentik-jwt"]',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["set-cookie"]',
  '*.headers["x-authentik-jwt"]',
  '*.token',
  '*.jwt',
  '*.secret',
  '*.password',
  '*.jwtSecret',
  // An upstream's config (`{ erp: { authorization, secrets } }`) logged whole by mistake.
  '*.*.authorization',
  '*.*.token',
  '*.secrets',
  '*.*.secrets',
  // A new user's temporary password (the hub's invitation answer), wherever it would sit.
  'temporary_password',
  '*.temporary_password',
  '*.*.temporary_password',
  // Bodies are never logged (the BFF does not parse them); the net under that rule.
  'body',
  '*.body',
  // Node's parse errors carry the raw request bytes, credentials included.
  '*.rawPacket',
];

/** The BFF's JSON logger: one line per event, secrets redacted, ISO time. */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'bff' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}
