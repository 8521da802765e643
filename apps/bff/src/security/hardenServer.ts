// What Node's HTTP server answers by itself, before the app sees a request: malformed requests
// (bad header bytes, conflicting Content-Length / Transfer-Encoding, oversized headers) and
// CONNECT. Node's defaults are a bare `400` without body and, for CONNECT, a silently closed
// socket; here they become the same JSON errors with the same security headers as every answer.
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '../logging/logger';
import type { HeaderList } from './securityHeaders';

/** A complete HTTP/1.1 error answer, as bytes, that closes the connection. */
function rawAnswer(status: number, reason: string, code: string, message: string, headers: HeaderList, extra: string[] = []): Buffer {
  const body = JSON.stringify({ error: code, message });
  const lines = [
    `HTTP/1.1 ${status} ${reason}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'Connection: close',
    ...extra,
    ...headers.map(([name, value]) => `${name}: ${value}`),
  ];
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body}`, 'utf8');
}

/**
 * Makes the server's own answers JSON with security headers (built once here), and logs them
 * with the parser's error code only: the raw bytes may hold credentials.
 */
export function hardenServer(server: Server, apiHeaders: HeaderList, log: Logger): void {
  const badRequest = rawAnswer(400, 'Bad Request', 'bad_request', 'Requête HTTP invalide.', apiHeaders);
  const tooLarge = rawAnswer(431, 'Request Header Fields Too Large', 'headers_too_large', 'En-têtes de requête trop volumineux.', apiHeaders);
  const timeout = rawAnswer(408, 'Request Timeout', 'request_timeout', 'Requête trop lente.', apiHeaders);
  const connect = rawAnswer(405, 'Method Not Allowed', 'method_not_allowed', 'Méthode CONNECT refusée : le BFF n’est pas un mandataire.', apiHeaders, [
    'Allow: GET, HEAD, POST, PUT, PATCH, DELETE',
  ]);

  // Node would refuse an HTTP/1.1 request without Host with a bare 400 of its own; the app does
  // it instead (securityStep.ts), with the same JSON and headers as every refusal.
  (server as Server & { requireHostHeader: boolean }).requireHostHeader = false;

  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    const code = err.code ?? 'unknown';
    // A reset socket cannot be answered, nor can one whose answer has already begun.
    const answering = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (code === 'ECONNRESET' || !socket.writable || answering?.headersSent) {
      socket.destroy();
      return;
    }
    log.debug({ code }, 'malformed request refused');
    socket.end(code === 'HPE_HEADER_OVERFLOW' ? tooLarge : code === 'ERR_HTTP_REQUEST_TIMEOUT' ? timeout : badRequest);
  });

  server.on('connect', (_req, socket: Duplex) => {
    log.debug({ code: 'CONNECT' }, 'malformed request refused');
    socket.on('error', () => socket.destroy());
    socket.end(connect);
  });
}
