import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Server-sent events through the proxy: nothing in the path may buffer or transform them
 * (`no-transform` for caches and compressors, `X-Accel-Buffering: no` for nginx-like proxies),
 * and the headers go out at once so the browser's EventSource opens before the first event.
 */
export function prepareEventStream(proxyRes: IncomingMessage, res: ServerResponse): void {
  const headers = proxyRes.headers;
  headers['cache-control'] = 'no-cache, no-transform';
  headers['x-accel-buffering'] = 'no';
  if (proxyRes.statusCode !== 200) return;
  delete headers['content-length'];
  // After the proxy has copied the upstream headers (synchronously, right after this event).
  process.nextTick(() => {
    if (!res.headersSent && !res.destroyed) res.flushHeaders();
  });
}

/** The event streams open right now, so a shutdown can end them cleanly (browsers reconnect). */
export class OpenStreams {
  private readonly streams = new Map<ServerResponse, IncomingMessage>();

  add(res: ServerResponse, proxyRes: IncomingMessage): void {
    this.streams.set(res, proxyRes);
    res.once('close', () => this.streams.delete(res));
  }

  get size(): number {
    return this.streams.size;
  }

  /** Ends every stream between two chunks (never inside a half-forwarded event). */
  endAll(): void {
    for (const [res, proxyRes] of this.streams) {
      proxyRes.unpipe(res);
      proxyRes.destroy();
      res.end();
    }
    this.streams.clear();
  }
}
