// Test clients for keep-alive safety: a Node agent that holds one pooled socket (as a proxy's pool
// does) and a raw socket that writes exact bytes (chunked bodies, two requests in a row).
import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { connect, type Socket } from 'node:net';

/** One call as it went: its answer, or the error that replaced it, and which socket carried it. */
export interface CallResult {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** 1 for the agent's first socket, 2 for the next one it had to open… */
  socket: number;
  /** Set when no answer came (ECONNRESET, socket hang up…). */
  error?: string;
}

/** What one call sends. */
export interface CallSpec {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Send the body without Content-Length, in chunks of 64 KiB (Transfer-Encoding: chunked). */
  chunked?: boolean;
}

/** An `http.Agent({ keepAlive: true, maxSockets: 1 })`: every call queues for the same socket, as in a proxy's pool. */
export class OneSocketClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });
  private readonly ids = new WeakMap<Socket, number>();
  private sockets = 0;

  constructor(private readonly origin: string) {}

  call(spec: CallSpec): Promise<CallResult> {
    const url = new URL(spec.path, this.origin);
    const body = typeof spec.body === 'string' ? Buffer.from(spec.body) : spec.body;
    const headers: Record<string, string> = { ...spec.headers };
    if (body && !spec.chunked) headers['content-length'] = String(body.length);
    return new Promise((resolve) => {
      let socket = 0;
      const req = request({ agent: this.agent, hostname: url.hostname, port: url.port, method: spec.method ?? 'GET', path: `${url.pathname}${url.search}`, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), socket }));
        res.on('error', (err: NodeJS.ErrnoException) => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '', socket, error: err.code ?? err.message }));
      });
      req.on('socket', (s: Socket) => {
        if (!this.ids.has(s)) this.ids.set(s, ++this.sockets);
        socket = this.ids.get(s) as number;
      });
      req.on('error', (err: NodeJS.ErrnoException) => resolve({ status: 0, headers: {}, body: '', socket, error: err.code ?? err.message }));
      if (!body) return void req.end();
      if (!spec.chunked) return void req.end(body);
      for (let i = 0; i < body.length; i += 65536) req.write(body.subarray(i, i + 65536));
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** A request as exact bytes: head, then the body with Content-Length or chunked. */
export function rawRequestBytes(spec: CallSpec & { host: string }): Buffer {
  const body = typeof spec.body === 'string' ? Buffer.from(spec.body) : spec.body;
  const lines = [`${spec.method ?? 'GET'} ${spec.path} HTTP/1.1`, `Host: ${spec.host}`, ...Object.entries(spec.headers ?? {}).map(([k, v]) => `${k}: ${v}`)];
  if (body) lines.push(spec.chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${body.length}`);
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  if (!body) return head;
  if (!spec.chunked) return Buffer.concat([head, body]);
  const parts: Buffer[] = [head];
  for (let i = 0; i < body.length; i += 65536) {
    const chunk = body.subarray(i, i + 65536);
    parts.push(Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(parts);
}

/** A parsed answer read off a raw socket. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * One raw TCP connection: write requests as bytes, read answers one after the other (Content-Length
 * or chunked bodies), and learn how the server ended the connection: `fin` (a clean close),
 * `reset`, or `open`.
 */
export class RawConnection {
  private buffer = Buffer.alloc(0);
  private waiting: (() => void) | undefined;
  private ended: 'fin' | 'reset' | undefined;
  private readonly socket: Socket;
  readonly ready: Promise<void>;

  constructor(port: number, host = '127.0.0.1') {
    this.socket = connect(port, host);
    this.ready = new Promise((resolve) => this.socket.once('connect', () => resolve()));
    this.socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.waiting?.();
    });
    this.socket.on('end', () => {
      this.ended ??= 'fin';
      this.waiting?.();
    });
    this.socket.on('error', () => {
      this.ended = 'reset';
      this.waiting?.();
    });
  }

  /** Writes bytes; resolves once they are handed to the kernel (false when the socket was gone). */
  write(bytes: Buffer): Promise<boolean> {
    return new Promise((resolve) => {
      if (this.socket.destroyed || !this.socket.writable) return resolve(false);
      this.socket.write(bytes, (err) => resolve(!err));
    });
  }

  /** The next whole answer on the connection, or undefined when it ended first (or after `timeoutMs`). */
  async nextAnswer(timeoutMs = 5000): Promise<RawAnswer | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const answer = this.parseOne();
      if (answer) return answer;
      if (this.ended || Date.now() >= deadline) return undefined;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiting = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** How the connection ended, waiting up to `timeoutMs` for it: `open` if it has not. */
  async end(timeoutMs = 8000): Promise<'fin' | 'reset' | 'open'> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return this.ended ?? 'open';
  }

  /** Half-closes our side (FIN), as a client does after its last request. */
  finish(): void {
    this.socket.end();
  }

  destroy(): void {
    this.socket.destroy();
  }

  private parseOne(): RawAnswer | undefined {
    const split = this.buffer.indexOf('\r\n\r\n');
    if (split === -1) return undefined;
    const [statusLine = '', ...lines] = this.buffer.subarray(0, split).toString('latin1').split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
    let rest = this.buffer.subarray(split + 4);
    let body: Buffer;
    if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
      const parts: Buffer[] = [];
      for (;;) {
        const eol = rest.indexOf('\r\n');
        if (eol === -1) return undefined;
        const size = parseInt(rest.subarray(0, eol).toString('latin1'), 16);
        if (rest.length < eol + 2 + size + 2) return undefined;
        if (size === 0) {
          rest = rest.subarray(eol + 4);
          break;
        }
        parts.push(rest.subarray(eol + 2, eol + 2 + size));
        rest = rest.subarray(eol + 2 + size + 2);
      }
      body = Buffer.concat(parts);
    } else {
      const length = Number(headers['content-length'] ?? '0');
      if (rest.length < length) return undefined;
      body = rest.subarray(0, length);
      rest = rest.subarray(length);
    }
    this.buffer = rest;
    return { status, headers, body: body.toString('utf8') };
  }
}
