// Renders equipment labels as PNG (real barcodes, via bwip-js) for the vision tests.
import { createRequire } from 'node:module';
import bwipjs from 'bwip-js/node';

const require = createRequire(import.meta.url);
interface PngImage {
  width: number;
  height: number;
  data: Buffer;
}
const { PNG } = require('pngjs') as {
  PNG: { new (opts: { width: number; height: number }): PngImage; sync: { read(b: Buffer): PngImage; write(p: PngImage): Buffer } };
};

export interface LabelCode {
  /** bwip-js symbology: code128, qrcode, datamatrix, ean13 … */
  bcid: string;
  text: string;
}

/** A white label with the codes stacked vertically (human-readable text under 1D codes). */
export async function renderLabel(codes: readonly LabelCode[]): Promise<Buffer> {
  const images = await Promise.all(
    codes.map(async (c) => {
      const twoD = c.bcid === 'qrcode' || c.bcid === 'datamatrix';
      // `height` would stretch a 2D symbol out of square.
      return PNG.sync.read(await bwipjs.toBuffer({ bcid: c.bcid, text: c.text, scale: 2, ...(twoD ? {} : { height: 10, includetext: true }) }));
    }),
  );
  const width = Math.max(...images.map((i) => i.width)) + 60;
  const height = images.reduce((sum, i) => sum + i.height + 30, 30);
  const out = new PNG({ width, height });
  out.data.fill(255);
  let y = 30;
  for (const img of images) {
    // bwip-js draws on a transparent background: composite over white so the label is opaque.
    for (let row = 0; row < img.height; row++) {
      for (let col = 0; col < img.width; col++) {
        const from = (row * img.width + col) * 4;
        const to = ((y + row) * width + 30 + col) * 4;
        const alpha = (img.data[from + 3] as number) / 255;
        for (let k = 0; k < 3; k++) out.data[to + k] = Math.round((img.data[from + k] as number) * alpha + 255 * (1 - alpha));
      }
    }
    y += img.height + 30;
  }
  return PNG.sync.write(out);
}

/** A blank PNG (no codes). */
export function blankPng(width = 200, height = 100): Buffer {
  const out = new PNG({ width, height });
  out.data.fill(255);
  return PNG.sync.write(out);
}

/** A multipart/form-data body with one `image` file field. */
export function multipartImage(image: Buffer, type = 'image/png', field = 'image'): { body: Buffer; contentType: string } {
  const boundary = `----standin${Date.now()}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nétiquette\r\n--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="label.png"\r\nContent-Type: ${type}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, image, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The same PNG re-encoded as a JPEG (what a phone camera sends). */
export function toJpeg(png: Buffer, quality = 90): Buffer {
  const img = PNG.sync.read(png);
  const jpeg = require('jpeg-js') as { encode(img: { data: Buffer; width: number; height: number }, quality: number): { data: Buffer } };
  return jpeg.encode({ data: img.data, width: img.width, height: img.height }, quality).data;
}
