// Frappe's upload API through the BFF (issue 18): a technician attaches private JPEG/PNG files to
// their own jobs only, every other form field or type refused before ERPNext sees anything; a
// private file is served back only to users who may read the job it is attached to.
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from './accessClient';
import { expectRefused, tally, userCalls } from './accessExpect';
import { useAccessSuite } from './accessSuite';
import { sendRaw } from '../hostile/rawClient';
import { signToken } from '../testEnv';

const suite = useAccessSuite('uploads');

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('a tiny jpeg for the access suite')]);
const BOUNDARY = 'ops-access-boundary';

function form(fields: Record<string, string>, file?: { name: string; data: Buffer }): Buffer {
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: image/jpeg\r\n\r\n`), file.data, Buffer.from('\r\n'));
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

async function post(role: Role, body: Buffer, target = '/ops/api/erp/method/upload_file') {
  const user = ROLES[role];
  const token = await signToken({ email: user.email, name: role, preferred_username: role, groups: [...user.groups] }, { expiresIn: '1h' });
  return sendRaw(suite.stack.server.port, {
    method: 'POST',
    target,
    headers: [
      ['X-Authentik-Jwt', token],
      ['X-Requested-With', 'gigafibre-ops'],
      ['Content-Type', `multipart/form-data; boundary=${BOUNDARY}`],
    ],
    body,
  });
}

const ownJob = () => [...suite.truth.tech.jobs][0] as string;
const theirJob = () => [...suite.truth.tech2.jobs].find((j) => !suite.truth.tech.jobs.has(j)) as string;
const fields = (job: string) => ({ doctype: 'Dispatch Job', docname: job, is_private: '1' });

describe('upload_file through the BFF', () => {
  it('a technician attaches a private photo to their own job; they and the dispatcher read it back, the other technician cannot', async () => {
    tally.cases += 4;
    const answer = await post('tech', form(fields(ownJob()), { name: 'photo-access.jpg', data: JPEG }));
    expect(answer.status, answer.body.slice(0, 300)).toBe(200);
    const file = (answer.json as { message: { file_url: string; attached_to_name: string } }).message;
    expect(file).toMatchObject({ file_url: '/private/files/photo-access.jpg', attached_to_name: ownJob() });
    const url = `/ops/api/erp${file.file_url}`;
    const mine = await suite.user('tech').get(url);
    expect(mine.status).toBe(200);
    expect(mine.body.length).toBe(JPEG.length);
    expect((await suite.user('dispatch').get(url)).status).toBe(200);
    const from = suite.stack.hits.length;
    expectRefused(await suite.user('tech2').get(url), 403, { reason: 'out_of_scope' });
    // The content itself never left the ERP for them (only the File lookup did).
    expect(userCalls(suite.stack.hits, from).some((h) => h.url.startsWith('/private/'))).toBe(false);
    expectRefused(await suite.user('tech').get('/ops/api/erp/private/files/absent.jpg'), 404);
  });

  it('another technician’s job → 403; fields outside the form’s allow-list → 400; public → 400; nothing sent', async () => {
    const from = suite.stack.hits.length;
    const cases: [Buffer, number, Record<string, unknown>][] = [
      [form(fields(theirJob()), { name: 'x.jpg', data: JPEG }), 403, { reason: 'out_of_scope' }],
      [form({ ...fields(ownJob()), file_url: '/private/files/photo-access.jpg' }, { name: 'x.jpg', data: JPEG }), 400, { reason: 'field_not_allowed', field: 'file_url' }],
      [form({ ...fields(ownJob()), method: 'frappe.client.delete' }, { name: 'x.jpg', data: JPEG }), 400, { field: 'method' }],
      [form({ ...fields(ownJob()), is_private: '0' }, { name: 'x.jpg', data: JPEG }), 400, { reason: 'value_not_allowed' }],
      [form({ doctype: 'Customer', docname: 'CUST-00001', is_private: '1' }, { name: 'x.jpg', data: JPEG }), 403, {}],
      [form(fields(ownJob())), 400, {}],
      [form(fields(ownJob()), { name: '../../etc/passwd.jpg', data: JPEG }), 400, {}],
    ];
    for (const [body, status, details] of cases) {
      tally.cases++;
      expectRefused(await post('tech', body), status, details);
    }
    expect(userCalls(suite.stack.hits, from).filter((h) => h.url.includes('upload_file'))).toEqual([]);
  });

  it('not an image (whatever its name says) → 415 with the accepted types; past the upload limit → 413', async () => {
    tally.cases += 2;
    const text = await post('tech', form(fields(ownJob()), { name: 'faux.jpg', data: Buffer.from('%PDF-1.7 not an image') }));
    expectRefused(text, 415, { reason: 'file_type' });
    expect(text.body).toContain('JPEG ou PNG');
    const huge = Buffer.concat([JPEG, Buffer.alloc(9 * 1024 * 1024)]);
    expectRefused(await post('tech', form(fields(ownJob()), { name: 'enorme.jpg', data: huge })), 413);
  });
});
