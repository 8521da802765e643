import { afterEach, describe, expect, it, vi } from 'vitest';
import { fittedSize, PHOTO_MAX_BYTES, PhotoRefused, preparePhoto, preparePhotosInOrder } from './closeoutPhoto';

afterEach(() => vi.unstubAllGlobals());

describe('job photos on the phone', () => {
  it('fits the long side in 1600 px, keeps the shape, never enlarges', () => {
    expect(fittedSize(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(fittedSize(1800, 2400)).toEqual({ width: 1200, height: 1600 });
    expect(fittedSize(800, 600)).toEqual({ width: 800, height: 600 });
  });

  it('decodes with the EXIF orientation applied and re-encodes through a canvas (pixels only), lowering quality until it fits', async () => {
    const decode = vi.fn(async () => ({ width: 4000, height: 3000, close: vi.fn() }));
    const qualities: number[] = [];
    class FakeCanvas {
      constructor(
        readonly width: number,
        readonly height: number,
      ) {}
      getContext() {
        return { drawImage: vi.fn() };
      }
      async convertToBlob({ quality }: { quality: number }) {
        qualities.push(quality);
        return new Blob([new Uint8Array(quality > 0.75 ? PHOTO_MAX_BYTES + 1 : 300_000)], { type: 'image/jpeg' });
      }
    }
    vi.stubGlobal('createImageBitmap', decode);
    vi.stubGlobal('OffscreenCanvas', FakeCanvas);
    const blob = await preparePhoto(new Blob(['raw jpeg with exif']));
    expect(decode).toHaveBeenCalledWith(expect.any(Blob), { imageOrientation: 'from-image' });
    expect(blob.type).toBe('image/jpeg');
    expect(blob.size).toBe(300_000);
    expect(qualities).toEqual([0.82, 0.7]);
  });

  it('refuses what is not an image, and what stays too large, with the reason', async () => {
    vi.stubGlobal('createImageBitmap', vi.fn(async () => Promise.reject(new DOMException('bad', 'InvalidStateError'))));
    await expect(preparePhoto(new Blob(['%PDF']))).rejects.toEqual(new PhotoRefused('not-image'));
    vi.stubGlobal('createImageBitmap', vi.fn(async () => ({ width: 100, height: 100, close: vi.fn() })));
    vi.stubGlobal(
      'OffscreenCanvas',
      class {
        getContext() {
          return { drawImage: vi.fn() };
        }
        async convertToBlob() {
          return new Blob([new Uint8Array(PHOTO_MAX_BYTES + 1)]);
        }
      },
    );
    await expect(preparePhoto(new Blob(['x']))).rejects.toMatchObject({ reason: 'too-large' });
  });

  it('prepares two at a time, hands them back in the order picked, a refusal in its own place', async () => {
    const decodes: string[] = [];
    const release: (() => void)[] = [];
    vi.stubGlobal(
      'createImageBitmap',
      vi.fn(async (file: Blob) => {
        const name = await file.text();
        decodes.push(name);
        if (name === 'pdf') throw new DOMException('bad', 'InvalidStateError');
        await new Promise<void>((resolve) => release.push(resolve));
        return { width: 4000, height: 3000, close: vi.fn() };
      }),
    );
    vi.stubGlobal(
      'OffscreenCanvas',
      class {
        getContext() {
          return { drawImage: vi.fn() };
        }
        async convertToBlob() {
          return new Blob([new Uint8Array(1000)], { type: 'image/jpeg' });
        }
      },
    );
    const steps = preparePhotosInOrder(['a', 'pdf', 'c', 'd'].map((n) => new Blob([n])));
    const first = steps[0]!();
    await vi.waitFor(() => expect(decodes).toEqual(['a', 'pdf']));
    release.shift()!();
    await expect(first).resolves.toMatchObject({ type: 'image/jpeg' });
    await expect(steps[1]!()).rejects.toMatchObject({ reason: 'not-image' });
    const third = steps[2]!();
    await vi.waitFor(() => expect(decodes).toEqual(['a', 'pdf', 'c', 'd']));
    release.splice(0).forEach((go) => go());
    await expect(third).resolves.toBeInstanceOf(Blob);
    await expect(steps[3]!()).resolves.toBeInstanceOf(Blob);
  });
});
