// A short beep and a buzz when a code is read: the technician does not have to look at the screen.
// The audio context is created on a tap (browsers only allow sound after a user gesture).

let audio: AudioContext | null = null;

export function useScanFeedback() {
  /** Call from a tap (opening the camera) so later beeps are allowed. */
  function prime(): void {
    try {
      audio ??= new AudioContext();
      if (audio.state === 'suspended') void audio.resume();
    } catch {
      audio = null; // no Web Audio: vibration only
    }
  }

  function beep(frequency = 1_760, durationMs = 110): void {
    if (!audio) return;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'square';
    oscillator.frequency.value = frequency;
    gain.gain.value = 0.08;
    oscillator.connect(gain).connect(audio.destination);
    const end = audio.currentTime + durationMs / 1000;
    gain.gain.setTargetAtTime(0, end - 0.02, 0.01);
    oscillator.start();
    oscillator.stop(end);
  }

  /** A good read. */
  function success(): void {
    beep();
    navigator.vibrate?.(80);
  }

  /** A read that cannot be used (two low beeps, a longer buzz). */
  function warning(): void {
    beep(440, 90);
    setTimeout(() => beep(440, 90), 140);
    navigator.vibrate?.([60, 60, 60]);
  }

  return { prime, success, warning };
}
