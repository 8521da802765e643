// Graceful shutdown of one replica (SIGTERM from `docker stop` / a rolling update):
//   1. draining: /ops/healthz and /ops/readyz answer 503, so the edge stops routing here; for
//      DRAIN_DELAY_MS requests are still accepted (and served, each its connection's last);
//   2. stop accepting, end event streams with a `retry:` hint (browsers reconnect to another
//      replica), close idle keep-alive connections as they go idle;
//   3. exit once in-flight requests are done, or after SHUTDOWN_TIMEOUT_MS cut what is left.
import type { Server } from 'node:http';
import type { Logger } from '../logging/logger';
import type { AppState } from './healthRoutes';

export interface DrainOptions {
  server: Server;
  state: AppState;
  /** Ends the open event streams (app.endStreams). */
  endStreams(): void;
  delayMs: number;
  timeoutMs: number;
  log: Logger;
  /** Called once everything is closed (production: process.exit(0)). */
  onStopped(): void;
}

/**
 * Marks every answer given while draining as its connection's last. Runs before the app's own
 * listener: an answer written synchronously would otherwise be sent already (and setHeader throw).
 */
export function closeConnectionsWhileDraining(server: Server, state: AppState): void {
  server.prependListener('request', (_req, res) => {
    if (state.draining) res.setHeader('Connection', 'close');
  });
}

/** Returns the drain function for a signal; calling it again does nothing. */
export function createDrain(options: DrainOptions): (signal: string) => void {
  const { server, state, log } = options;
  let started = false;
  return (signal) => {
    if (started) return;
    started = true;
    state.draining = true;
    log.info({ signal, delayMs: options.delayMs, timeoutMs: options.timeoutMs }, 'draining');
    setTimeout(() => {
      const force = setTimeout(() => {
        log.warn('drain timed out: closing remaining connections');
        server.closeAllConnections();
      }, options.timeoutMs);
      // Keep-alive connections go idle as their last request finishes: close each as soon as it does.
      const reap = setInterval(() => server.closeIdleConnections(), 100);
      server.close(() => {
        clearTimeout(force);
        clearInterval(reap);
        log.info('stopped');
        options.onStopped();
      });
      options.endStreams();
      server.closeIdleConnections();
    }, options.delayMs);
  };
}
