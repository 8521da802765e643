import { describe, expect, it, vi } from 'vitest';
import type { QVueGlobals } from 'quasar';
import { installLazyNotify, notify } from './lazyNotify';

function fakePlugin() {
  const shown: unknown[] = [];
  const dismissed: unknown[] = [];
  const create = vi.fn((opts: unknown) => {
    shown.push(opts);
    return (props?: unknown) => void dismissed.push(props ?? 'dismiss');
  });
  const load = vi.fn(() => Promise.resolve({ Notify: { install: ({ $q }: { $q: QVueGlobals }) => void ($q.notify = create as never) } }));
  return { shown, dismissed, create, load };
}

describe('installLazyNotify', () => {
  it('loads the plugin with the first toast only, then calls it directly', async () => {
    const plugin = fakePlugin();
    const $q = {} as QVueGlobals;
    installLazyNotify($q, {}, plugin.load);
    expect(plugin.load).not.toHaveBeenCalled();

    $q.notify({ message: 'Enregistré' });
    expect(plugin.load).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(plugin.shown).toEqual([{ message: 'Enregistré' }]));

    $q.notify('Deuxième');
    expect(plugin.shown).toEqual([{ message: 'Enregistré' }, 'Deuxième']);
    expect(plugin.load).toHaveBeenCalledTimes(1);
  });

  it('a toast dismissed before the plugin arrives is never shown; updates after it arrives pass through', async () => {
    const plugin = fakePlugin();
    const $q = {} as QVueGlobals;
    installLazyNotify($q, {}, plugin.load);
    const early = $q.notify({ message: 'Trop tard' });
    early();
    const later = $q.notify({ message: 'Reste' });
    await vi.waitFor(() => expect(plugin.shown).toEqual([{ message: 'Reste' }]));
    later({ message: 'Modifié' });
    expect(plugin.dismissed).toEqual([{ message: 'Modifié' }]);
  });

  it('notify() reaches the installed globals from outside components', async () => {
    const plugin = fakePlugin();
    installLazyNotify({} as QVueGlobals, {}, plugin.load);
    notify({ type: 'negative', message: 'Échec' });
    await vi.waitFor(() => expect(plugin.shown).toEqual([{ type: 'negative', message: 'Échec' }]));
  });
});
