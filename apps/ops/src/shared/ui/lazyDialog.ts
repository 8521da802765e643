// Quasar's Dialog plugin weighs ~14 kB gzip (its generic prompt pulls QInput, QOptionGroup…), too
// much for the shell's first load. `$q.dialog(opts)` is installed as a stand-in that loads the real
// plugin on first use and returns a chain object that replays onOk/onCancel/… on the real one.
import type { DialogChainObject, QDialogOptions, QVueGlobals } from 'quasar';

type Create = (opts: QDialogOptions) => DialogChainObject;
type ChainMethod = 'onOk' | 'onCancel' | 'onDismiss' | 'hide' | 'update';

/** A chain object usable at once, forwarding every call to the real one when it exists. */
export function deferredChain(real: Promise<DialogChainObject>): DialogChainObject {
  let resolved: DialogChainObject | null = null;
  const pending: [ChainMethod, unknown][] = [];
  void real.then((chain) => {
    resolved = chain;
    for (const [method, arg] of pending.splice(0)) (chain[method] as (a: unknown) => unknown)(arg);
  });
  const forward =
    (method: ChainMethod) =>
    (arg?: unknown): DialogChainObject => {
      if (resolved) (resolved[method] as (a: unknown) => unknown)(arg);
      else pending.push([method, arg]);
      return chain;
    };
  const chain: DialogChainObject = {
    onOk: forward('onOk'),
    onCancel: forward('onCancel'),
    onDismiss: forward('onDismiss'),
    hide: forward('hide'),
    update: forward('update'),
  };
  return chain;
}

/** Makes `$q.dialog` (and `useQuasar().dialog`) load the Dialog plugin on first use. */
export function installLazyDialog($q: QVueGlobals, parentApp: unknown, load = () => import('./quasarDialogPlugin')): void {
  let ready: Promise<Create> | null = null;
  const realCreate = () =>
    (ready ??= load().then(({ Dialog }) => {
      // The plugin's install replaces $q.dialog with the real one for later calls.
      (Dialog as unknown as { install(ctx: { $q: QVueGlobals; parentApp: unknown }): void }).install({ $q, parentApp });
      return $q.dialog as Create;
    }));
  $q.dialog = (opts: QDialogOptions) => deferredChain(realCreate().then((create) => create(opts)));
}
