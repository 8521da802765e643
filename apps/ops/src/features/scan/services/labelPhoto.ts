// Phone photos are 3–8 MB: over weak LTE, and in IndexedDB while waiting, a label does not need
// that. Large photos are scaled down to 2,000 px (JPEG 85 %), plenty to read barcodes; anything
// the browser cannot decode (HEIC on some phones) is sent as it is.

const MAX_SIDE = 2_000;
const KEEP_BELOW_BYTES = 1_500_000;

export async function prepareLabelPhoto(file: File): Promise<{ image: Blob; fileName: string }> {
  if (file.size <= KEEP_BELOW_BYTES || typeof createImageBitmap !== 'function') return { image: file, fileName: file.name || 'etiquette.jpg' };
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    return blob && blob.size < file.size ? { image: blob, fileName: 'etiquette.jpg' } : { image: file, fileName: file.name || 'etiquette.jpg' };
  } catch {
    return { image: file, fileName: file.name || 'etiquette.jpg' };
  }
}
