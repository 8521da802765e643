// Light or dark: follows the system until the user picks one, then remembers the pick.
import { Dark } from 'quasar';
import { computed } from 'vue';
import { readPreference, writePreference } from '@/shared/storage/preferences';

export const DARK_STORAGE_KEY = 'gigafibre-ops.theme';

/** Applies the saved choice (or 'auto'); called once at boot. */
export function applySavedTheme(): void {
  const saved = readPreference(DARK_STORAGE_KEY);
  Dark.set(saved === 'dark' ? true : saved === 'light' ? false : 'auto');
}

export function useThemePreference() {
  const isDark = computed(() => Dark.isActive);
  function toggle(): void {
    const next = !Dark.isActive;
    Dark.set(next);
    writePreference(DARK_STORAGE_KEY, next ? 'dark' : 'light');
  }
  return { isDark, toggle };
}
