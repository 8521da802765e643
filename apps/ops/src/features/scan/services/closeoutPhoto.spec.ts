import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeEighths, fittedSize, PHOTO_MAX_BYTES, PhotoRefused, preparePhoto, preparePhotosInOrder } from './closeoutPhoto';

/** 2400×1800 as stored, EXIF orientation 6 (shown 1800×2400). */
const PHOTO = readFileSync(join(import.meta.dirname, '../../../../../../e2e/fixtures/photos/exif-orientation6-gps.jpg'));

/** A canvas that records its size and hands back a small JPEG. */
function recordingCanvas(sizes: [number, number][]) {
  return class {
    constructor(width: number, height: number) {
      sizes.push([width, height]);
    }
    getContext() {
      return { drawImage: vi.fn() };
    }
    async convertToBlob() {
      return new Blob([new Uint8Array(1000)], { type: 'image/jpeg' });
    }
  };
}

/** WebCodecs as Chromium has it: ImageDecoder decodes at the size asked, VideoFrame reports the orientation applied. */
function stubWebCodecs(frame: { coded: [number, number]; display: [number, number]; rotation: number }) {
  const inits: ImageDecoderInit[] = [];
  const closed: string[] = [];
  vi.stubGlobal('VideoFrame', class { get rotation() { return 0; } });
  vi.stubGlobal(
    'ImageDecoder',
    class {
      constructor(init: ImageDecoderInit) {
        inits.push(init);
      }
      async decode() {
        const [codedWidth, codedHeight] = frame.coded;
        const [displayWidth, displayHeight] = frame.display;
        return { image: { codedWidth, codedHeight, displayWidth, displayHeight, rotation: frame.rotation, flip: false, close: () => closed.push('frame') } };
      }
      close() {
        closed.push('decoder');
      }
    },
  );
  return { inits, closed };
}

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

  it('decodes a large JPEG at the smallest eighth that still covers 1600 px, when the browser can', async () => {
    expect(decodeEighths(4000, 3000)).toBe(4);
    expect(decodeEighths(2400, 1800)).toBe(6);
    expect(decodeEighths(1600, 1200)).toBe(8);
    const { inits, closed } = stubWebCodecs({ coded: [1800, 1350], display: [1350, 1800], rotation: 90 });
    const whole = vi.fn();
    vi.stubGlobal('createImageBitmap', whole);
    const sizes: [number, number][] = [];
    vi.stubGlobal('OffscreenCanvas', recordingCanvas(sizes));
    await expect(preparePhoto(new Blob([PHOTO], { type: 'image/jpeg' }))).resolves.toMatchObject({ type: 'image/jpeg' });
    expect(inits).toMatchObject([{ type: 'image/jpeg', desiredWidth: 1800, desiredHeight: 1350 }]);
    expect(whole).not.toHaveBeenCalled();
    expect(sizes).toEqual([[1200, 1600]]); // upright: the portrait the camera meant
    expect(closed.sort()).toEqual(['decoder', 'frame']);
  });

  it('decodes whole when the reduced decode did not turn the picture as its EXIF says', async () => {
    const { closed } = stubWebCodecs({ coded: [1800, 1350], display: [1800, 1350], rotation: 0 });
    const whole = vi.fn(async () => ({ width: 1800, height: 2400, close: vi.fn() }));
    vi.stubGlobal('createImageBitmap', whole);
    const sizes: [number, number][] = [];
    vi.stubGlobal('OffscreenCanvas', recordingCanvas(sizes));
    await preparePhoto(new Blob([PHOTO], { type: 'image/jpeg' }));
    expect(whole).toHaveBeenCalledWith(expect.any(Blob), { imageOrientation: 'from-image' });
    expect(sizes).toEqual([[1200, 1600]]);
    expect(closed.sort()).toEqual(['decoder', 'frame']);
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
