// One-line JSON logs on stderr, filtered by LOG_LEVEL (the standin needs no more than this).
import type { LogLevel } from './config';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface Logger {
  debug(msg: string, extra?: Record<string, unknown>): void;
  info(msg: string, extra?: Record<string, unknown>): void;
  warn(msg: string, extra?: Record<string, unknown>): void;
  error(msg: string, extra?: Record<string, unknown>): void;
}

/** A logger for `service` that drops lines below `level`. */
export function createLogger(service: string, level: LogLevel): Logger {
  const min = RANK[level];
  const write = (lvl: Exclude<LogLevel, 'silent'>) => (msg: string, extra?: Record<string, unknown>) => {
    if (RANK[lvl] < min) return;
    process.stderr.write(`${JSON.stringify({ level: lvl, time: new Date().toISOString(), service, msg, ...extra })}\n`);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
