// upload_file: a multipart form → a File attached to a document, private, its content read back at
// its /private/files URL. Runs against the standin always, against ERPNext only with
// ERP_CONFORMANCE_WRITES=1 (the Files it creates are deleted in afterAll).
// Sources: frappe/handler.py (upload_file: form_dict `doctype`, `docname`, `fieldname`,
// `is_private`, `folder`, `file_url`; request.files['file'] and its filename; Guest refused unless
// allow_guests_to_upload_files; returns the saved File), frappe/core/doctype/file/file.py (autoname
// generate_hash; private files under /private/files/; content_hash; a name taken by other content
// gets a suffix; check_file_permission), frappe/core/doctype/file/exceptions.py
// (MaxFileSizeReachedError), frappe/utils/response.py (download_private_file).
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFrappeError, frappeClient, resourcePath } from './client';
import { useTargets } from './target';

const all = useTargets();

type FileDoc = { name: string; file_name: string; file_url: string; is_private: number; file_size: number; content_hash?: string; attached_to_doctype: string; attached_to_name: string };

/** A tiny valid PNG, different for each `seed`. */
function png(seed: number): Buffer {
  const base = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  return Buffer.concat([base, Buffer.from(`conformance-${seed}`)]);
}

function form(fields: Record<string, string>, file?: { name: string; data: Buffer; type: string }): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  if (file) data.append('file', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name);
  return data;
}

describe.each(all.filter((t) => t.writes))('upload_file — $name', (target) => {
  const api = frappeClient(target);
  const created: string[] = [];
  let customer: string;
  const stamp = Date.now();
  const upload = (body: FormData, auth: 'token' | 'none' = 'token') => api.call<{ message?: FileDoc; exc_type?: string }>('/api/method/upload_file', { method: 'POST', body }, auth);
  beforeAll(async () => {
    customer = (await api.list<{ name: string }>('Customer', { fields: ['name'], limit_page_length: 1, order_by: 'name asc' }))[0]?.name as string;
  });
  afterAll(async () => {
    if (target.kind === 'erpnext') for (const name of created) await api.call(resourcePath('File', name), { method: 'DELETE' });
  });

  it('handler.py upload_file + file.py: a private File attached to the document, named by hash, with size and content hash; the content reads back at /private/files/', async () => {
    const data = png(stamp);
    const reply = await upload(form({ doctype: 'Customer', docname: customer, is_private: '1' }, { name: `conformite-${stamp}.png`, data, type: 'image/png' }));
    expect(reply.status, reply.text).toBe(200);
    const file = reply.body.message as FileDoc;
    created.push(file.name);
    expect(file).toMatchObject({ attached_to_doctype: 'Customer', attached_to_name: customer, is_private: 1, file_size: data.length, file_name: `conformite-${stamp}.png` });
    expect(file.file_url).toBe(`/private/files/${file.file_name}`);
    expect(file.name).toMatch(/^[0-9a-z]{10}$/);
    if (file.content_hash) expect(file.content_hash).toBe(createHash('md5').update(data).digest('hex'));
    const read = await fetch(`${target.url}${file.file_url}`, { headers: { Authorization: `token ${target.token}` } });
    expect(read.status).toBe(200);
    expect(Buffer.from(await read.arrayBuffer()).equals(data)).toBe(true);
  });

  it('file.py: another content under a name already taken is stored under another URL', async () => {
    const name = `conformite-meme-${stamp}.png`;
    const first = await upload(form({ doctype: 'Customer', docname: customer, is_private: '1' }, { name, data: png(1), type: 'image/png' }));
    const second = await upload(form({ doctype: 'Customer', docname: customer, is_private: '1' }, { name, data: png(2), type: 'image/png' }));
    expect([first.status, second.status], second.text).toEqual([200, 200]);
    created.push((first.body.message as FileDoc).name, (second.body.message as FileDoc).name);
    expect((second.body.message as FileDoc).file_url).not.toBe((first.body.message as FileDoc).file_url);
  });

  it('file.py validate: neither a file nor a file_url → MandatoryError (417)', async () => {
    expectFrappeError(await upload(form({ doctype: 'Customer', docname: customer, is_private: '1' })), 417, 'MandatoryError', [[417, 'ValidationError']]);
  });

  it('handler.py upload_file: Guest without allow_guests_to_upload_files → 403 PermissionError', async () => {
    const reply = await upload(form({ doctype: 'Customer', docname: customer, is_private: '1' }, { name: 'x.png', data: png(3), type: 'image/png' }), 'none');
    expect(reply.status, reply.text).toBe(403);
  });

  it('response.py download_private_file: an unknown private file → 404, never another file', async () => {
    const read = await fetch(`${target.url}/private/files/absent-${stamp}.png`, { headers: { Authorization: `token ${target.token}` } });
    expect(read.status).toBe(404);
  });
});
