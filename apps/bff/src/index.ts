// Production entry point: configuration from the environment, listen, drain on SIGTERM.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { ConfigError, loadConfig, type BffConfig } from './config';
import type { AppState } from './health/healthRoutes';
import { createLogger } from './logging/logger';

process.setSourceMapsEnabled(true);

let config: BffConfig;
try {
  config = loadConfig(process.env);
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}

const log = createLogger(config.logLevel);
const state: AppState = { draining: false };
const app = createApp(config, { logger: log, state });
const server = createServer(app);
// Traefik keeps idle upstream connections for 90 s: close ours later than that, never under it.
server.keepAliveTimeout = 95_000;
server.headersTimeout = 96_000;

// A request arriving on a kept-alive connection during the drain is the connection's last.
server.on('request', (_req, res) => {
  if (state.draining) res.setHeader('Connection', 'close');
});
server.on('error', (err) => {
  log.fatal({ err }, 'cannot listen');
  process.exit(1);
});
server.listen(config.port, () => {
  const { identity } = config;
  log.info(
    {
      port: (server.address() as AddressInfo).port,
      erp: config.erp.url,
      hub: config.hub.url,
      identity: {
        verification: identity.jwtSecret ? 'HS256' : identity.jwksUrl ? 'RS256 (JWKS)' : 'off',
        issuer: identity.issuer,
        audience: identity.audience,
        trustedProxies: identity.trustedProxies.entries,
        devIdentity: identity.devIdentity?.email,
      },
      staticDir: config.staticDir,
    },
    'BFF listening',
  );
});

let stopping = false;
/** Stop accepting, end event streams (browsers reconnect elsewhere), let requests finish, bounded. */
function drain(signal: string): void {
  if (stopping) return;
  stopping = true;
  state.draining = true;
  log.info({ signal, timeoutMs: config.shutdownTimeoutMs }, 'draining');
  const force = setTimeout(() => {
    log.warn('drain timed out: closing remaining connections');
    server.closeAllConnections();
  }, config.shutdownTimeoutMs);
  force.unref();
  // Keep-alive connections go idle as their last request finishes: close each as soon as it does.
  const reap = setInterval(() => server.closeIdleConnections(), 100);
  server.close(() => {
    clearTimeout(force);
    clearInterval(reap);
    log.info('stopped');
    process.exit(0);
  });
  app.endStreams();
  server.closeIdleConnections();
}

process.on('SIGTERM', () => drain('SIGTERM'));
process.on('SIGINT', () => drain('SIGINT'));
