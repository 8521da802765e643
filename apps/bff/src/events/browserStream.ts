// One browser's event stream as the BFF answers it: the SSE headers and a greeting, whole
// blocks written as they come, dropped (with a `retry:` hint, so it reconnects and catches up
// with Last-Event-ID) when the browser falls too far behind, and ended cleanly at shutdown.
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { BffRequest } from '../bffRequest';
import { sendError } from '../errors';
import type { Logger } from '../logging/logger';
import type { SseBlock } from './sseBlocks';

/**
 * Nothing in the path may buffer or transform a stream: `no-transform` for caches and
 * compressors, `X-Accel-Buffering: no` for nginx-like proxies (Traefik flushes event streams).
 */
export const EVENT_STREAM_HEADERS: OutgoingHttpHeaders = {
  'Content-Type': 'text/event-stream',
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
};

/** A stream ended by the BFF whose last bytes the browser does not read within this is cut. */
const END_GRACE_MS = 5000;

export interface BrowserStreamOptions {
  /** Bytes Node may hold for one browser; past it the stream is dropped. */
  readonly backlogBytes: number;
  /** Base of the `retry:` hint (the hint is drawn between this and twice this). */
  readonly retryMs: number;
  readonly log: Logger;
}

/** Why the BFF ends a stream, as the comment the browser reads after the `retry:` hint. */
export const END_REASONS = {
  shutdown: 'le serveur redémarre, reconnexion (server restarting, reconnect)',
  slow: 'flux en retard, reconnexion (stream too far behind, reconnect)',
  interrupted: 'flux du hub interrompu, reconnexion (hub stream interrupted, reconnect)',
} as const;
export type EndReason = keyof typeof END_REASONS;

export class BrowserStream {
  /** Headers sent (an error can no longer be answered as JSON). */
  opened = false;
  /** Ended or closed: takes no more writes. */
  gone = false;

  constructor(
    readonly req: BffRequest,
    readonly res: ServerResponse,
    private readonly options: BrowserStreamOptions,
    /** Called once when the stream ends or its connection closes. */
    private readonly onGone: (stream: BrowserStream) => void,
    /** The user may read every event; otherwise restricted ones come as their id alone (eventAccess.ts). */
    readonly readsAll = true,
  ) {
    res.once('close', () => this.leave());
  }

  /** Sends the headers and the greeting (`retry:` advice as the hub gives it, and a comment). */
  open(greeting: Buffer): void {
    if (this.gone || this.opened) return;
    this.opened = true;
    this.res.writeHead(200, EVENT_STREAM_HEADERS);
    this.res.write(greeting);
  }

  /**
   * Writes whole blocks, unless the browser already has more than the backlog waiting in Node's
   * buffers (a slow or stuck reader): then it is dropped, so it neither holds the others back nor
   * grows memory without bound. Returns false when nothing was written.
   */
  send(frame: Buffer): boolean {
    if (this.gone) return false;
    if (this.res.writableLength > this.options.backlogBytes) {
      this.options.log.warn({ requestId: this.req.requestId, backlogBytes: this.res.writableLength }, 'event stream dropped: browser too far behind');
      this.end('slow');
      return false;
    }
    this.res.write(frame);
    return true;
  }

  /** The bytes of `block` this browser may read. */
  frameOf(block: Pick<SseBlock, 'frame' | 'redacted'>): Buffer {
    return this.readsAll || block.redacted === undefined ? block.frame : block.redacted;
  }

  /** Sends a block as this browser may read it. */
  sendBlock(block: SseBlock): boolean {
    return this.send(this.frameOf(block));
  }

  /** Node holds more for this browser than its socket's high-water mark (it reads slower than we write). */
  get congested(): boolean {
    return !this.gone && this.res.writableNeedDrain;
  }

  /** Calls `callback` once the browser has taken what was waiting (or is gone). */
  onceWritable(callback: () => void): void {
    if (!this.congested) return callback();
    const done = () => {
      this.res.off('drain', done);
      this.res.off('close', done);
      callback();
    };
    this.res.once('drain', done);
    this.res.once('close', done);
  }

  /** Ends the stream between two events with a spread `retry:` hint and the reason as a comment. */
  end(reason: EndReason): void {
    if (this.gone) return;
    const retry = this.options.retryMs + Math.floor(Math.random() * this.options.retryMs);
    this.res.end(`retry: ${retry}\n\n: ${END_REASONS[reason]}\n\n`);
    this.leave();
    // A browser that reads nothing more would keep its buffers: cut it after a grace period.
    setTimeout(() => {
      if (!this.res.writableFinished) this.res.destroy();
    }, END_GRACE_MS).unref();
  }

  /** Before the headers: answers `failure` as JSON; after: cuts the connection. */
  fail(failure: unknown): void {
    if (this.gone) return;
    sendError(failure, this.req, this.res, this.options.log);
    this.leave();
  }

  /** Cuts the connection without a word (a stream still opening at shutdown: the browser retries). */
  destroy(): void {
    this.res.destroy();
    this.leave();
  }

  private leave(): void {
    if (this.gone) return;
    this.gone = true;
    this.onGone(this);
  }
}
