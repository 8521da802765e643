import type { Express } from 'express';
import type { BffConfig, UpstreamConfig } from '../config';
import type { Logger } from '../logging/logger';

/** Shared with index.ts: set when SIGTERM starts the drain, so the edge stops sending traffic. */
export interface AppState {
  draining: boolean;
  /** Set by createApp: the replica's event subscription to the hub, 'ok' or why not. */
  events?: () => ProbeResult;
}

/** How long readiness waits for each upstream. */
export const READY_TIMEOUT_MS = 2000;

/** The outcome of one upstream probe: 'ok' or why not (never echoing a token). */
type ProbeResult = 'ok' | string;

async function probe(upstream: UpstreamConfig, path: string, accept: (status: number, body: string) => boolean, timeoutMs: number): Promise<ProbeResult> {
  try {
    const res = await fetch(`${upstream.url}${path}`, {
      headers: { authorization: upstream.authorization, accept: 'application/json' },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await res.text();
    return accept(res.status, body) ? 'ok' : `HTTP ${res.status}`;
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    if (e.name === 'TimeoutError') return `pas de réponse en ${timeoutMs} ms`;
    return `injoignable (${e.cause?.code ?? e.name})`;
  }
}

const isPong = (status: number, body: string) => {
  if (status !== 200) return false;
  try {
    return (JSON.parse(body) as { message?: unknown }).message === 'pong';
  } catch {
    return false;
  }
};

const DRAINING = { status: 'draining', error: 'draining', message: 'Arrêt en cours : ce serveur ne prend plus de requêtes.' } as const;

/**
 * `/ops/healthz`: this replica takes traffic: 200, or 503 from the moment SIGTERM starts the drain
 * (Traefik's health check and Docker's use it: see deploy/README.md). It does not look at the
 * upstreams on purpose: an ERPNext outage must not take the SPA and the hub features offline.
 * `/ops/readyz`: both upstreams answer with our service tokens (ERPNext `GET /api/method/ping` →
 * pong, hub `GET /health` → 2xx) and the replica's event subscription, once opened, is up; 503
 * naming the ones down, or while draining. For monitoring and the launcher. Neither needs an identity.
 */
export function healthRoutes(app: Express, config: BffConfig, state: AppState, log: Logger): void {
  const timeoutMs = Math.min(READY_TIMEOUT_MS, config.upstreamTimeoutMs);
  app.get('/ops/healthz', (req, res) => {
    res.set('Cache-Control', 'no-store');
    if (state.draining) res.status(503).json({ ...DRAINING, requestId: req.requestId });
    else res.json({ status: 'ok' });
  });
  app.get('/ops/readyz', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    if (state.draining) return void res.status(503).json({ ...DRAINING, down: [], requestId: req.requestId });
    const [erp, hub] = await Promise.all([
      probe(config.erp, '/api/method/ping', isPong, timeoutMs),
      probe(config.hub, '/health', (status) => status >= 200 && status < 300, timeoutMs),
    ]);
    // The shared event subscription counts once it is in use: browsers' streams wait on it.
    const checks = { erp, hub, events: state.events?.() ?? 'ok' };
    const down = (Object.keys(checks) as (keyof typeof checks)[]).filter((name) => checks[name] !== 'ok');
    if (down.length > 0) {
      log.warn({ requestId: req.requestId, checks }, 'not ready');
      res.status(503).json({ status: 'unavailable', error: 'not_ready', message: `Service(s) indisponible(s) : ${down.join(', ')}.`, down, checks, requestId: req.requestId });
    } else {
      res.json({ status: 'ready', checks });
    }
  });
}
