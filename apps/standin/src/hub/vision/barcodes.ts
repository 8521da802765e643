// Every barcode and QR code in an image, with @zxing/library: decode one, blank it out, repeat.
import { createRequire } from 'node:module';
import type { DecodedBarcode } from '@gigafibre/contracts';
import type * as ZXing from '@zxing/library';
import type { GreyImage } from './image';

const require = createRequire(import.meta.url);
// Loaded as CommonJS on purpose: its ESM build has no default export and Node cannot name its exports.
const zx = require('@zxing/library') as typeof ZXing;

type Result = ReturnType<InstanceType<typeof zx.QRCodeReader>['decode']>;

type Hints = Map<ZXing.DecodeHintType, unknown>;
const quick: Hints = new Map();
const thorough: Hints = new Map([[zx.DecodeHintType.TRY_HARDER, true]]);
const readers2d = [new zx.QRCodeReader(), new zx.DataMatrixReader()];
const oneDQuick = new zx.MultiFormatOneDReader(quick);
const oneDThorough = new zx.MultiFormatOneDReader(thorough);

/** White border added around the image: 1D readers need a quiet zone. */
const PAD = 24;
const MAX_CODES = 8;

function padded(img: GreyImage): GreyImage {
  const width = img.width + 2 * PAD;
  const height = img.height + 2 * PAD;
  const pixels = new Uint8ClampedArray(width * height).fill(255);
  for (let y = 0; y < img.height; y++) pixels.set(img.pixels.subarray(y * img.width, (y + 1) * img.width), (y + PAD) * width + PAD);
  return { width, height, pixels };
}

function decodeOne(img: GreyImage, hard: boolean): Result | null {
  const bitmap = new zx.BinaryBitmap(new zx.HybridBinarizer(new zx.RGBLuminanceSource(img.pixels, img.width, img.height)));
  const hints = hard ? thorough : quick;
  for (const reader of [...readers2d, hard ? oneDThorough : oneDQuick]) {
    try {
      return reader.decode(bitmap, hints);
    } catch {
      // not this kind of code (zxing signals "not found" by throwing)
    } finally {
      reader.reset();
    }
  }
  return null;
}

function transitions(img: GreyImage, y: number, x0: number, x1: number): number {
  let count = 0;
  let dark = (img.pixels[y * img.width + x0] as number) < 128;
  for (let x = x0 + 1; x <= x1; x++) {
    const d = (img.pixels[y * img.width + x] as number) < 128;
    if (d !== dark) count++;
    dark = d;
  }
  return count;
}

function fill(img: GreyImage, x0: number, y0: number, x1: number, y1: number): void {
  const [a, b] = [Math.max(0, Math.floor(x0)), Math.min(img.width - 1, Math.ceil(x1))];
  for (let y = Math.max(0, Math.floor(y0)); y <= Math.min(img.height - 1, Math.ceil(y1)); y++) img.pixels.fill(255, y * img.width + a, y * img.width + b + 1);
}

/** Blanks a decoded code so the next pass finds the others. */
function blank(img: GreyImage, result: Result): void {
  const pts = result.getResultPoints().filter((p) => p !== null);
  if (pts.length === 0) return;
  const xs = pts.map((p) => p.getX());
  const ys = pts.map((p) => p.getY());
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  if (pts.length >= 3) {
    // 2D: the points are finder-pattern centres; grow the box past the patterns.
    const m = Math.max(x1 - x0, y1 - y0) * 0.25 + 6;
    fill(img, x0 - m, y0 - m, x1 + m, y1 + m);
    return;
  }
  // 1D: the points lie on the scan line; follow the bars up and down while the row still looks like them.
  const left = Math.max(0, Math.floor(x0));
  const right = Math.min(img.width - 1, Math.ceil(x1));
  const y = Math.round((y0 + y1) / 2);
  const base = Math.max(4, transitions(img, y, left, right));
  let top = y;
  let bottom = y;
  while (top > 0 && transitions(img, top - 1, left, right) >= base * 0.5) top--;
  while (bottom < img.height - 1 && transitions(img, bottom + 1, left, right) >= base * 0.5) bottom++;
  const quiet = (right - left) * 0.08 + 4;
  fill(img, left - quiet, top - 3, right + quiet, bottom + 3);
}

/** Decodes, blanks and decodes again, up to `max` codes. */
function decodeRepeatedly(image: GreyImage, found: DecodedBarcode[], max: number, hard: boolean): void {
  const img = padded(image);
  for (let i = 0; i < max && found.length < MAX_CODES; i++) {
    const result = decodeOne(img, hard);
    if (!result) break;
    const code = { format: zx.BarcodeFormat[result.getBarcodeFormat()] ?? 'UNKNOWN', value: result.getText() };
    if (!found.some((f) => f.format === code.format && f.value === code.value)) found.push(code);
    blank(img, result);
  }
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Runs of lines (rows, or columns when `vertical`) holding dark pixels, split by blank gaps. */
function runs(img: GreyImage, box: Box, vertical: boolean, gap: number): [number, number][] {
  const length = vertical ? box.width : box.height;
  const out: [number, number][] = [];
  let start = -1;
  let blankRun = 0;
  for (let i = 0; i < length; i++) {
    let ink = false;
    const across = vertical ? box.height : box.width;
    for (let j = 0; j < across && !ink; j++) {
      const [x, y] = vertical ? [box.x + i, box.y + j] : [box.x + j, box.y + i];
      ink = (img.pixels[y * img.width + x] as number) < 128;
    }
    if (ink) {
      if (start < 0) start = i;
      blankRun = 0;
    } else if (start >= 0 && ++blankRun >= gap) {
      out.push([start, i - blankRun]);
      start = -1;
    }
  }
  if (start >= 0) out.push([start, length - 1 - blankRun]);
  return out;
}

function crop(img: GreyImage, box: Box): GreyImage {
  const pixels = new Uint8ClampedArray(box.width * box.height);
  for (let y = 0; y < box.height; y++) pixels.set(img.pixels.subarray((box.y + y) * img.width + box.x, (box.y + y) * img.width + box.x + box.width), y * box.width);
  return { width: box.width, height: box.height, pixels };
}

/** Blocks of a clean label: separated by blank rows, then by blank columns. */
function blocks(img: GreyImage): Box[] {
  const whole: Box = { x: 0, y: 0, width: img.width, height: img.height };
  const out: Box[] = [];
  for (const [y0, y1] of runs(img, whole, false, 6)) {
    const band: Box = { x: 0, y: y0, width: img.width, height: y1 - y0 + 1 };
    for (const [x0, x1] of runs(img, band, true, 12)) out.push({ x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 });
  }
  return out.filter((b) => b.width >= 12 && b.height >= 8);
}

/**
 * Decodes up to 8 codes. A clean label is cut into blocks first (fast, and finds a Data Matrix
 * beside other codes); a photo with no blank gaps is searched whole.
 */
export function decodeBarcodes(image: GreyImage): DecodedBarcode[] {
  const found: DecodedBarcode[] = [];
  const parts = blocks(image);
  if (parts.length > 1 && parts.length <= 40) for (const box of parts) decodeRepeatedly(crop(image, box), found, 2, false);
  if (found.length === 0) decodeRepeatedly(image, found, MAX_CODES, true);
  return found;
}
