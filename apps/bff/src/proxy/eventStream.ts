import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/**
 * Server-sent events through the proxy: nothing in the path may buffer or transform them
 * (`no-transform` for caches and compressors, `X-Accel-Buffering: no` for nginx-like proxies).
 */
export function prepareEventStream(headers: OutgoingHttpHeaders): void {
  headers['cache-control'] = 'no-cache, no-transform';
  headers['x-accel-buffering'] = 'no';
}

/** How long a stream being ended waits for the event in flight to finish before it is cut anyway. */
export const END_AT_BOUNDARY_WITHIN_MS = 1000;

/** True when `chunk` ends an SSE event (a blank line), so something may be written after it. */
function endsAtBoundary(chunk: Buffer): boolean {
  const n = chunk.length;
  if (n >= 2 && chunk[n - 1] === 0x0a && chunk[n - 2] === 0x0a) return true; // \n\n
  if (n >= 2 && chunk[n - 1] === 0x0d && chunk[n - 2] === 0x0d) return true; // \r\r
  return n >= 4 && chunk[n - 1] === 0x0a && chunk[n - 2] === 0x0d && chunk[n - 3] === 0x0a && chunk[n - 4] === 0x0d; // \r\n\r\n
}

/** One stream: set at `reserve`, its upstream answer once it opened. */
interface Stream {
  upstream?: IncomingMessage;
  /** The last byte forwarded closed an event (or nothing was forwarded yet). */
  atBoundary: boolean;
  /** Set by `endAll`: end as soon as the event in flight is complete. */
  ending: boolean;
}

/**
 * The event streams of one BFF: counts them (for the cap), relays each upstream answer to its
 * browser keeping track of event boundaries, and ends them all cleanly at shutdown with a
 * `retry:` hint, so browsers reconnect (to another replica) after `retryMs`…`2 × retryMs`, spread
 * so that a thousand tabs do not come back in the same millisecond.
 */
export class OpenStreams {
  private readonly streams = new Map<ServerResponse, Stream>();
  private ended = false;

  constructor(private readonly retryMs: number) {}

  /** True once `endAll` ran: this replica is shutting down and takes no new stream. */
  get closing(): boolean {
    return this.ended;
  }

  get size(): number {
    return this.streams.size;
  }

  /** Counts `res` as a stream from now until its connection closes (opening ones count towards the cap). */
  reserve(res: ServerResponse): void {
    this.streams.set(res, { atBoundary: true, ending: false });
    res.once('close', () => this.streams.delete(res));
  }

  /** Forwards the upstream's events to the browser, with backpressure, event by event. */
  relay(res: ServerResponse, upstream: IncomingMessage): void {
    const stream = this.streams.get(res);
    if (!stream) return void upstream.destroy(); // the browser left while the stream was opening
    stream.upstream = upstream;
    upstream.on('data', (chunk: Buffer) => {
      const flowing = res.write(chunk);
      stream.atBoundary = endsAtBoundary(chunk);
      if (stream.ending && stream.atBoundary) return this.finish(res, stream);
      if (!flowing) {
        upstream.pause();
        res.once('drain', () => upstream.resume());
      }
    });
    upstream.on('end', () => res.end());
  }

  /** Ends every stream between two events: a `retry:` hint and a comment, then the end of the answer. */
  endAll(): void {
    this.ended = true;
    for (const [res, stream] of this.streams) {
      if (!stream.upstream) {
        res.destroy(); // still opening: nothing was sent, the browser simply retries
        this.streams.delete(res);
      } else if (stream.atBoundary) {
        this.finish(res, stream);
      } else if (!stream.ending) {
        stream.ending = true;
        // An upstream that never completes its event: cut without the hint (the browser drops the
        // partial event and asks for it again with Last-Event-ID).
        setTimeout(() => {
          if (this.streams.has(res)) this.cut(res, stream);
        }, END_AT_BOUNDARY_WITHIN_MS).unref();
      }
    }
  }

  private finish(res: ServerResponse, stream: Stream): void {
    const retry = this.retryMs + Math.floor(Math.random() * this.retryMs);
    res.end(`retry: ${retry}\n\n: le serveur redémarre, reconnexion (server restarting, reconnect)\n\n`);
    this.cut(res, stream);
  }

  private cut(res: ServerResponse, stream: Stream): void {
    stream.upstream?.removeAllListeners('data');
    stream.upstream?.destroy();
    if (!res.writableEnded) res.end();
    this.streams.delete(res);
  }
}
