// Traefik's part: forward to the BFF replicas round-robin, streaming both ways (SSE passes
// through unbuffered), with client-sent X-Authentik-* removed and the outpost's set added.
import { Agent, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Logger } from '../log';

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

/** How long a replica that refused a connection is skipped (Traefik's health check would). */
const DOWN_FOR_MS = 2_000;

interface Target {
  url: URL;
  downUntil: number;
}

/** Request headers for the upstream: hop-by-hop, X-Authentik-* and X-Forwarded-* dropped, then set. */
export function upstreamHeaders(req: IncomingMessage, identity: Record<string, string> | null): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.headers as IncomingHttpHeaders)) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) || lower.startsWith('x-authentik-') || lower.startsWith('x-forwarded-') || lower === 'x-real-ip') continue;
    out[name] = value;
  }
  const client = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  const host = req.headers.host ?? '';
  out['X-Forwarded-For'] = client;
  out['X-Forwarded-Proto'] = 'http';
  out['X-Forwarded-Host'] = host;
  out['X-Forwarded-Port'] = String(req.socket.localPort ?? '');
  out['X-Forwarded-Server'] = 'standin-edge';
  out['X-Real-Ip'] = client;
  if (identity) Object.assign(out, identity);
  return out;
}

export class BffProxy {
  private readonly targets: Target[];
  private next = 0;
  // Streams stay open all day: no socket cap on the way to the BFF.
  private readonly agent = new Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 256 });

  constructor(
    urls: readonly string[],
    private readonly log: Logger,
  ) {
    this.targets = urls.map((u) => ({ url: new URL(u), downUntil: 0 }));
  }

  /** Forwards one request; a replica that refuses the connection is skipped for GET/HEAD. */
  forward(req: IncomingMessage, res: ServerResponse, identity: Record<string, string> | null): void {
    const retryable = req.method === 'GET' || req.method === 'HEAD';
    this.attempt(req, res, upstreamHeaders(req, identity), retryable ? this.targets.length : 1);
  }

  close(): void {
    this.agent.destroy();
  }

  private pick(): Target {
    const now = Date.now();
    for (let i = 0; i < this.targets.length; i++) {
      const t = this.targets[(this.next + i) % this.targets.length] as Target;
      if (t.downUntil <= now) {
        this.next = (this.next + i + 1) % this.targets.length;
        return t;
      }
    }
    const t = this.targets[this.next % this.targets.length] as Target;
    this.next = (this.next + 1) % this.targets.length;
    return t;
  }

  private attempt(req: IncomingMessage, res: ServerResponse, headers: Record<string, string | string[]>, triesLeft: number): void {
    const target = this.pick();
    const upstream = request({
      agent: this.agent,
      hostname: target.url.hostname,
      port: target.url.port,
      method: req.method,
      path: req.url,
      headers,
    });
    let responded = false;
    upstream.on('response', (up) => {
      responded = true;
      const out: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(up.headers)) if (value !== undefined && !HOP_BY_HOP.has(name.toLowerCase())) out[name] = value;
      res.writeHead(up.statusCode ?? 502, out);
      // Headers go out at once: an event stream must not wait for its first event.
      res.flushHeaders();
      up.pipe(res);
      up.on('error', () => res.destroy());
      // The BFF answered before the whole upload reached it (a 401, a 413). As Traefik does: stop
      // sending (a half-sent connection cannot be reused) and drop the rest of the client's body
      // here; guardEarlyAnswers (http/service.ts) keeps or cleanly closes the client's connection.
      up.on('end', () => {
        if (req.complete) return;
        req.unpipe(upstream);
        req.resume();
        upstream.destroy();
      });
    });
    let clientLeft = false;
    upstream.on('error', (err: NodeJS.ErrnoException) => {
      if (clientLeft) return res.destroy(); // our own destroy() below, not the BFF's fault
      if (responded) {
        // The upstream connection ended while the client was still sending the body the BFF had
        // answered: a whole answer stays as it is (the rest of the body is dropped); a cut one is cut.
        req.unpipe(upstream);
        req.resume();
        if (!res.writableEnded) res.destroy();
        return;
      }
      if (err.code === 'ECONNREFUSED') target.downUntil = Date.now() + DOWN_FOR_MS;
      if (err.code === 'ECONNREFUSED' && triesLeft > 1 && !res.headersSent) return this.attempt(req, res, headers, triesLeft - 1);
      this.log.warn('bff unreachable', { target: target.url.origin, code: err.code, path: req.url });
      if (!res.headersSent) {
        res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': 11 });
        res.end('Bad Gateway');
      } else res.destroy();
    });
    // The client left (tab closed, stream dropped): release the upstream socket at once.
    res.on('close', () => {
      if (res.writableFinished) return;
      clientLeft = true;
      upstream.destroy();
    });
    // GET/HEAD carry no body, which is also what makes them safe to send again to another replica.
    if (req.method === 'GET' || req.method === 'HEAD') upstream.end();
    else req.pipe(upstream);
  }
}
