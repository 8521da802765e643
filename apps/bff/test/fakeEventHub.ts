// A hub `/events` for tests, behaving like targo-hub's: a greeting, numbered `doc_change` events
// broadcast to every open stream, replay after Last-Event-ID, heartbeats on demand; plus what a
// test needs to break it (cut every stream, refuse or never answer new ones).
import type { ServerResponse } from 'node:http';
import { startFakeUpstream, type FakeUpstream } from './fakeUpstream';

export interface HubStreamSeen {
  res: ServerResponse;
  /** The Last-Event-ID it was opened with. */
  lastEventId: string | undefined;
}

export interface FakeEventHub {
  readonly upstream: FakeUpstream;
  readonly url: string;
  /** `/events` streams open now (shared subscriptions and catch-ups). */
  readonly streams: HubStreamSeen[];
  /** Appends an event and writes it to every open stream; returns its id. */
  publish(name?: string, padding?: number): string;
  heartbeat(): void;
  /** Writes raw bytes to every open stream. */
  writeRaw(text: string): void;
  /** The SSE frame of event `id`, as the hub sends it. */
  frame(id: string): string;
  /** Destroys every open stream (a hub restart, a network cut). */
  cut(): void;
  /** A hub restart that forgets its events: streams cut, ids start again at 1. */
  restart(): void;
  /** New `/events` requests: answered normally (null), with this status, or never ('hang'). */
  refuse(mode: number | 'hang' | null): void;
  close(): Promise<void>;
}

export async function startFakeEventHub(): Promise<FakeEventHub> {
  const log: string[] = [];
  const streams: HubStreamSeen[] = [];
  let mode: number | 'hang' | null = null;
  const frameOf = (index: number) => log[index] as string;
  const upstream = await startFakeUpstream((req, res) => {
    if (req.url !== '/events') {
      res.setHeader('content-type', 'application/json');
      return void res.end('{"ok":true}');
    }
    if (mode === 'hang') return;
    if (typeof mode === 'number') {
      res.writeHead(mode, { 'content-type': 'application/json' });
      return void res.end('{"error":"refused"}');
    }
    const raw = req.headers['last-event-id'];
    const lastEventId = typeof raw === 'string' ? raw : undefined;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform' });
    const after = lastEventId !== undefined && /^\d+$/.test(lastEventId) ? Number(lastEventId) : log.length;
    res.write(`retry: 3000\n: connected\n\n${log.slice(after).join('')}`);
    const seen = { res, lastEventId };
    streams.push(seen);
    res.once('close', () => streams.splice(streams.indexOf(seen), 1));
  });
  const writeAll = (text: string) => {
    for (const s of streams) s.res.write(text);
  };
  const cut = () => {
    for (const s of [...streams]) s.res.destroy();
  };
  return {
    upstream,
    url: upstream.url,
    streams,
    publish(name = `DJ-${log.length + 1}`, padding = 0) {
      const id = String(log.length + 1);
      const data = JSON.stringify({ doctype: 'Dispatch Job', name, action: 'update', changed: ['notes'], by: 'test@gigafibre.ca', ...(padding > 0 && { pad: 'x'.repeat(padding) }) });
      log.push(`id: ${id}\nevent: doc_change\ndata: ${data}\n\n`);
      writeAll(frameOf(log.length - 1));
      return id;
    },
    heartbeat: () => writeAll(': heartbeat\n\n'),
    writeRaw: writeAll,
    frame: (id) => frameOf(Number(id) - 1),
    cut,
    restart() {
      log.length = 0;
      cut();
    },
    refuse(next) {
      mode = next;
    },
    close: () => upstream.close(),
  };
}
