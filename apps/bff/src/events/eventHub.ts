// The replica's live-events hub: ONE subscription to the hub's `/events`, fanned out to every
// browser stream. Each block the hub sends is serialised once (a Buffer) and written to every
// open stream; recent events stay in a ring so a browser resuming with Last-Event-ID is served
// from memory; when the ring does not cover its id, a catch-up stream from the hub bridges the gap
// until it meets the shared subscription (catchUp.ts). Ids are the hub's, the same on every
// replica, so a stream may resume on any of them without losing or repeating an event.
import type { HttpError } from '../errors';
import type { Logger } from '../logging/logger';
import { BrowserStream, type BrowserStreamOptions } from './browserStream';
import { CatchUp } from './catchUp';
import { readsEverything } from './eventAccess';
import { EventRing, type EventRingLimits } from './eventRing';
import type { HubEndpoint } from './hubStream';
import { SharedSubscription } from './sharedSubscription';
import type { SseBlock } from './sseBlocks';

export interface EventHubOptions {
  readonly endpoint: HubEndpoint;
  readonly replay: EventRingLimits;
  /** Bytes a browser may have waiting in Node; past it its stream is dropped (and resumes). */
  readonly backlogBytes: number;
  /** Base of the `retry:` hint of streams the BFF ends. */
  readonly retryMs: number;
  readonly log: Logger;
}

/** How a browser stream was started: live, replayed from memory, or caught up from the hub. */
type Start = 'live' | 'memory' | 'hub';

export class EventHub {
  /** Every browser stream, opening or open (the cap counts them). */
  private readonly streams = new Set<BrowserStream>();
  /** Streams that get the broadcast. */
  private readonly live = new Set<BrowserStream>();
  private readonly catchUps = new Set<CatchUp>();
  private readonly ring: EventRing;
  private readonly subscription: SharedSubscription;
  private readonly streamOptions: BrowserStreamOptions;
  /** Id of the last event the shared subscription delivered: where it resumes after a cut. */
  private position: string | undefined;
  private greeting = Buffer.from(': connected\n\n');
  private ended = false;

  constructor(private readonly options: EventHubOptions) {
    this.ring = new EventRing(options.replay);
    this.streamOptions = { backlogBytes: options.backlogBytes, retryMs: options.retryMs, log: options.log };
    this.subscription = new SharedSubscription(
      options.endpoint,
      {
        resumeFrom: () => this.position,
        onBlock: (block) => this.broadcast(block),
        onRetryAdvice: (ms) => (this.greeting = Buffer.from(`retry: ${ms}\n: connected\n\n`)),
        onDropped: () => this.subscriptionDropped(),
      },
      options.log,
    );
  }

  /** Browser streams open or opening. */
  get size(): number {
    return this.streams.size;
  }

  /** Upstream streams held for catch-ups (besides the one shared subscription). */
  get catchUpStreams(): number {
    return this.catchUps.size;
  }

  /** True once `endAll` ran: this replica is shutting down and takes no new stream. */
  get closing(): boolean {
    return this.ended;
  }

  /** Readiness of the shared subscription: 'ok' (open, or not needed yet) or why not. */
  health(): 'ok' | string {
    return this.subscription.health();
  }

  /** Serves one browser stream (identity already verified), resuming after `lastEventId` when given. */
  serve(stream: BrowserStream, lastEventId: string | undefined): void {
    this.streams.add(stream);
    this.subscription
      .ready()
      .then(
        () => this.place(stream, lastEventId),
        (failure: HttpError) => stream.fail(failure),
      )
      // A bug while placing it must cost this stream (500 or a cut), never the process.
      .catch((err: unknown) => stream.fail(err));
  }

  /** A new browser stream whose end is reported back here. */
  createStream(req: BrowserStream['req'], res: BrowserStream['res']): BrowserStream {
    // No identity here means none was required: a stream without restricted events.
    const readsAll = req.identity !== undefined && readsEverything(req.identity.capabilitySet);
    return new BrowserStream(req, res, this.streamOptions, (s) => this.forget(s), readsAll);
  }

  /** Ends every stream between two events with a `retry:` hint (drain) and closes the upstream streams. */
  endAll(): void {
    this.ended = true;
    this.subscription.close();
    for (const c of this.catchUps) c.close();
    this.catchUps.clear();
    for (const s of this.streams) {
      if (s.opened) s.end('shutdown');
      else s.destroy(); // still opening: nothing was sent, the browser simply retries
    }
  }

  /** Ends the streams and destroys every connection to the hub. */
  close(): void {
    this.endAll();
    this.options.endpoint.destroy();
  }

  private place(stream: BrowserStream, lastEventId: string | undefined): void {
    if (stream.gone) return;
    if (lastEventId === undefined || lastEventId === this.position) return this.join(stream, undefined, 'live');
    const tail = this.ring.after(lastEventId, stream.readsAll);
    if (tail && tail.bytes <= this.options.backlogBytes) return this.join(stream, Buffer.concat(tail.frames), 'memory');
    let catchUp = [...this.catchUps].find((c) => c.accepts(lastEventId));
    if (!catchUp) {
      catchUp = new CatchUp(lastEventId, this.options.endpoint, stream.req.requestId, {
        onOpen: (c) => {
          for (const m of c.members) this.open(m, 'hub');
        },
        onBlock: (c, block) => this.caughtUpBlock(c, block),
        onClose: (c, failure) => this.catchUpClosed(c, failure),
      });
      this.catchUps.add(catchUp);
    }
    catchUp.members.add(stream);
    if (catchUp.opened) this.open(stream, 'hub');
  }

  /** Moves `stream` to the broadcast, after sending it `backlog` (what it misses up to now). */
  private join(stream: BrowserStream, backlog: Buffer | undefined, start: Start): void {
    this.open(stream, start);
    if (backlog !== undefined && backlog.length > 0) stream.send(backlog);
    if (!stream.gone) this.live.add(stream);
  }

  private open(stream: BrowserStream, start: Start): void {
    if (stream.opened) return;
    stream.open(this.greeting);
    this.options.log.debug({ requestId: stream.req.requestId, open: this.streams.size, start }, 'event stream opened');
  }

  /** A block from the shared subscription: to every live stream, once serialised. */
  private broadcast(block: SseBlock): void {
    const { id } = block;
    if (block.isEvent && id !== undefined) {
      // The event the subscription resumed after, sent again by a hub that includes it. Only that
      // one: an id seen earlier may be a new event (a hub whose ids restart), and dropping it
      // would lose it silently; a repeat costs the SPA a refresh at most.
      if (id === this.position) return;
      this.ring.push(id, block.frame, block.redacted);
      this.position = id;
    }
    for (const stream of this.live) stream.sendBlock(block);
    if (id === undefined || this.catchUps.size === 0) return;
    // Catch-ups whose browsers already have this event: the broadcast carries on from here.
    for (const c of this.catchUps) if (c.lastId === id) this.finishCatchUp(c, undefined);
  }

  /** A block from a catch-up: relayed, unless the shared subscription already holds it. */
  private caughtUpBlock(catchUp: CatchUp, block: SseBlock): void {
    const { id } = block;
    if (block.isEvent && id !== undefined) {
      const tail = id === this.position ? { frames: [], bytes: 0 } : this.ring.after(id);
      // Join once what the ring must still send is within half a stream's backlog (the other
      // half for what the paced replay left waiting); a longer gap keeps coming from the hub.
      if (tail && block.frame.length + tail.bytes <= this.options.backlogBytes / 2) {
        // Each member gets the block and the ring's tail as it may read them.
        const backlog = (s: BrowserStream) =>
          Buffer.concat([s.frameOf(block), ...(id === this.position ? [] : (this.ring.after(id, s.readsAll)?.frames ?? []))]);
        return this.finishCatchUp(catchUp, backlog);
      }
    }
    catchUp.relay(block);
  }

  private finishCatchUp(catchUp: CatchUp, backlog: ((stream: BrowserStream) => Buffer) | undefined): void {
    catchUp.close();
    this.catchUps.delete(catchUp);
    for (const m of catchUp.members) this.join(m, backlog?.(m), 'hub');
  }

  private catchUpClosed(catchUp: CatchUp, failure: HttpError | undefined): void {
    this.catchUps.delete(catchUp);
    for (const m of catchUp.members) {
      if (m.opened) m.end('interrupted'); // it resumes from the last event it got
      else if (failure) m.fail(failure);
      else m.destroy();
    }
  }

  /**
   * The shared subscription dropped; it reconnects by itself, resuming after `position`, and live
   * streams simply wait (silent: a hub that stays away shows as a stall in the SPA). Without a
   * position (no event seen yet) the resume cannot be exact: those streams are ended so they
   * reconnect and the SPA refreshes what it shows.
   */
  private subscriptionDropped(): void {
    if (this.position !== undefined) return;
    for (const s of this.live) s.end('interrupted');
  }

  private forget(stream: BrowserStream): void {
    this.streams.delete(stream);
    this.live.delete(stream);
    for (const c of this.catchUps) {
      if (c.members.delete(stream) && c.members.size === 0) {
        c.close(); // its last browser left: release the upstream stream at once
        this.catchUps.delete(c);
      }
    }
  }
}
