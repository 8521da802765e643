// The live camera reader. @zxing/browser (~125 kB) is imported when the camera opens, never with
// the page. Rear camera by default, a choice of cameras once permission is given, the torch where
// the camera has one; decoded codes go to `onCode` (the page filters duplicates).
import { onBeforeUnmount, ref, shallowRef } from 'vue';
import type { IScannerControls } from '@zxing/browser';
import type { createCodeReader as CreateCodeReader } from '../services/zxingReader';

export type CameraState = 'closed' | 'starting' | 'running' | 'error';
export type CameraProblem = 'denied' | 'unavailable' | 'load' | 'failed';

export interface CameraChoice {
  id: string;
  label: string;
}

function problemOf(error: unknown): CameraProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'NotReadableError') return 'unavailable';
  return 'failed';
}

export function useScanCamera(onCode: (text: string) => void) {
  const state = ref<CameraState>('closed');
  const problem = ref<CameraProblem | null>(null);
  const problemDetail = ref('');
  const cameras = ref<CameraChoice[]>([]);
  const cameraId = ref<string | null>(null);
  const torchAvailable = ref(false);
  const torchOn = ref(false);
  const track = shallowRef<MediaStreamTrack | null>(null);
  let controls: IScannerControls | null = null;
  let stream: MediaStream | null = null;
  let generation = 0;

  function fail(kind: CameraProblem, error?: unknown): void {
    problem.value = kind;
    problemDetail.value = error instanceof Error ? error.message || error.name : '';
    state.value = 'error';
  }

  /** Starts reading into `video` (the chosen camera, else the rear one). */
  async function open(video: HTMLVideoElement, deviceId: string | null = cameraId.value): Promise<void> {
    stopStream();
    const mine = ++generation;
    state.value = 'starting';
    problem.value = null;
    let createCodeReader: typeof CreateCodeReader;
    try {
      ({ createCodeReader } = await import('../services/zxingReader'));
    } catch (error) {
      return fail('load', error);
    }
    if (!navigator.mediaDevices?.getUserMedia) return fail('unavailable');
    try {
      const constraints: MediaTrackConstraints = deviceId
        ? { deviceId: { exact: deviceId } }
        : { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } };
      stream = await navigator.mediaDevices.getUserMedia({ audio: false, video: constraints });
    } catch (error) {
      return fail(problemOf(error), error);
    }
    if (mine !== generation) return stopStream(); // closed or switched while starting
    const videoTrack = stream.getVideoTracks()[0] ?? null;
    track.value = videoTrack;
    cameraId.value = videoTrack?.getSettings().deviceId ?? deviceId;
    const capabilities = (videoTrack?.getCapabilities?.() ?? {}) as MediaTrackCapabilities & { torch?: boolean };
    torchAvailable.value = capabilities.torch === true;
    torchOn.value = false;
    void listCameras();

    const reader = createCodeReader();
    try {
      controls = await reader.decodeFromStream(stream, video, (result) => {
        if (result && mine === generation) onCode(result.getText());
      });
    } catch (error) {
      stopStream();
      return fail('failed', error);
    }
    if (mine !== generation) return stopStream();
    state.value = 'running';
  }

  /** Labels are only known after permission: list the cameras once the stream runs. */
  async function listCameras(): Promise<void> {
    try {
      const devices = await navigator.mediaDevices.enumerateDevices();
      cameras.value = devices.filter((d) => d.kind === 'videoinput').map((d, i) => ({ id: d.deviceId, label: d.label || `#${i + 1}` }));
    } catch {
      cameras.value = [];
    }
  }

  async function setTorch(on: boolean): Promise<void> {
    if (!track.value || !torchAvailable.value) return;
    try {
      await track.value.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
      torchOn.value = on;
    } catch {
      torchAvailable.value = false;
    }
  }

  function stopStream(): void {
    controls?.stop();
    controls = null;
    stream?.getTracks().forEach((t) => t.stop());
    stream = null;
    track.value = null;
    torchOn.value = false;
  }

  function close(): void {
    generation++;
    stopStream();
    state.value = 'closed';
  }

  onBeforeUnmount(close);
  return { state, problem, problemDetail, cameras, cameraId, torchAvailable, torchOn, open, close, setTorch };
}
