import type { VisionBarcodes, VisionEquipment, VisionInvoice } from '@gigafibre/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_CUSTOMERS } from '../../seed/fixtures';
import type { Standin } from '../../standin';
import { hubFetch, startTestStandin } from '../../testing/harness';
import { blankPng, multipartImage, renderLabel, toJpeg } from '../../testing/label-image';

let standin: Standin;
let base: string;
const ont = FIXTURE_CUSTOMERS.badOptical.ont;

beforeAll(async () => {
  standin = await startTestStandin({ services: ['hub'] });
  base = standin.urls.hub as string;
});
afterAll(() => standin.close());

const upload = (path: string, image: Buffer, headers: Record<string, string> = {}) => {
  const { body, contentType } = multipartImage(image);
  return hubFetch(base, path, { method: 'POST', body, headers: { 'Content-Type': contentType, ...headers } });
};

describe('POST /vision/*', () => {
  it('reads a Nokia label (Code 128 serial and MAC, QR, Data Matrix) into equipment fields', async () => {
    const label = await renderLabel([
      { bcid: 'code128', text: `S/N:${ont.serial}` },
      { bcid: 'code128', text: ont.mac.replace(/:/g, '') },
      { bcid: 'qrcode', text: `MODEL:${ont.model};SN:${ont.serial};MAC:${ont.mac}` },
      { bcid: 'datamatrix', text: ont.model },
    ]);
    const res = await upload('/vision/equipment', label);
    expect(res.status).toBe(200);
    const out = (await res.json()) as VisionEquipment;
    expect(out).toMatchObject({ serial: ont.serial, mac: ont.mac, model: 'G-010G-Q', manufacturer: 'Nokia' });
    expect(out.barcodes.map((b) => b.format).sort()).toEqual(['CODE_128', 'CODE_128', 'DATA_MATRIX', 'QR_CODE']);
  });

  it('recognises unlabelled codes by their shape (TP-Link serial, MAC)', async () => {
    const router = FIXTURE_CUSTOMERS.healthyMesh.router as { serial: string; mac: string };
    const res = await hubFetch(base, '/vision/equipment', {
      method: 'POST',
      body: await renderLabel([{ bcid: 'code128', text: router.serial }, { bcid: 'code128', text: router.mac }]),
      headers: { 'Content-Type': 'image/png' },
    });
    expect((await res.json()) as VisionEquipment).toMatchObject({ serial: router.serial, mac: router.mac, model: null, manufacturer: 'TP-Link' });
  });

  it('reads a JPEG photo as well (multipart, as a phone sends it)', async () => {
    const label = toJpeg(await renderLabel([{ bcid: 'code128', text: `S/N:${ont.serial}` }, { bcid: 'qrcode', text: `MAC:${ont.mac}` }]));
    const { body, contentType } = multipartImage(label, 'image/jpeg');
    const res = await hubFetch(base, '/vision/equipment', { method: 'POST', body, headers: { 'Content-Type': contentType } });
    expect((await res.json()) as VisionEquipment).toMatchObject({ serial: ont.serial, mac: ont.mac, manufacturer: 'Nokia' });
  });

  it('lists the raw codes on /vision/barcodes', async () => {
    const res = await upload('/vision/barcodes', await renderLabel([{ bcid: 'qrcode', text: 'https://gigafibre.ca/activer?sn=ALCLB2C4D601' }]));
    expect((await res.json()) as VisionBarcodes).toEqual({ barcodes: [{ format: 'QR_CODE', value: 'https://gigafibre.ca/activer?sn=ALCLB2C4D601' }] });
  });

  it('reads an invoice QR on /vision/invoice', async () => {
    const res = await upload('/vision/invoice', await renderLabel([{ bcid: 'qrcode', text: 'FACTURE:F-2026-0412;DATE:2026-06-01;TOTAL:1 234,56;FOURNISSEUR:Graybar Canada' }]));
    expect((await res.json()) as VisionInvoice).toMatchObject({ invoiceNumber: 'F-2026-0412', date: '2026-06-01', total: 1234.56, vendor: 'Graybar Canada' });
  });

  it('answers nulls for an image without codes', async () => {
    expect(await (await upload('/vision/equipment', blankPng())).json()).toEqual({ serial: null, mac: null, model: null, manufacturer: null, barcodes: [] });
  });

  it('honours Idempotency-Key: same key, same answer; another image under it is refused', async () => {
    const label = await renderLabel([{ bcid: 'code128', text: ont.serial }]);
    const a = await upload('/vision/equipment', label, { 'Idempotency-Key': '6f1c2c1e-8a0b-4f57-9b2f-0c1d2e3f4a5b' });
    const b = await upload('/vision/equipment', label, { 'Idempotency-Key': '6f1c2c1e-8a0b-4f57-9b2f-0c1d2e3f4a5b' });
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect(await b.json()).toEqual(await a.json());
    const other = await upload('/vision/equipment', blankPng(), { 'Idempotency-Key': '6f1c2c1e-8a0b-4f57-9b2f-0c1d2e3f4a5b' });
    expect(other.status).toBe(422);
  });

  it('refuses bad input with clear 4xx answers', async () => {
    const post = (body: string | Buffer, type?: string) => hubFetch(base, '/vision/equipment', { method: 'POST', body, headers: type ? { 'Content-Type': type } : {} });
    expect((await post('hello', 'text/plain')).status).toBe(415);
    expect((await post(Buffer.from('GIF89a....'), 'image/gif')).status).toBe(415);
    expect((await post(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), 'image/png')).status).toBe(400);
    expect((await post(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 1, 2, 3]), 'image/jpeg')).status).toBe(400);
    expect((await post(Buffer.alloc(0), 'image/png')).status).toBe(400);
    const noImage = multipartImage(blankPng(), 'image/png', 'photo');
    const missing = await hubFetch(base, '/vision/equipment', {
      method: 'POST',
      body: noImage.body.toString('latin1').replace('filename="label.png"', '').replace(/Content-Type: image\/png\r\n/, ''),
      headers: { 'Content-Type': noImage.contentType },
    });
    expect(missing.status).toBe(400);
    expect((await post('--x\r\nbroken', 'multipart/form-data; boundary=x')).status).toBe(400);
    expect((await post(Buffer.alloc(11 * 1024 * 1024), 'image/png')).status).toBe(413);
    const error = (await (await post('hello', 'text/plain')).json()) as { error: string };
    expect(error.error).toMatch(/image/);
  });
});
