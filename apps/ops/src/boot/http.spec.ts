import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { QVueGlobals } from 'quasar';
import { ApiError, request } from '@/shared/http';
import { setLocale } from '@/i18n';
import { useSessionStore } from '@/shared/session/useSessionStore';
import { useLiveStore } from '@/shared/live';
import { installLazyNotify } from '@/shared/ui/lazyNotify';
import { bootHttp, failureMessage } from './http';

const fetchMock = vi.fn<() => Promise<Response>>();
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

beforeEach(() => {
  setActivePinia(createPinia());
  vi.stubGlobal('fetch', fetchMock);
  bootHttp();
});
afterEach(async () => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  await setLocale('fr-CA', false);
});

describe('failures shown in one place', () => {
  it('a 403 names the missing capability in words, in the user’s language', async () => {
    const error = new ApiError({ status: 403, code: 'forbidden', message: 'x', missing: ['dispatch.assign'] });
    expect(failureMessage(error)).toBe('Action refusée : il vous manque l’autorisation « Assigner et planifier les interventions ».');
    await setLocale('en-CA', false);
    expect(failureMessage(error)).toBe('Refused: you lack the “Assign and schedule jobs” permission.');
  });

  it('Frappe’s own words win over the generic text; otherwise the code’s wording', () => {
    expect(failureMessage(new ApiError({ status: 417, code: 'validation', message: 'x', serverMessages: ['Numéro de série requis'] }))).toBe('Numéro de série requis');
    expect(failureMessage(new ApiError({ status: 0, code: 'timeout', message: 'x' }))).toBe('Le serveur n’a pas répondu à temps.');
  });

  it('an expired session opens the dialog state and pauses the live stream; a 403 toasts when the caller asks', async () => {
    // Toasts go through the lazy Notify: stand in for the plugin it loads.
    const notify = vi.fn();
    const plugin = { install: ({ $q }: { $q: QVueGlobals }) => void ($q.notify = notify as never) };
    installLazyNotify({} as QVueGlobals, {}, () => Promise.resolve({ Notify: plugin }));
    const stop = vi.spyOn(useLiveStore(), 'stop');
    fetchMock.mockResolvedValueOnce(json(401, {}));
    await expect(request('/erp/resource/Customer')).rejects.toBeInstanceOf(ApiError);
    expect(useSessionStore().expired).toBe(true);
    expect(stop).toHaveBeenCalledWith('signed-out');
    expect(notify).not.toHaveBeenCalled();

    fetchMock.mockResolvedValueOnce(json(403, { error: 'forbidden', message: 'Capacité manquante', missing: ['users.manage'] }));
    await expect(request('/hub/auth/users', { method: 'POST', json: {}, toast: true })).rejects.toBeInstanceOf(ApiError);
    await vi.waitFor(() =>
      expect(notify).toHaveBeenCalledWith(expect.objectContaining({ type: 'warning', message: expect.stringContaining('Gérer les utilisateurs') })),
    );
  });
});
