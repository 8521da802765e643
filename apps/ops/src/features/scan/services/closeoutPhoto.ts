// A job photo as it is queued: decoded with the camera's orientation applied, scaled to at most
// 1,600 px, and re-encoded as JPEG by a canvas, which writes pixels only: EXIF (GPS, camera,
// orientation tag) never reaches the queue nor ERPNext. A few hundred kB; refused on the phone,
// with the reason, when it is not an image or stays too large.

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

/** A canvas of this size with the bitmap drawn in, and how it encodes a JPEG (OffscreenCanvas when there is one). */
function drawn(bitmap: ImageBitmap, width: number, height: number): ((quality: number) => Promise<Blob | null>) | null {
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.drawImage(bitmap, 0, 0, width, height);
    return (quality) => canvas.convertToBlob({ type: 'image/jpeg', quality });
  }
  const canvas = Object.assign(document.createElement('canvas'), { width, height });
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.drawImage(bitmap, 0, 0, width, height);
  return (quality) => new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
}

/** The photo to queue: resized, re-encoded JPEG without metadata. @throws PhotoRefused */
export async function preparePhoto(file: Blob): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    // 'from-image': the EXIF orientation is applied to the pixels (a portrait stays a portrait).
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new PhotoRefused('not-image');
  }
  const { width, height } = fittedSize(bitmap.width, bitmap.height);
  const encode = drawn(bitmap, width, height);
  bitmap.close();
  if (!encode) throw new PhotoRefused('not-image');
  for (const quality of QUALITIES) {
    const blob = await encode(quality);
    if (blob && blob.size <= PHOTO_MAX_BYTES) return blob;
  }
  throw new PhotoRefused('too-large');
}

/** Photos prepared at once (two workers, or the page and the decoder threads): two 12 MP bitmaps in memory at most. */
export const PREPARE_AHEAD = 2;

/**
 * One step per file, to await in order: each step starts its own preparation and the next ones up
 * to `ahead`, so a gallery pick of ten goes faster than one by one on a phone's several cores, and
 * photos are still queued in the order picked. `prepare` is where the work runs (photoWorkerPool).
 */
export function preparePhotosInOrder(files: readonly Blob[], prepare: (file: Blob) => Promise<Blob> = preparePhoto, ahead = PREPARE_AHEAD): (() => Promise<Blob>)[] {
  const started: Promise<Blob>[] = [];
  const start = (i: number) => {
    if (i >= files.length || started[i]) return;
    const preparing = prepare(files[i] as Blob);
    // A refusal is read when its turn comes, never reported as unhandled before.
    preparing.catch(() => undefined);
    started[i] = preparing;
  };
  return files.map((_, i) => () => {
    for (let k = i; k < i + ahead; k++) start(k);
    return started[i] as Promise<Blob>;
  });
}
