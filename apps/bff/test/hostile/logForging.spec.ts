// Issue 11: user-controlled strings cannot forge log lines. The log is JSON, one object per line:
// whatever a user puts in their name, e-mail, a path, a header or a request id, each line still
// parses as one object and nothing it carries becomes a line, a level or a field of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedToken } from './forgedTokens';
import { startHostileStack, type HostileStack } from './hostileStack';
import { sendRaw } from './rawClient';

let stack: HostileStack;

// What an attacker would like a log reader to see as a line of its own.
const FORGED = '{"level":"fatal","service":"bff","msg":"FORGED-LINE","who":"admin@gigafibre.ca"}';
/** Line breaks and terminal controls: an identity carrying one is refused (401), elsewhere they stay data. */
const CONTROL = [`\n${FORGED}`, `\r\n${FORGED}`, `\r${FORGED}`, `\u2028${FORGED}`, `\u0085${FORGED}`, `\u001b[2K\r${FORGED}`, `"}\n${FORGED}`];
/** Printable attempts to close the JSON string and add fields: accepted, and must stay one string. */
const PRINTABLE = ['","level":"fatal","msg":"FORGED-LINE","x":"', '\\","msg":"FORGED-LINE', '}{"msg":"FORGED-LINE"}'];

beforeAll(async () => {
  stack = await startHostileStack({ LOG_LEVEL: 'debug' });
}, 60_000);
afterAll(async () => {
  await stack?.stop();
});

describe('log forging', () => {
  it('sends user-controlled strings wherever the BFF logs them', async () => {
    for (const injection of [...CONTROL, ...PRINTABLE]) {
      // Identity claims: the e-mail is the audit line's `who`, and the user's own profile field.
      const token = signedToken({ sub: 'uid-forger', email: `forger${injection}@gigafibre.ca`, name: `Forger${injection}`, preferred_username: 'forger', groups: ['ops-admin'] });
      const jobPut = await sendRaw(stack.bffPort, {
        method: 'PUT',
        target: '/ops/api/erp/resource/Dispatch%20Job/DJ-NOPE',
        headers: [['X-Authentik-Jwt', token], ['X-Requested-With', 'gigafibre-ops'], ['Content-Type', 'application/json']],
        body: JSON.stringify({ notes: injection }),
      });
      // A line break in an identity is refused; a printable one reaches the ERP (no such job) and is audited.
      expect(jobPut.status).toBe(CONTROL.includes(injection) ? 401 : 404);
      // Encoded line breaks in the path and the query, and in a request id.
      const encoded = encodeURIComponent(injection);
      for (const target of [`/ops/api/erp/resource/Customer/${encoded}`, `/ops/api/hub/devices/lookup?serial=${encoded}`, `/ops/${encoded}`]) {
        const answer = await sendRaw(stack.bffPort, { method: 'GET', target, headers: [['X-Authentik-Jwt', token], ['X-Request-Id', `id${encoded}`]] });
        expect(answer.status).toBeGreaterThanOrEqual(400);
        expect(answer.status).toBeLessThan(500);
      }
    }
    // Raw CR/LF in a header or the request line never reach the app: Node refuses the request.
    const raw = await sendRaw(stack.bffPort, { raw: `GET /ops/api/me HTTP/1.1\r\nHost: x\r\nX-Request-Id: a\r${FORGED}\r\nConnection: close\r\n\r\n` });
    expect(raw.status).toBe(400);
  });

  it('leaves every log line one JSON object, the injections inside string values only', () => {
    const text = stack.log();
    const lines = text.split('\n').filter((l) => l !== '');
    const parsed = lines.map((line) => {
      expect(line).not.toMatch(/\r/);
      return JSON.parse(line) as Record<string, unknown>;
    });
    // The forger's audit lines are there, with the injection as data.
    const forgerLines = parsed.filter((l) => typeof l.who === 'string' && l.who.startsWith('forger'));
    expect(forgerLines.length).toBeGreaterThanOrEqual(PRINTABLE.length);
    for (const line of forgerLines) expect(line.who).toContain('FORGED-LINE');
    // No line is the forged one, and no line carries a level or message it was not given.
    expect(parsed.filter((l) => l.msg === 'FORGED-LINE')).toEqual([]);
    expect(parsed.filter((l) => l.level === 'fatal')).toEqual([]);
    expect(lines.filter((l) => l.startsWith(FORGED.slice(0, 20)))).toEqual([]);
  });
});
