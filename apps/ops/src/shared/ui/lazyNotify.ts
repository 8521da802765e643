// Quasar's Notify plugin (~2 kB gzip) is not needed to show the shell, so it loads with the first
// toast. `$q.notify(opts)` (and `notify(opts)` outside components) works at once: the toast shows
// as soon as the plugin is there, and the returned dismiss function works before and after.
import type { QNotifyCreateOptions, QNotifyUpdateOptions, QVueGlobals } from 'quasar';

type Dismiss = (props?: QNotifyUpdateOptions) => void;
type Create = (opts: QNotifyCreateOptions | string) => Dismiss;
interface NotifyPlugin {
  install(ctx: { $q: QVueGlobals; parentApp: unknown }): void;
}

let globals: QVueGlobals | null = null;

/** Makes `$q.notify` (and `useQuasar().notify`) load the Notify plugin on first use. */
export function installLazyNotify(
  $q: QVueGlobals,
  parentApp: unknown,
  load: () => Promise<{ Notify: unknown }> = () => import('./quasarNotifyPlugin'),
): void {
  globals = $q;
  let ready: Promise<Create> | null = null;
  const realCreate = () =>
    (ready ??= load().then(({ Notify }) => {
      // The plugin's install replaces $q.notify with the real one (and reads $q.config.notify).
      (Notify as NotifyPlugin).install({ $q, parentApp });
      return $q.notify as unknown as Create;
    }));
  const lazy: Create = (opts) => {
    let dismiss: Dismiss | null = null;
    let dismissedEarly = false;
    void realCreate().then((create) => {
      if (!dismissedEarly) dismiss = create(opts);
    });
    return (props) => {
      if (dismiss) dismiss(props);
      else if (props === undefined) dismissedEarly = true;
    };
  };
  $q.notify = lazy as QVueGlobals['notify'];
}

/** A toast from code that has no component at hand (boot handlers, composables outside setup). */
export function notify(opts: QNotifyCreateOptions | string): Dismiss {
  if (!globals) throw new Error('installLazyNotify() must run at boot before notify()');
  return (globals.notify as unknown as Create)(opts);
}
