// A byte-exact HTTP/1.1 client for hostile requests: HTTP client libraries refuse to send most of
// them (raw control characters, duplicated or conflicting framing, invalid UTF-8, absolute or
// malformed targets). One request per connection (`Connection: close`).
import { connect } from 'node:net';

/** A request built from parts; header strings are written as latin1 (one byte per character). */
export interface BuiltRequest {
  method: string;
  target: string;
  headers?: readonly (readonly [string, string])[];
  body?: Buffer | string;
  /** Send the body with `Transfer-Encoding: chunked` (in 64 kB chunks). */
  chunked?: boolean;
}

/** What to send: a built request, or exactly these bytes. */
export type RawRequest = BuiltRequest | { raw: Buffer | string };

/** What came back: the parsed answer, or `status: 0` when the connection closed without one. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The body parsed as JSON, when it is JSON. */
  json: unknown;
}

const latin1 = (text: string) => Buffer.from(text, 'latin1');

/** The request's bytes: request line, Host, Connection: close, the given headers, the body. */
export function requestBytes(r: RawRequest): Buffer[] {
  if ('raw' in r) return [typeof r.raw === 'string' ? latin1(r.raw) : r.raw];
  const body = r.body === undefined ? undefined : typeof r.body === 'string' ? Buffer.from(r.body, 'utf8') : r.body;
  const lines = [`${r.method} ${r.target} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close', ...(r.headers ?? []).map(([k, v]) => `${k}: ${v}`)];
  const hasLength = (r.headers ?? []).some(([k]) => /^(content-length|transfer-encoding)$/i.test(k));
  if (body !== undefined && !hasLength) lines.push(r.chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${body.length}`);
  const head = latin1(`${lines.join('\r\n')}\r\n\r\n`);
  if (body === undefined) return [head];
  if (!r.chunked) return [head, body];
  const parts: Buffer[] = [head];
  for (let i = 0; i < body.length; i += 65536) {
    const chunk = body.subarray(i, i + 65536);
    parts.push(latin1(`${chunk.length.toString(16)}\r\n`), chunk, latin1('\r\n'));
  }
  parts.push(latin1('0\r\n\r\n'));
  return parts;
}

function parse(data: Buffer): RawAnswer {
  // Skip interim answers (`100 Continue`): the final one follows.
  while (/^HTTP\/1\.[01] 1\d\d /.test(data.subarray(0, 16).toString('latin1')) && data.indexOf('\r\n\r\n') !== -1) {
    data = data.subarray(data.indexOf('\r\n\r\n') + 4);
  }
  const split = data.indexOf('\r\n\r\n');
  if (split === -1) return { status: 0, headers: {}, body: data.toString('latin1'), json: undefined };
  const [statusLine = '', ...headerLines] = data.subarray(0, split).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  let raw = data.subarray(split + 4);
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) raw = dechunk(raw);
  else if (headers['content-length'] !== undefined) raw = raw.subarray(0, Number(headers['content-length']));
  const body = raw.toString('utf8');
  let json: unknown;
  try {
    json = /json/.test(headers['content-type'] ?? '') && body !== '' ? JSON.parse(body) : undefined;
  } catch {
    json = undefined;
  }
  return { status, headers, body, json };
}

function dechunk(data: Buffer): Buffer {
  const out: Buffer[] = [];
  let at = 0;
  while (at < data.length) {
    const eol = data.indexOf('\r\n', at);
    if (eol === -1) break;
    const size = parseInt(data.subarray(at, eol).toString('latin1'), 16);
    if (!(size > 0)) break;
    out.push(data.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(out);
}

/**
 * Sends `r` and resolves with the answer once the server closes the connection (or after
 * `timeoutMs`). Write errors are ignored: a server may answer and close before reading a body.
 */
export function sendRaw(port: number, r: RawRequest, timeoutMs = 10_000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const received: Buffer[] = [];
    const socket = connect(port, '127.0.0.1');
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(parse(Buffer.concat(received)));
    });
    socket.once('connect', async () => {
      for (const part of requestBytes(r)) {
        if (socket.destroyed || socket.writableEnded) return;
        if (!socket.write(part)) await new Promise<void>((done) => socket.once('drain', done).once('close', done));
      }
    });
  });
}
