// Production entry point: configuration from the environment, listen, drain on SIGTERM.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { ConfigError, loadConfig, type BffConfig } from './config';
import { closeConnectionsWhileDraining, createDrain } from './health/drain';
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
app.harden(server);
// Traefik keeps idle upstream connections for 90 s: close ours later than that, never under it.
server.keepAliveTimeout = 95_000;
server.headersTimeout = 96_000;

closeConnectionsWhileDraining(server, state);
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
  if (config.clockSetting !== undefined) log.warn({ clock: config.clockSetting }, 'business clock is not the system clock (OPS_CLOCK): tests only');
});

const drain = createDrain({
  server,
  state,
  endStreams: () => app.endStreams(),
  delayMs: config.drainDelayMs,
  timeoutMs: config.shutdownTimeoutMs,
  log,
  onStopped: () => process.exit(0),
});
process.on('SIGTERM', () => drain('SIGTERM'));
process.on('SIGINT', () => drain('SIGINT'));
