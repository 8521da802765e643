// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useSessionStore } from './useSessionStore';
import { userInitials } from './userInitials';
import { useCan } from './useCan';

const fetchMock = vi.fn<() => Promise<Response>>();
const me = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

beforeEach(() => {
  setActivePinia(createPinia());
  vi.stubGlobal('fetch', fetchMock);
  localStorage.clear();
});
afterEach(() => vi.unstubAllGlobals());

describe('session store', () => {
  it('loads /ops/api/me, keeping only known capabilities', async () => {
    fetchMock.mockResolvedValueOnce(me({ email: 'tech@gigafibre.ca', name: 'Jean-François Roy', username: 'tech', groups: ['ops-tech'], capabilities: ['scan.use', 'diagnostics.view', 'time.travel'] }));
    const session = useSessionStore();
    await session.load();
    expect(session.status).toBe('ready');
    expect(session.user?.capabilities).toEqual(['scan.use', 'diagnostics.view']);
    expect(session.initials).toBe('JR');
    const { can, canAll, canAny } = useCan();
    expect(can('scan.use')).toBe(true);
    expect(can('dispatch.view')).toBe(false);
    expect(canAll(['scan.use', 'diagnostics.view'])).toBe(true);
    expect(canAny(['users.manage', 'scan.use'])).toBe(true);
  });

  it('reports a failed load, and comes back from an expiry when /me answers again', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('offline'));
    const session = useSessionStore();
    await expect(session.load()).rejects.toMatchObject({ code: 'network' });
    expect(session.status).toBe('error');

    const restored = vi.fn();
    session.onRestored(restored);
    session.markExpired();
    fetchMock.mockResolvedValueOnce(me({}, 401));
    expect(await session.recheck()).toBe(false);
    expect(session.expired).toBe(true);
    fetchMock.mockResolvedValueOnce(me({ email: 'a@b.ca', groups: [], capabilities: [] }));
    expect(await session.recheck()).toBe(true);
    expect(session.expired).toBe(false);
    expect(restored).toHaveBeenCalledTimes(1);
  });
});

describe('starting without network', () => {
  it('opens as the last user seen on this device, then asks /me again when the network is back', async () => {
    const tech = { email: 'tech@gigafibre.ca', name: 'Jean-François Roy', username: 'tech', groups: ['ops-tech'], capabilities: ['scan.use'] };
    fetchMock.mockResolvedValueOnce(me(tech));
    await useSessionStore().load();

    setActivePinia(createPinia()); // a new visit, offline
    fetchMock.mockRejectedValueOnce(new TypeError('offline'));
    const session = useSessionStore();
    await session.load();
    expect(session).toMatchObject({ status: 'ready', offlineStart: true });
    expect(session.user?.email).toBe('tech@gigafibre.ca');
    expect(session.can('scan.use')).toBe(true);

    fetchMock.mockResolvedValueOnce(me({ ...tech, capabilities: ['scan.use', 'diagnostics.view'] }));
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(session.offlineStart).toBe(false));
    expect(session.can('diagnostics.view')).toBe(true);
  });

  it('forgets that user when the edge says the session is over', async () => {
    fetchMock.mockResolvedValueOnce(me({ email: 'tech@gigafibre.ca', groups: [], capabilities: ['scan.use'] }));
    await useSessionStore().load();
    setActivePinia(createPinia());
    fetchMock.mockResolvedValueOnce(me({}, 401));
    await expect(useSessionStore().load()).rejects.toMatchObject({ code: 'session-expired' });
    setActivePinia(createPinia());
    fetchMock.mockRejectedValueOnce(new TypeError('offline'));
    await expect(useSessionStore().load()).rejects.toMatchObject({ code: 'network' });
  });
});

describe('userInitials', () => {
  it('takes first and last name initials', () => {
    expect(userInitials('Marie-Ève Tremblay')).toBe('MT');
    expect(userInitials('Chloé Bergeron')).toBe('CB');
    expect(userInitials('élise')).toBe('É');
    expect(userInitials('', 'x@y.ca')).toBe('X');
  });
});
