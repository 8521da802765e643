// Runs photo preparations in dedicated workers (closeoutPhotoWorker.ts), at most one per worker at
// a time, created when first needed. Where a worker cannot be had or cannot do the work (no Worker,
// its script not kept for offline yet, no OffscreenCanvas in workers), the page prepares the
// photo itself: the technician gets the photo either way, only later.
import { PhotoRefused, PREPARE_AHEAD, preparePhoto } from './closeoutPhoto';
import type { PhotoJobResult } from './closeoutPhotoWorker';
// The scan queue asks the service worker to keep this script (startScanQueue), for offline.
import photoWorkerUrl from './closeoutPhotoWorker.ts?worker&url';

interface Slot {
  worker: Worker;
  busy: boolean;
  /** Its script did not load: dropped once released. */
  failed?: boolean;
}

type WorkerFactory = () => Worker;

const spawnPhotoWorker: WorkerFactory = () => new Worker(photoWorkerUrl, { type: 'module' });

export class PhotoWorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: (() => void)[] = [];
  private nextId = 0;
  /** Set when workers cannot do the work here at all: the page does it from then on. */
  private unsupported = typeof Worker !== 'function';

  constructor(
    private readonly size: number,
    private readonly spawn: WorkerFactory = spawnPhotoWorker,
  ) {}

  /** The photo to queue (see preparePhoto), prepared off the page's thread where possible. @throws PhotoRefused */
  async prepare(file: Blob): Promise<Blob> {
    if (this.unsupported) return preparePhoto(file);
    const slot = await this.freeSlot();
    if (!slot) return preparePhoto(file);
    let result: PhotoJobResult | { id: number; failed: true };
    try {
      result = await this.run(slot, file);
    } finally {
      this.release(slot);
    }
    if ('blob' in result) return result.blob;
    if ('refused' in result) throw new PhotoRefused(result.refused);
    if ('unsupported' in result) this.unsupported = true;
    return preparePhoto(file); // unsupported, or the worker's script could not load (offline, not kept yet)
  }

  private async freeSlot(): Promise<Slot | null> {
    for (;;) {
      const idle = this.slots.find((slot) => !slot.busy);
      if (idle) return ((idle.busy = true), idle);
      if (this.slots.length < this.size) {
        try {
          const slot: Slot = { worker: this.spawn(), busy: true };
          this.slots.push(slot);
          return slot;
        } catch {
          this.unsupported = true;
          return null;
        }
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  /** A worker whose script failed is dropped (the next photo starts another); a free slot is handed to whoever waits. */
  private release(slot: Slot): void {
    slot.busy = false;
    if (slot.failed) {
      slot.worker.terminate();
      this.slots.splice(this.slots.indexOf(slot), 1);
    }
    this.waiting.shift()?.();
  }

  /** The worker's answer for `file`; a worker that errors (its script could not load) answers `failed`. */
  private run(slot: Slot, file: Blob): Promise<PhotoJobResult | { id: number; failed: true }> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const done = (result: PhotoJobResult | { id: number; failed: true }) => {
        slot.worker.removeEventListener('message', onMessage);
        slot.worker.removeEventListener('error', onError);
        resolve(result);
      };
      const onMessage = (event: MessageEvent<PhotoJobResult>) => {
        if (event.data.id === id) done(event.data);
      };
      const onError = (event: Event) => {
        event.preventDefault();
        slot.failed = true;
        done({ id, failed: true });
      };
      slot.worker.addEventListener('message', onMessage);
      slot.worker.addEventListener('error', onError);
      slot.worker.postMessage({ id, file });
    });
  }
}

/** The app's pool: one worker per photo prepared at once. */
export const photoWorkers = new PhotoWorkerPool(PREPARE_AHEAD);
