// The close-out photo preparation (closeoutPhoto.ts) in a dedicated worker: decoding, scaling and
// encoding a 12 MP photo takes a slow phone's main thread most of a second, during which the page
// would not answer a tap. Refusals come back with their reason; anything this worker cannot do
// (no OffscreenCanvas in workers, as in Safari before 16.4) comes back as `unsupported`, and the
// page does it itself.
import { PhotoRefused, preparePhoto } from './closeoutPhoto';

export interface PhotoJob {
  id: number;
  file: Blob;
}

export type PhotoJobResult = { id: number; blob: Blob } | { id: number; refused: PhotoRefused['reason'] } | { id: number; unsupported: true };

const scope = self as unknown as { onmessage: ((event: MessageEvent<PhotoJob>) => void) | null; postMessage(message: PhotoJobResult): void };

scope.onmessage = async ({ data: { id, file } }) => {
  if (typeof OffscreenCanvas !== 'function') return scope.postMessage({ id, unsupported: true });
  try {
    scope.postMessage({ id, blob: await preparePhoto(file) });
  } catch (error) {
    scope.postMessage(error instanceof PhotoRefused ? { id, refused: error.reason } : { id, unsupported: true });
  }
};
