// Keep-alive safety of answers written before the request's body has been read (a refusal, a
// redirect to sign-in, an upstream that answered early). A proxy in front (Traefik, nginx) keeps
// its connections to us in a pool: if an answer says `keep-alive` and the connection then dies,
// or the unread body is parsed as the next request, the next user's call on that connection gets
// a reset (a 502 at the proxy). So every such answer either
//   - drains: the body is small and of declared length, the connection is kept, and the rest of
//     the body is read and dropped (bounded in bytes by the declaration, and in time), or
//   - closes: `Connection: close`, and once the answer is flushed the socket sends FIN but keeps
//     reading (and dropping) what the client is still sending, until the client closes or a time
//     bound. Closing at once would make the kernel answer the unread bytes with a reset, which
//     can destroy the answer before the client has read it (nginx calls this a lingering close).
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Bounds of what an early answer reads and drops. */
export interface EarlyAnswerLimits {
  /** Largest declared body (bytes) that is drained to keep the connection; larger or chunked: close. */
  drainBytes: number;
  /** How long (ms) the rest of a drained body may take to arrive after the answer; then the socket is closed. */
  drainMs: number;
  /** How long (ms) a closing connection keeps reading a body still arriving after the answer. */
  lingerMs: number;
}

/** 1 MiB and 5 s: a refused JSON body or a small upload is drained; a large image upload closes. */
export const EARLY_ANSWER_LIMITS: EarlyAnswerLimits = { drainBytes: 1024 * 1024, drainMs: 5_000, lingerMs: 5_000 };

const CLOSE = /(?:^|,)\s*close\s*(?:,|$)/i;

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** The declared length, or undefined for a chunked (or malformed) body. */
function declaredLength(req: IncomingMessage): number | undefined {
  if (req.headers['transfer-encoding'] !== undefined) return undefined;
  const length = Number(req.headers['content-length']);
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined;
}

/**
 * Makes every answer to `req` safe on a pooled keep-alive connection, whenever it is written.
 * Call it first for each request: requests without a body cost one header check. With a body,
 * the decision is taken when the answer's head is written (`writeHead`, which Node also calls for
 * implicit heads), because only then is it known whether the body has been read.
 */
export function guardEarlyAnswers(req: IncomingMessage, res: ServerResponse, limits: EarlyAnswerLimits = EARLY_ANSWER_LIMITS): void {
  if (!hasBody(req)) return;
  const writeHead = res.writeHead;
  // An own property: it survives Express replacing the response's prototype.
  res.writeHead = function guardedWriteHead(this: ServerResponse, ...args: unknown[]) {
    res.writeHead = writeHead;
    if (!req.complete) settle(req, res, limits);
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse['writeHead'];
}

function settle(req: IncomingMessage, res: ServerResponse, limits: EarlyAnswerLimits): void {
  const closing = !res.shouldKeepAlive || CLOSE.test(String(res.getHeader('connection') ?? ''));
  const declared = declaredLength(req);
  if (!closing && declared !== undefined && declared <= limits.drainBytes) return drainAfterAnswer(req, res, limits.drainMs);
  res.setHeader('Connection', 'close');
  lingerAfterAnswer(req, res, limits.lingerMs);
}

/** Keeps the connection: once the answer is out, the rest of the body is read and dropped, within `ms`. */
function drainAfterAnswer(req: IncomingMessage, res: ServerResponse, ms: number): void {
  res.once('finish', () => {
    if (req.complete) return;
    dropRest(req);
    const socket = req.socket;
    const timer = setTimeout(() => socket.destroy(), ms);
    timer.unref();
    const done = () => clearTimeout(timer);
    req.once('end', done);
    socket.once('close', done);
  });
}

/**
 * Node ends a `Connection: close` answer with `socket.destroySoon()`: FIN, then close as soon as
 * the answer is flushed, body unread. On this socket it becomes: FIN, keep reading (the parser
 * drops the body's bytes), close when the client closes too, or after `ms`.
 */
function lingerAfterAnswer(req: IncomingMessage, res: ServerResponse, ms: number): void {
  const socket = req.socket;
  socket.destroySoon = () => {
    if (socket.writable) socket.end();
    const timer = setTimeout(() => socket.destroy(), ms);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  };
  res.once('finish', () => {
    if (!req.complete) dropRest(req);
  });
}

/** Lets the rest of the body flow to nowhere, unless something still reads it (a proxy piping it on). */
function dropRest(req: IncomingMessage): void {
  if (req.readableFlowing !== true) req.resume();
}
