// The hub's `/events` stream: one broadcast loop and one heartbeat timer for every open stream
// (2,000 tabs cost one frame serialisation per event, not one per stream).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventLog, StoredEvent } from '../../db/events';

/** A stream whose client stopped reading gets dropped past this much queued output. */
const MAX_BACKLOG = 1024 * 1024;
/** Events replayed to a reconnecting client at most. */
const MAX_REPLAY = 10_000;

export const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
  Connection: 'keep-alive',
} as const;

export function frame(event: StoredEvent): string {
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

export interface BroadcasterOptions {
  heartbeatMs: number;
  /** Poll the log this often (another process writes it); null when every writer is in-process. */
  pollMs: number | null;
}

export class EventBroadcaster {
  private readonly clients = new Set<ServerResponse>();
  private lastSent: number;
  private timers: NodeJS.Timeout[] = [];
  private unsubscribe: (() => void) | null = null;
  private scheduled = false;

  constructor(
    private readonly log: EventLog,
    private readonly opts: BroadcasterOptions,
  ) {
    this.lastSent = log.lastId();
  }

  get size(): number {
    return this.clients.size;
  }

  start(): void {
    this.unsubscribe = this.log.onAppend(() => this.schedule());
    this.timers.push(setInterval(() => this.write(': heartbeat\n\n'), this.opts.heartbeatMs));
    if (this.opts.pollMs !== null) this.timers.push(setInterval(() => this.drain(), this.opts.pollMs));
    this.timers.push(setInterval(() => this.log.prune(), 10 * 60_000));
    for (const t of this.timers) t.unref();
  }

  /** Opens a stream; replays what the client missed after `lastEventId`. */
  attach(req: IncomingMessage, res: ServerResponse, lastEventId: number | null): void {
    req.socket.setNoDelay(true);
    req.socket.setKeepAlive(true, 30_000);
    req.socket.setTimeout(0);
    res.writeHead(200, SSE_HEADERS);
    let out = 'retry: 3000\n: connected\n\n';
    if (lastEventId !== null) {
      let after = lastEventId;
      let replayed = 0;
      while (after < this.lastSent && replayed < MAX_REPLAY) {
        const batch = this.log.since(after, 1000).filter((e) => e.id <= this.lastSent);
        if (batch.length === 0) break;
        for (const e of batch) out += frame(e);
        replayed += batch.length;
        after = (batch[batch.length - 1] as StoredEvent).id;
      }
    }
    res.write(out);
    this.clients.add(res);
    const drop = () => this.clients.delete(res);
    res.on('close', drop);
    res.on('error', drop);
  }

  /** Ends every stream (shutdown), with a retry hint so clients reconnect. */
  close(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    this.unsubscribe?.();
    for (const res of this.clients) res.end('retry: 1000\n\n');
    this.clients.clear();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.drain();
    });
  }

  private drain(): void {
    for (;;) {
      const events = this.log.since(this.lastSent, 500);
      if (events.length === 0) return;
      this.lastSent = (events[events.length - 1] as StoredEvent).id;
      this.write(events.map(frame).join(''));
    }
  }

  private write(chunk: string): void {
    if (this.clients.size === 0) return;
    const data = Buffer.from(chunk);
    for (const res of this.clients) {
      if (res.writableLength > MAX_BACKLOG) {
        res.destroy();
        this.clients.delete(res);
        continue;
      }
      res.write(data);
    }
  }
}
