import { describe, expect, it, vi } from 'vitest';
import type { DialogChainObject, QVueGlobals } from 'quasar';
import { installLazyDialog } from './lazyDialog';

function fakeRealChain() {
  const calls: string[] = [];
  const chain: DialogChainObject = {
    onOk: (fn) => (calls.push('onOk'), fn('payload'), chain),
    onCancel: () => (calls.push('onCancel'), chain),
    onDismiss: () => (calls.push('onDismiss'), chain),
    hide: () => (calls.push('hide'), chain),
    update: () => (calls.push('update'), chain),
  };
  return { chain, calls };
}

describe('installLazyDialog', () => {
  it('loads the plugin on first use only, and replays the chained calls on the real dialog', async () => {
    const real = fakeRealChain();
    const create = vi.fn(() => real.chain);
    const $q = {} as QVueGlobals;
    const load = vi.fn(() =>
      Promise.resolve({
        Dialog: { install: ({ $q: q }: { $q: QVueGlobals }) => void (q.dialog = create) },
      } as never),
    );
    installLazyDialog($q, {}, load);
    expect(load).not.toHaveBeenCalled();

    const ok = vi.fn();
    $q.dialog({ title: 'Redémarrer ?' }).onOk(ok).onCancel(() => undefined);
    expect(load).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(ok).toHaveBeenCalledWith('payload'));
    expect(create).toHaveBeenCalledWith({ title: 'Redémarrer ?' });
    expect(real.calls).toEqual(['onOk', 'onCancel']);

    // Later calls go straight to the installed plugin.
    expect($q.dialog({ title: 'x' })).toBe(real.chain);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
