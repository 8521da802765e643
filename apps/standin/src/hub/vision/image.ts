// Image bytes → grey levels for the barcode reader: PNG through pngjs, JPEG (phone photos) through
// jpeg-js; big photos are scaled down (labels stay readable, decoding stays fast).
import { createRequire } from 'node:module';
import { HubError } from '../errors';

const require = createRequire(import.meta.url);

interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}
interface PngModule {
  PNG: { sync: { read(buffer: Buffer): Rgba } };
}

const png = require('pngjs') as PngModule;

type JpegDecoder = (data: Buffer, opts: { useTArray: true; maxMemoryUsageInMB: number; maxResolutionInMP: number; formatAsRGBA: true }) => Rgba;
const jpeg = require('jpeg-js') as { decode: JpegDecoder };

/** A grey image, one byte per pixel. */
export interface GreyImage {
  width: number;
  height: number;
  pixels: Uint8ClampedArray;
}

/** Longest side kept for decoding. */
const MAX_SIDE = 2000;
const MAX_PIXELS = 40_000_000;

/** What kind of image the bytes are (by signature, not by the declared type). */
export function sniffImage(bytes: Buffer): 'png' | 'jpeg' | 'other' {
  if (bytes.length > 8 && bytes.readUInt32BE(0) === 0x89504e47) return 'png';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return 'other';
}

function decodeRgba(bytes: Buffer): Rgba {
  const kind = sniffImage(bytes);
  try {
    if (kind === 'png') return png.PNG.sync.read(bytes);
    if (kind === 'jpeg') return jpeg.decode(bytes, { useTArray: true, maxMemoryUsageInMB: 512, maxResolutionInMP: 40, formatAsRGBA: true });
  } catch (err) {
    if (err instanceof HubError) throw err;
    throw new HubError(400, 'Image illisible ou corrompue');
  }
  throw new HubError(415, 'Format d’image non pris en charge (PNG ou JPEG attendu)');
}

/** Decodes, converts to grey (on white for transparent pixels) and scales down past MAX_SIDE. */
export function toGrey(bytes: Buffer): GreyImage {
  const img = decodeRgba(bytes);
  if (img.width * img.height > MAX_PIXELS) throw new HubError(413, 'Image trop grande (40 mégapixels au plus)');
  const step = Math.max(1, Math.ceil(Math.max(img.width, img.height) / MAX_SIDE));
  const width = Math.floor(img.width / step);
  const height = Math.floor(img.height / step);
  const pixels = new Uint8ClampedArray(width * height);
  const d = img.data;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < step; dy++) {
        let o = ((y * step + dy) * img.width + x * step) * 4;
        for (let dx = 0; dx < step; dx++, o += 4) {
          const a = (d[o + 3] as number) / 255;
          const lum = ((d[o] as number) * 299 + (d[o + 1] as number) * 587 + (d[o + 2] as number) * 114) / 1000;
          sum += lum * a + 255 * (1 - a);
        }
      }
      pixels[y * width + x] = sum / (step * step);
    }
  }
  return { width, height, pixels };
}
