import { afterEach, describe, expect, it, vi } from 'vitest';
import { PhotoRefused } from './closeoutPhoto';
import type { PhotoJob, PhotoJobResult } from './closeoutPhotoWorker';
import { PhotoWorkerPool } from './photoWorkerPool';

afterEach(() => vi.unstubAllGlobals());

type Answer = (job: PhotoJob) => PhotoJobResult | 'script-error';

/** A dedicated worker as the pool sees it: answers each posted job as `answer` says, or fails to load. */
class FakeWorker extends EventTarget {
  static made: FakeWorker[] = [];
  readonly jobs: PhotoJob[] = [];
  terminated = false;
  constructor(private readonly answer: Answer) {
    super();
    FakeWorker.made.push(this);
  }
  postMessage(job: PhotoJob): void {
    this.jobs.push(job);
    queueMicrotask(() => {
      const result = this.answer(job);
      if (result === 'script-error') this.dispatchEvent(new Event('error', { cancelable: true }));
      else this.dispatchEvent(new MessageEvent('message', { data: result }));
    });
  }
  terminate(): void {
    this.terminated = true;
  }
}

const prepared = (job: PhotoJob): PhotoJobResult => ({ id: job.id, blob: new Blob([`prepared ${String(job.id)}`], { type: 'image/jpeg' }) });

/** The page's own preparation (closeoutPhoto.preparePhoto): a bitmap and a canvas that give 1 kB. */
function stubPagePreparation(): { decodes: number } {
  const seen = { decodes: 0 };
  vi.stubGlobal('createImageBitmap', async () => ((seen.decodes += 1), { width: 4000, height: 3000, close: () => undefined }));
  vi.stubGlobal(
    'OffscreenCanvas',
    class {
      getContext() {
        return { drawImage: () => undefined };
      }
      async convertToBlob() {
        return new Blob([new Uint8Array(1000)], { type: 'image/jpeg' });
      }
    },
  );
  return seen;
}

describe('PhotoWorkerPool', () => {
  afterEach(() => (FakeWorker.made = []));

  it('prepares in at most `size` workers, one photo each at a time, started when first needed', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const pool = new PhotoWorkerPool(2, () => new FakeWorker(prepared) as unknown as Worker);
    const photos = await Promise.all([1, 2, 3, 4, 5].map((n) => pool.prepare(new Blob([`photo ${String(n)}`]))));
    expect(await Promise.all(photos.map((p) => p.text()))).toEqual(['prepared 0', 'prepared 1', 'prepared 2', 'prepared 3', 'prepared 4']);
    expect(FakeWorker.made).toHaveLength(2);
    expect(FakeWorker.made.map((w) => w.jobs.length).reduce((a, b) => a + b)).toBe(5);
  });

  it('hands back the worker’s refusal with its reason', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const pool = new PhotoWorkerPool(1, () => new FakeWorker((job) => ({ id: job.id, refused: 'not-image' })) as unknown as Worker);
    await expect(pool.prepare(new Blob(['%PDF']))).rejects.toEqual(new PhotoRefused('not-image'));
  });

  it('does the work in the page when the worker’s script cannot load (offline, not kept yet), and tries a new worker next time', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const page = stubPagePreparation();
    let loads = 0;
    const pool = new PhotoWorkerPool(1, () => new FakeWorker((job) => (++loads === 1 ? 'script-error' : prepared(job))) as unknown as Worker);
    await expect(pool.prepare(new Blob(['a']))).resolves.toMatchObject({ type: 'image/jpeg', size: 1000 });
    expect(page.decodes).toBe(1);
    expect(FakeWorker.made[0]?.terminated).toBe(true);
    await expect((await pool.prepare(new Blob(['b']))).text()).resolves.toBe('prepared 1');
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('keeps to the page where workers cannot do the work (no OffscreenCanvas in workers) or do not exist', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const page = stubPagePreparation();
    const pool = new PhotoWorkerPool(2, () => new FakeWorker((job) => ({ id: job.id, unsupported: true })) as unknown as Worker);
    await pool.prepare(new Blob(['a']));
    await pool.prepare(new Blob(['b']));
    expect(FakeWorker.made.flatMap((w) => w.jobs)).toHaveLength(1);
    expect(page.decodes).toBe(2);

    vi.stubGlobal('Worker', undefined);
    const spawn = vi.fn();
    await new PhotoWorkerPool(2, spawn).prepare(new Blob(['c']));
    expect(spawn).not.toHaveBeenCalled();
    expect(page.decodes).toBe(3);
  });
});
