// One long-lived server-sent-events connection that heals itself: reconnects with backoff and
// jitter, resumes with Last-Event-ID, restarts a stalled stream, and stops when the session is gone
// (retrying then would only hit the sign-in redirect). Transport-agnostic: `open` yields the bytes.
import { isApiError } from '../http/ApiError';
import { backoffDelay } from './backoff';
import { createSseParser, type SseMessage } from './sseParser';

export type LiveStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';
/** Why the connection is offline (drives the indicator's wording). */
export type OfflineReason = 'stopped' | 'network' | 'signed-out';

export interface LiveConnectionOptions {
  /** Opens the stream, sending `Last-Event-ID` when given. Rejects with ApiError on failure. */
  open(lastEventId: string | null, signal: AbortSignal): Promise<ReadableStream<Uint8Array>>;
  onMessage(message: SseMessage): void;
  onStatus(status: LiveStatus, reason: OfflineReason | null): void;
  /** Called each time the stream is (re)established after the first time. */
  onResumed?(): void;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** No byte (event or heartbeat comment) for this long → the stream is presumed dead. */
  stallMs?: number;
  random?: () => number;
}

export class LiveConnection {
  private lastEventId: string | null = null;
  private attempt = 0;
  private everConnected = false;
  private running = false;
  private controller: AbortController | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private stallTimer: ReturnType<typeof setTimeout> | null = null;
  private serverRetryMs: number | null = null;
  private readonly opts: Required<Omit<LiveConnectionOptions, 'onResumed'>> & Pick<LiveConnectionOptions, 'onResumed'>;

  constructor(options: LiveConnectionOptions) {
    this.opts = { baseDelayMs: 1_000, maxDelayMs: 30_000, stallMs: 45_000, random: Math.random, ...options };
  }

  /** The id of the last event received (sent back as Last-Event-ID on reconnect). */
  get lastId(): string | null {
    return this.lastEventId;
  }

  /** Starts (or restarts now, skipping any pending backoff). */
  start(): void {
    this.running = true;
    this.clearTimers();
    this.controller?.abort();
    this.attempt = 0;
    void this.connect();
  }

  /** Stops for good until `start()`; `reason` says why (browser offline, signed out, …). */
  stop(reason: OfflineReason = 'stopped'): void {
    this.running = false;
    this.clearTimers();
    this.controller?.abort();
    this.controller = null;
    this.opts.onStatus('offline', reason);
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.stallTimer) clearTimeout(this.stallTimer);
    this.retryTimer = null;
    this.stallTimer = null;
  }

  private armStallTimer(controller: AbortController): void {
    if (this.stallTimer) clearTimeout(this.stallTimer);
    this.stallTimer = setTimeout(() => controller.abort(), this.opts.stallMs);
  }

  private async connect(): Promise<void> {
    const controller = new AbortController();
    this.controller = controller;
    this.opts.onStatus(this.everConnected || this.attempt > 0 ? 'reconnecting' : 'connecting', null);
    try {
      this.armStallTimer(controller);
      const stream = await this.opts.open(this.lastEventId, controller.signal);
      if (controller.signal.aborted) return this.afterDrop(controller);
      const resumed = this.everConnected;
      this.everConnected = true;
      this.attempt = 0;
      this.opts.onStatus('connected', null);
      if (resumed) this.opts.onResumed?.();
      await this.pump(stream, controller);
    } catch (error) {
      if (isApiError(error) && error.code === 'session-expired') {
        if (this.controller === controller) this.stop('signed-out');
        return;
      }
    }
    this.afterDrop(controller);
  }

  private async pump(stream: ReadableStream<Uint8Array>, controller: AbortController): Promise<void> {
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    const parser = createSseParser(
      (message) => {
        this.lastEventId = message.lastEventId || this.lastEventId;
        this.opts.onMessage(message);
      },
      (ms) => (this.serverRetryMs = ms),
    );
    const cancel = () => void reader.cancel().catch(() => undefined);
    controller.signal.addEventListener('abort', cancel, { once: true });
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done || controller.signal.aborted) return;
        this.armStallTimer(controller);
        parser.feed(decoder.decode(value, { stream: true }));
      }
    } finally {
      controller.signal.removeEventListener('abort', cancel);
    }
  }

  /** The stream ended or failed: schedule the next attempt unless stopped or superseded. */
  private afterDrop(controller: AbortController): void {
    if (this.controller !== controller || !this.running) return;
    if (this.stallTimer) clearTimeout(this.stallTimer);
    const base = this.serverRetryMs ?? this.opts.baseDelayMs;
    const delay = backoffDelay(this.attempt, { baseMs: base, maxMs: this.opts.maxDelayMs, random: this.opts.random });
    this.attempt += 1;
    this.opts.onStatus('reconnecting', null);
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }
}
