// The replica's one subscription to the hub's `/events`: opened when the first browser stream
// needs it, kept for the life of the process, reconnected with backoff and resumed from the last
// event id it saw, so the hub replays what happened while it was down.
import { randomUUID } from 'node:crypto';
import type { HttpError } from '../errors';
import type { Logger } from '../logging/logger';
import { openHubStream, type HubEndpoint, type HubStream } from './hubStream';
import type { SseBlock } from './sseBlocks';

export type SubscriptionState = 'idle' | 'connecting' | 'open' | 'down' | 'closed';

export interface SubscriptionHandlers {
  /** The id to resume after (undefined: only new events). */
  resumeFrom(): string | undefined;
  onBlock(block: SseBlock): void;
  onRetryAdvice(retryMs: number): void;
  /** The open subscription dropped (it reconnects by itself). */
  onDropped(): void;
}

/** Reconnection delays: exponential from 500 ms to 10 s, half fixed and half random. */
const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 10_000;

interface Waiter {
  resolve(): void;
  reject(failure: HttpError): void;
}

export class SharedSubscription {
  private current: SubscriptionState = 'idle';
  private stream: HubStream | undefined;
  private timer: NodeJS.Timeout | undefined;
  private attempt = 0;
  private waiters: Waiter[] = [];
  /** Why the last attempt failed (what a browser arriving meanwhile is answered). */
  private failure: HttpError | undefined;
  private downSince: number | undefined;

  constructor(
    private readonly endpoint: HubEndpoint,
    private readonly handlers: SubscriptionHandlers,
    private readonly log: Logger,
  ) {}

  get state(): SubscriptionState {
    return this.current;
  }

  /**
   * Resolves once the subscription is open (opening it if idle). Rejects at once while it is
   * down between two attempts, or when the attempt under way fails: the browser gets the hub's
   * failure, as it did when each stream had its own upstream.
   */
  ready(): Promise<void> {
    if (this.current === 'open') return Promise.resolve();
    if (this.current === 'down' && this.failure) return Promise.reject(this.failure);
    if (this.current === 'idle') this.connect();
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** For readiness: 'ok', or why not (in French, for the operator). */
  health(now = Date.now()): 'ok' | string {
    if (this.current === 'idle' || this.current === 'open' || this.downSince === undefined) return 'ok';
    if (this.current === 'closed') return 'fermé (arrêt en cours)';
    const seconds = Math.round((now - this.downSince) / 1000);
    return `abonnement aux événements coupé depuis ${seconds} s${this.failure ? ` (${this.failure.code})` : ''}`;
  }

  close(): void {
    this.current = 'closed';
    clearTimeout(this.timer);
    this.stream?.close();
    this.stream = undefined;
  }

  private connect(): void {
    this.current = 'connecting';
    const lastEventId = this.handlers.resumeFrom();
    this.stream = openHubStream(
      this.endpoint,
      { requestId: `bff-events-${randomUUID()}`, ...(lastEventId !== undefined && { lastEventId }) },
      {
        onOpen: () => {
          this.current = 'open';
          this.attempt = 0;
          this.failure = undefined;
          if (this.downSince !== undefined) this.log.info({ resumedAfter: lastEventId ?? null, downMs: Date.now() - this.downSince }, 'event subscription resumed');
          else this.log.info('event subscription open');
          this.downSince = undefined;
          for (const w of this.waiters.splice(0)) w.resolve();
        },
        onBlock: (block) => this.handlers.onBlock(block),
        onRetryAdvice: (ms) => this.handlers.onRetryAdvice(ms),
        onClose: (failure, opened) => this.dropped(failure, opened),
      },
    );
  }

  private dropped(failure: HttpError | undefined, opened: boolean): void {
    this.stream = undefined;
    if (this.current === 'closed') return;
    this.current = 'down';
    this.downSince ??= Date.now();
    if (failure) {
      this.failure = failure;
      for (const w of this.waiters.splice(0)) w.reject(failure);
    }
    const delay = Math.round(Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** this.attempt) * (0.5 + Math.random() / 2));
    this.attempt++;
    this.log.warn({ code: failure?.code ?? 'ended', status: failure?.status, retryInMs: delay }, opened ? 'event subscription dropped' : 'event subscription failed');
    if (opened) this.handlers.onDropped();
    this.timer = setTimeout(() => this.connect(), delay);
    this.timer.unref();
  }
}
