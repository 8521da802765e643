import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/**
 * Server-sent events through the proxy: nothing in the path may buffer or transform them
 * (`no-transform` for caches and compressors, `X-Accel-Buffering: no` for nginx-like proxies).
 */
export function prepareEventStream(headers: OutgoingHttpHeaders): void {
  headers['cache-control'] = 'no-cache, no-transform';
  headers['x-accel-buffering'] = 'no';
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
      res.end();
      proxyRes.destroy();
    }
    this.streams.clear();
  }
}
