import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJpegHeader, swapsSides } from './jpegHeader';

const PHOTO = join(import.meta.dirname, '../../../../../../e2e/fixtures/photos/exif-orientation6-gps.jpg');

/** A JPEG's first segments: SOI, an optional EXIF APP1 holding `orientation`, then SOF0 of `width`×`height`. */
function jpeg(width: number, height: number, exif?: { orientation: number; little: boolean }): Uint8Array {
  const bytes: number[] = [0xff, 0xd8];
  if (exif) {
    const u16 = (v: number) => (exif.little ? [v & 0xff, v >> 8] : [v >> 8, v & 0xff]);
    const u32 = (v: number) => (exif.little ? [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >>> 24] : [v >>> 24, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff]);
    // TIFF header, IFD0 with one entry (0x0112 SHORT ×1), no next IFD.
    const tiff = [...(exif.little ? [0x49, 0x49] : [0x4d, 0x4d]), ...u16(42), ...u32(8), ...u16(1), ...u16(0x0112), ...u16(3), ...u32(1), ...u16(exif.orientation), 0, 0, ...u32(0)];
    const body = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
    bytes.push(0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body);
  }
  bytes.push(0xff, 0xe0, 0, 4, 0, 0); // an APP0 of nothing, skipped
  bytes.push(0xff, 0xc0, 0, 17, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, ...new Array(9).fill(0));
  return Uint8Array.from(bytes);
}

describe('readJpegHeader', () => {
  it('reads the stored size and the EXIF orientation of a camera photo', () => {
    expect(readJpegHeader(new Uint8Array(readFileSync(PHOTO)))).toEqual({ width: 2400, height: 1800, orientation: 6 });
  });

  it('reads both byte orders, and orientation 1 without EXIF', () => {
    expect(readJpegHeader(jpeg(4000, 3000, { orientation: 8, little: true }))).toEqual({ width: 4000, height: 3000, orientation: 8 });
    expect(readJpegHeader(jpeg(4032, 3024, { orientation: 3, little: false }))).toEqual({ width: 4032, height: 3024, orientation: 3 });
    expect(readJpegHeader(jpeg(1600, 1200))).toEqual({ width: 1600, height: 1200, orientation: 1 });
    expect(readJpegHeader(jpeg(1600, 1200, { orientation: 9, little: true }))).toMatchObject({ orientation: 1 });
  });

  it('gives null for what is not a JPEG, or whose frame header is not within the bytes read', () => {
    expect(readJpegHeader(new TextEncoder().encode('%PDF-1.7'))).toBeNull();
    expect(readJpegHeader(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toBeNull();
    const whole = jpeg(4000, 3000, { orientation: 6, little: true });
    expect(readJpegHeader(whole.slice(0, whole.length - 12))).toBeNull();
    expect(readJpegHeader(new Uint8Array())).toBeNull();
  });

  it('knows which orientations turn the picture a quarter', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].filter(swapsSides)).toEqual([5, 6, 7, 8]);
  });
});
