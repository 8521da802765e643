// A browser tab's event stream for tests: every byte received, the event ids in order, and the end.
import { get, type IncomingMessage } from 'node:http';

export interface Tab {
  res: IncomingMessage;
  text(): string;
  /** The `id:` of every event received, in order (duplicates included: tests look for them). */
  ids(): string[];
  /** Resolves when the answer ends or its connection closes. */
  ended: Promise<void>;
  close(): void;
}

export interface TabOptions {
  /** Sent as `X-Authentik-Jwt`. */
  token?: string;
  lastEventId?: string;
  path?: string;
  headers?: Record<string, string>;
}

export function openTab(port: number, options: TabOptions = {}): Promise<Tab> {
  const headers: Record<string, string> = { Accept: 'text/event-stream', ...options.headers };
  if (options.token) headers['X-Authentik-Jwt'] = options.token;
  if (options.lastEventId !== undefined) headers['Last-Event-ID'] = options.lastEventId;
  return new Promise((resolve, reject) => {
    // agent: false — a connection per tab, as browsers do across tabs; nothing pooled in between.
    const req = get({ port, host: '127.0.0.1', path: options.path ?? '/ops/api/hub/events', agent: false, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      const ended = new Promise<void>((done) => {
        res.on('end', done);
        res.on('close', done);
      });
      resolve({ res, text: () => text, ids: () => [...text.matchAll(/^id: (.*)$/gm)].map((m) => m[1] as string), ended, close: () => req.destroy() });
    });
    req.on('error', reject);
  });
}

/** `from`…`to` as strings (the hub's ids in a fake hub). */
export function idRange(from: number, to: number): string[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => String(from + i));
}
