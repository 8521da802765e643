import { describe, expect, it } from 'vitest';
import { LogSink } from '../../test/testEnv';
import { createLogger } from './logger';

describe('createLogger redaction', () => {
  it('censors credentials, temporary passwords, bodies and raw request bytes wherever they would be logged', () => {
    const logs = new LogSink();
    const log = createLogger('info', logs.stream);
    log.info(
      {
        headers: { authorization: 'token k:SECRET-1', cookie: 'sid=SECRET-2', 'x-authentik-jwt': 'SECRET-3', accept: 'application/json' },
        invite: { user: { email: 'a@b.ca' }, temporary_password: 'SECRET-4' },
        answer: { result: { temporary_password: 'SECRET-5' } },
        body: 'SECRET-6',
        req: { body: { note: 'SECRET-7' } },
        err: { code: 'HPE_INVALID_HEADER_TOKEN', rawPacket: Buffer.from('Authorization: SECRET-8') },
        config: { jwtSecret: 'SECRET-9', erp: { url: 'http://erp', authorization: 'token SECRET-10', secrets: ['SECRET-11'] } },
      },
      'careless',
    );
    const line = logs.raw.at(-1) ?? '';
    expect(line).not.toMatch(/SECRET-/);
    expect(line).toContain('application/json');
    expect(line).toContain('a@b.ca');
    expect(line).toContain('HPE_INVALID_HEADER_TOKEN');
    expect(line).toContain('http://erp');
    expect(line.match(/\[redacted\]/g)?.length).toBe(11);
  });
});
