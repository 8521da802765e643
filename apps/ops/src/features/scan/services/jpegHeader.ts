// What a JPEG says about itself before any pixel is decoded: its stored size (the SOF segment)
// and its EXIF orientation (tag 0x0112 of IFD0 in the APP1 « Exif » segment). Enough to choose
// a reduced decode size for a camera photo and to check that the decoder applied the orientation.

export interface JpegHeader {
  /** Size as stored, before the orientation is applied. */
  width: number;
  height: number;
  /** EXIF orientation 1–8 (1 when absent or unreadable). */
  orientation: number;
}

const SOI = 0xd8;
const SOS = 0xda;
const APP1 = 0xe1;
const ORIENTATION_TAG = 0x0112;

/** SOF0–SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but are not frames. */
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/** The header of the JPEG whose first bytes are `bytes`, or null when it is not a JPEG or its frame size is not within them. */
export function readJpegHeader(bytes: Uint8Array): JpegHeader | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== SOI) return null;
  let orientation = 1;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] as number;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === SOS) return null; // image data before any frame header: not a JPEG we can read
    const length = view.getUint16(at + 2);
    if (length < 2) return null;
    const body = at + 4;
    if (marker === APP1) orientation = exifOrientation(view, body, Math.min(body + length - 2, bytes.length)) ?? orientation;
    if (isStartOfFrame(marker)) {
      if (body + 5 > bytes.length) return null;
      const height = view.getUint16(body + 1);
      const width = view.getUint16(body + 3);
      return width > 0 && height > 0 ? { width, height, orientation } : null;
    }
    at = body + length - 2;
  }
  return null;
}

/** The orientation in an APP1 body [start, end) when it is EXIF, else null. */
function exifOrientation(view: DataView, start: number, end: number): number | null {
  // "Exif\0\0", then a TIFF header: byte order (II / MM), 42, offset of IFD0.
  if (end - start < 14 || view.getUint32(start) !== 0x45786966 || view.getUint16(start + 4) !== 0) return null;
  const tiff = start + 6;
  const order = view.getUint16(tiff);
  if (order !== 0x4949 && order !== 0x4d4d) return null;
  const little = order === 0x4949;
  const ifd0 = tiff + view.getUint32(tiff + 4, little);
  if (ifd0 + 2 > end) return null;
  const entries = view.getUint16(ifd0, little);
  for (let i = 0; i < entries; i++) {
    const entry = ifd0 + 2 + i * 12;
    if (entry + 12 > end) return null;
    if (view.getUint16(entry, little) !== ORIENTATION_TAG) continue;
    const value = view.getUint16(entry + 8, little); // SHORT, stored left-aligned in the value field
    return value >= 1 && value <= 8 ? value : null;
  }
  return null;
}

/** Orientations 5–8 turn the picture a quarter: width and height swap when it is shown. */
export const swapsSides = (orientation: number) => orientation >= 5 && orientation <= 8;
