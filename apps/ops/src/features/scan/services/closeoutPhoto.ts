// A job photo as it is queued: decoded with the camera's orientation applied, scaled to at most
// 1,600 px, and re-encoded as JPEG by a canvas, which writes pixels only: EXIF (GPS, camera,
// orientation tag) never reaches the queue nor ERPNext. A few hundred kB; refused on the phone,
// with the reason, when it is not an image or stays too large.
//
// Decoding a 12 MP photo whole costs about a second of a phone's core (pnpm bench closeout). Where
// the browser can (WebCodecs ImageDecoder), a JPEG is decoded at the smallest eighth of its size
// that still covers 1,600 px (libjpeg scales while decoding): a quarter of the pixels for 12 MP.
import { readJpegHeader, swapsSides } from './jpegHeader';

export const PHOTO_MAX_SIDE = 1_600;
/** Largest photo queued (the BFF accepts 8 MB: this keeps the queue light on weak LTE). */
export const PHOTO_MAX_BYTES = 1_500_000;
const QUALITIES = [0.82, 0.7, 0.55];

/** Why a photo was refused before queueing. */
export class PhotoRefused extends Error {
  constructor(readonly reason: 'not-image' | 'too-large') {
    super(reason);
  }
}

/** The scaled size of a `width`×`height` picture (never enlarged). */
export function fittedSize(width: number, height: number, maxSide = PHOTO_MAX_SIDE): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** A decoded picture, upright, and how to let it go. */
interface Decoded {
  source: CanvasImageSource;
  width: number;
  height: number;
  close(): void;
}

/** Bytes read for the header: EXIF (at most 64 kB) and the frame header come first. */
const HEADER_BYTES = 128 * 1024;

/** The smallest decode scale, in eighths, whose long side still covers `maxSide` (8: decode whole). */
export function decodeEighths(width: number, height: number, maxSide = PHOTO_MAX_SIDE): number {
  const long = Math.max(width, height);
  for (let eighths = 1; eighths < 8; eighths++) if (Math.ceil((long * eighths) / 8) >= maxSide) return eighths;
  return 8;
}

/** VideoFrame's orientation, where the browser reports it (Chromium 2024+). */
type OrientedFrame = VideoFrame & { rotation?: number; flip?: boolean };

/**
 * A JPEG decoded at a reduced scale, or null where that cannot be done (no ImageDecoder, not a
 * JPEG, nothing to gain) or where the decoder did not visibly apply the EXIF orientation: then the
 * whole decode below, whose orientation is certain, runs instead.
 */
async function decodeReduced(file: Blob): Promise<Decoded | null> {
  if (typeof ImageDecoder !== 'function' || typeof VideoFrame !== 'function' || !('rotation' in VideoFrame.prototype)) return null;
  const header = readJpegHeader(new Uint8Array(await file.slice(0, HEADER_BYTES).arrayBuffer()));
  if (!header) return null;
  const eighths = decodeEighths(header.width, header.height);
  if (eighths === 8) return null;
  let decoder: ImageDecoder | null = null;
  try {
    decoder = new ImageDecoder({
      data: file.stream(),
      type: 'image/jpeg',
      desiredWidth: Math.ceil((header.width * eighths) / 8),
      desiredHeight: Math.ceil((header.height * eighths) / 8),
    });
    const frame = (await decoder.decode()).image as OrientedFrame;
    const shownSwapped = frame.displayWidth < frame.displayHeight !== frame.codedWidth < frame.codedHeight;
    const applied = header.orientation === 1 || (swapsSides(header.orientation) ? shownSwapped : (frame.rotation ?? 0) !== 0 || frame.flip === true);
    const opened = decoder;
    if (!applied) {
      frame.close();
      opened.close();
      return null;
    }
    return { source: frame, width: frame.displayWidth, height: frame.displayHeight, close: () => (frame.close(), opened.close()) };
  } catch {
    decoder?.close();
    return null;
  }
}

/** The whole picture, the EXIF orientation applied to the pixels (a portrait stays a portrait). @throws PhotoRefused */
async function decodeWhole(file: Blob): Promise<Decoded> {
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    return { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
  } catch {
    throw new PhotoRefused('not-image');
  }
}

/** A canvas of this size with the picture drawn in, and how it encodes a JPEG (OffscreenCanvas when there is one). */
function drawn(source: CanvasImageSource, width: number, height: number): ((quality: number) => Promise<Blob | null>) | null {
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.drawImage(source, 0, 0, width, height);
    return (quality) => canvas.convertToBlob({ type: 'image/jpeg', quality });
  }
  const canvas = Object.assign(document.createElement('canvas'), { width, height });
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.drawImage(source, 0, 0, width, height);
  return (quality) => new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
}

/** The photo to queue: resized, re-encoded JPEG without metadata. @throws PhotoRefused */
export async function preparePhoto(file: Blob): Promise<Blob> {
  const picture = (await decodeReduced(file)) ?? (await decodeWhole(file));
  const { width, height } = fittedSize(picture.width, picture.height);
  let encode: ReturnType<typeof drawn>;
  try {
    encode = drawn(picture.source, width, height);
  } finally {
    picture.close();
  }
  if (!encode) throw new PhotoRefused('not-image');
  for (const quality of QUALITIES) {
    const blob = await encode(quality);
    if (blob && blob.size <= PHOTO_MAX_BYTES) return blob;
  }
  throw new PhotoRefused('too-large');
}

/** Photos prepared at once: a decode (off the main thread) overlaps the previous one's scaling and encoding. */
export const PREPARE_AHEAD = 2;

/**
 * One step per file, to await in order: each step starts its own preparation and the next ones up
 * to `ahead` (two 12 MP bitmaps in memory at most), so a gallery pick of ten goes faster than one
 * by one on a phone's several cores, and photos are still queued in the order picked.
 */
export function preparePhotosInOrder(files: readonly Blob[], ahead = PREPARE_AHEAD): (() => Promise<Blob>)[] {
  const started: Promise<Blob>[] = [];
  const start = (i: number) => {
    if (i >= files.length || started[i]) return;
    const preparing = preparePhoto(files[i] as Blob);
    // A refusal is read when its turn comes, never reported as unhandled before.
    preparing.catch(() => undefined);
    started[i] = preparing;
  };
  return files.map((_, i) => () => {
    for (let k = i; k < i + ahead; k++) start(k);
    return started[i] as Promise<Blob>;
  });
}
