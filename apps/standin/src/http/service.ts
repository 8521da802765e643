// One HTTP service (erp, hub or edge): fault injection first, then the app's handler, errors contained.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { guardEarlyAnswers } from '@gigafibre/keepalive';
import type { AddressInfo } from 'node:net';
import { montrealWallClock } from '@gigafibre/contracts';
import type { Logger } from '../log';
import { readBody } from './body';
import { sendJson, redirect } from './respond';
import { parseFaultRule, type FaultStore } from '../faults/store';
import type { ActiveFault } from '../faults/types';
import { splitUrl } from './router';

export type AppHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface ServiceOptions {
  name: string;
  handler: AppHandler;
  log: Logger;
  /** Present only when STANDIN_FAULTS=1. */
  faults?: FaultStore;
  /** Called before the server closes (the hub ends its streams). */
  onClose?: () => void;
  /** The business clock, shown by `GET /__clock` (tests align the browsers' clocks on it). */
  now?: () => Date;
}

export interface RunningService {
  name: string;
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Faults that let the request through for its handler to play (`sms`), by request. */
const handlerFaults = new WeakMap<IncomingMessage, ActiveFault>();

/** The fault the handler of `req` must play (an `sms` rule), when one matched it. */
export function handlerFaultOf(req: IncomingMessage): ActiveFault | undefined {
  return handlerFaults.get(req);
}

async function faultControl(faults: FaultStore | undefined, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!faults) {
    sendJson(res, 404, { error: 'Injection de pannes désactivée (STANDIN_FAULTS=1 pour l’activer)' });
    return;
  }
  if (req.method === 'GET') return sendJson(res, 200, { faults: faults.list() });
  if (req.method === 'DELETE') {
    faults.clear();
    return sendJson(res, 200, { faults: [] });
  }
  if (req.method !== 'POST') return sendJson(res, 405, { error: 'méthode non permise' }, { Allow: 'GET, POST, DELETE' });
  try {
    const rule = parseFaultRule(JSON.parse((await readBody(req, 64 * 1024)).toString('utf8')));
    sendJson(res, 201, faults.add(rule));
  } catch (err) {
    sendJson(res, 400, { error: `Panne invalide : ${(err as Error).message}` });
  }
}

/** `GET /__clock`: the standin's business « now », so a test can set a browser to the same moment. */
function clockControl(now: () => Date, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'méthode non permise' }, { Allow: 'GET' });
  const at = now();
  const wall = montrealWallClock(at);
  sendJson(res, 200, { now: at.toISOString(), nowMs: at.getTime(), today: wall.date, time: wall.time });
}

/** True when the fault answered (or killed) the request. */
async function applyFault(faults: FaultStore, req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  const url = req.url ?? '';
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  const fault = faults.take(req.method ?? 'GET', path, { cookie: req.headers.cookie, query });
  if (!fault) return false;
  if (fault.sms) handlerFaults.set(req, fault);
  if (fault.latencyMs) await sleep(fault.latencyMs);
  if (fault.reset) {
    req.socket.destroy();
    return true;
  }
  if (fault.signIn) {
    // The same answer the edge gives a request without a session.
    redirect(res, `/outpost.goauthentik.io/start?rd=${encodeURIComponent(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`)}`);
    return true;
  }
  if (fault.status !== undefined) {
    if (typeof fault.body === 'string') {
      res.writeHead(fault.status, { 'Content-Type': 'text/plain; charset=utf-8', ...fault.headers });
      res.end(fault.body);
    } else {
      sendJson(res, fault.status, fault.body ?? { error: `Panne injectée (${fault.status})` }, fault.headers);
    }
    return true;
  }
  return false;
}

/** Starts a service on `port` (0 = any free port). */
export function startService(opts: ServiceOptions, port: number, host: string): Promise<RunningService> {
  const server = createServer({ noDelay: true, keepAliveTimeout: 65_000 }, (req, res) => {
    // Like the real services behind a pooling proxy: an answer given before the body is read (401,
    // 413, a fault, a redirect to sign-in) drains it or closes cleanly, never leaving a reset.
    guardEarlyAnswers(req, res);
    const { path } = splitUrl(req.url);
    const run = async () => {
      if (path === '/__faults') return faultControl(opts.faults, req, res);
      if (path === '/__clock') return clockControl(opts.now ?? (() => new Date()), req, res);
      if (opts.faults && (await applyFault(opts.faults, req, res, path))) return;
      await opts.handler(req, res);
    };
    run().catch((err: unknown) => {
      opts.log.error('unhandled error', { err: String((err as Error).stack ?? err), path });
      if (!res.headersSent) sendJson(res, 500, { error: 'Erreur interne du standin' });
      else res.destroy();
    });
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 0;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = (server.address() as AddressInfo).port;
      resolve({
        name: opts.name,
        server,
        port: actual,
        url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}`,
        close: () =>
          new Promise<void>((done) => {
            opts.onClose?.();
            server.close(() => done());
            // Ended streams and finished requests leave idle keep-alive sockets: close them as they
            // go idle; whatever is still busy after 2 s is cut.
            server.closeIdleConnections();
            const idle = setInterval(() => server.closeIdleConnections(), 50);
            setTimeout(() => {
              clearInterval(idle);
              server.closeAllConnections();
            }, 2_000).unref();
            server.once('close', () => clearInterval(idle));
          }),
      });
    });
  });
}
