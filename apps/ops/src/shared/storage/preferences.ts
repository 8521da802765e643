// Small user preferences (language, dark mode) in localStorage; private modes that refuse storage
// must not break the app, so every access is guarded.

export function readPreference(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writePreference(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // Not remembered; the choice still applies to this visit.
  }
}
