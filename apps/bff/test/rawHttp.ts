// Sends requests byte for byte (no URL normalisation by a client library), to test what the BFF
// does with hostile request targets.
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import type { BffApp } from '../src/app';

export interface RawResponse {
  status: number;
  headers: string;
  body: string;
}

export interface Listening {
  port: number;
  server: Server;
  close(): Promise<void>;
}

/** Starts `app` on 127.0.0.1 and an ephemeral port. */
export async function listen(app: BffApp): Promise<Listening> {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One request written as raw bytes; resolves with the parsed status line, headers and body. */
export function rawRequest(port: number, target: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      const lines = [`${method} ${target} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
      socket.write(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
    });
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const split = data.indexOf('\r\n\r\n');
      const head = split === -1 ? data : data.slice(0, split);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ status, headers: head, body: split === -1 ? '' : data.slice(split + 4) });
    });
  });
}
