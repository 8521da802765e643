// The mechanism on a bare node:http server, over real sockets: an answer written before the body
// is read leaves the pooled socket usable (drain) or closes it cleanly (FIN, never a reset), and
// both are bounded in time.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardEarlyAnswers, type EarlyAnswerLimits } from './earlyAnswer';
import { OneSocketClient, RawConnection, rawRequestBytes } from './testing/oneSocket';

const LIMITS: EarlyAnswerLimits = { drainBytes: 64 * 1024, drainMs: 300, lingerMs: 300 };
let server: Server;
let port: number;
let origin: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    guardEarlyAnswers(req, res, LIMITS);
    if (req.url === '/early') {
      res.writeHead(401, { 'content-type': 'application/json' });
      return void res.end('{"error":"unauthenticated"}');
    }
    if (req.url === '/implicit') {
      // No writeHead: Node writes the head itself (Express does this).
      res.statusCode = 403;
      return void res.end('refused');
    }
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const bodies = {
  'a small body of declared length': { size: 20, chunked: false, kept: true },
  'a declared body at the drain limit': { size: 64 * 1024, chunked: false, kept: true },
  'a declared body past the drain limit': { size: 3 * 1024 * 1024, chunked: false, kept: false },
  'a small chunked body': { size: 20, chunked: true, kept: false },
  'a large chunked body': { size: 3 * 1024 * 1024, chunked: true, kept: false },
} as const;

describe('one pooled socket: an early answer, then an ordinary call', () => {
  for (const [name, { size, chunked, kept }] of Object.entries(bodies)) {
    for (const path of ['/early', '/implicit']) {
      it(`${path}, ${name}: both answered, the socket ${kept ? 'kept' : 'closed with Connection: close'}`, async () => {
        const client = new OneSocketClient(origin);
        const first = await client.call({ method: 'POST', path, body: Buffer.alloc(size, 0x61), chunked });
        const second = await client.call({ path: '/ok' });
        client.close();
        expect(first.error).toBeUndefined();
        expect(first.status).toBe(path === '/early' ? 401 : 403);
        expect(first.headers.connection).toBe(kept ? 'keep-alive' : 'close');
        expect(second).toMatchObject({ status: 200, body: 'ok' });
        expect(second.socket).toBe(kept ? first.socket : first.socket + 1);
      });
    }
  }
});

describe('a raw socket', () => {
  it('a drained body: the next request on the same connection is answered', async () => {
    const conn = new RawConnection(port);
    await conn.ready;
    await conn.write(rawRequestBytes({ host: 'x', method: 'POST', path: '/early', body: Buffer.alloc(30_000, 0x61) }));
    expect((await conn.nextAnswer())?.status).toBe(401);
    await conn.write(rawRequestBytes({ host: 'x', path: '/ok' }));
    expect(await conn.nextAnswer()).toMatchObject({ status: 200, body: 'ok' });
    conn.destroy();
  });

  it('a chunked body: answered with Connection: close, then a clean close (FIN, no reset) once the client is done', async () => {
    const conn = new RawConnection(port);
    await conn.ready;
    await conn.write(rawRequestBytes({ host: 'x', method: 'POST', path: '/early', body: Buffer.alloc(500_000, 0x61), chunked: true }));
    const answer = await conn.nextAnswer();
    expect(answer).toMatchObject({ status: 401, body: '{"error":"unauthenticated"}' });
    expect(answer?.headers.connection).toBe('close');
    conn.finish();
    expect(await conn.end()).toBe('fin');
  });

  it('a client that stalls mid-body after a drained answer is closed after drainMs', async () => {
    const conn = new RawConnection(port);
    await conn.ready;
    const bytes = rawRequestBytes({ host: 'x', method: 'POST', path: '/early', body: Buffer.alloc(1000, 0x61) });
    await conn.write(bytes.subarray(0, bytes.length - 500));
    expect((await conn.nextAnswer())?.headers.connection).toBe('keep-alive');
    const t0 = Date.now();
    expect(await conn.end(3000)).not.toBe('open');
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('a chunked body that never ends is read for lingerMs, then the connection is closed', async () => {
    const conn = new RawConnection(port);
    await conn.ready;
    await conn.write(Buffer.from('POST /early HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n'));
    expect((await conn.nextAnswer())?.headers.connection).toBe('close');
    const t0 = Date.now();
    const stop = setInterval(() => void conn.write(Buffer.from('4\r\nabcd\r\n')), 20);
    const end = await conn.end(3000);
    clearInterval(stop);
    expect(end).not.toBe('open');
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('a client that asked for Connection: close gets a lingering close too (its answer is never reset away)', async () => {
    const conn = new RawConnection(port);
    await conn.ready;
    await conn.write(rawRequestBytes({ host: 'x', method: 'POST', path: '/early', headers: { Connection: 'close' }, body: Buffer.alloc(2_000_000, 0x61) }));
    expect(await conn.nextAnswer()).toMatchObject({ status: 401 });
    conn.finish();
    expect(await conn.end()).toBe('fin');
  });
});
