// A customer's text reaches the assignee of their open ticket as a toast, once per message, with a
// link to the client's file; nobody else is bothered.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { Router } from 'vue-router';
import { useSessionStore } from '@/shared/session/useSessionStore';

const handlers = vi.hoisted(() => [] as ((d: unknown) => void)[]);
const toasts = vi.hoisted(() => [] as { message?: string; caption?: string; actions?: { handler?: () => void }[] }[]);
const asked = vi.hoisted(() => [] as [string, string][]);
vi.mock('@/shared/live', () => ({ useHubEvents: (_e: string, h: (d: unknown) => void) => (handlers.push(h), () => undefined) }));
vi.mock('@/shared/ui/lazyNotify', () => ({ notify: (o: (typeof toasts)[number]) => (toasts.push(o), () => undefined) }));
vi.mock('../api/ticketSmsNoticeApi', () => ({
  fetchMyOpenTickets: (customer: string, user: string) => (asked.push([customer, user]), Promise.resolve(customer === 'CUST-00001' ? [{ name: 'ISS-000001', subject: 'Internet lent le soir', customer }] : [])),
}));

const inbound = (sid: string, customer: string) => ({ action: 'created', customer, message: { sid, customer, direction: 'inbound', body: 'Oui,\nje serai là' } });

beforeAll(() => {
  setActivePinia(createPinia());
  useSessionStore().user = { email: 'support@gigafibre.ca', name: 'Nadia Bouchard', username: 'support', groups: [], capabilities: ['tickets.view'] };
});

describe('inbound SMS notices', () => {
  it('toasts the assignee once per text, with the ticket and the text, and opens the client’s file', async () => {
    const push = vi.fn(() => Promise.resolve());
    const { startInboundSmsNotices } = await import('./startInboundSmsNotices');
    startInboundSmsNotices({ push } as unknown as Router);
    const deliver = (d: unknown) => handlers.forEach((h) => h(d));
    deliver(inbound('SM1', 'CUST-00001'));
    deliver(inbound('SM1', 'CUST-00001')); // replayed after a resume
    deliver(inbound('SM2', 'CUST-00002')); // no ticket of mine
    deliver({ action: 'updated', customer: 'CUST-00001', message: { sid: 'SM3', direction: 'outbound-api' } });
    await vi.waitFor(() => expect(toasts).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 10));
    expect(toasts).toHaveLength(1);
    expect(asked).toEqual([
      ['CUST-00001', 'support@gigafibre.ca'],
      ['CUST-00002', 'support@gigafibre.ca'],
    ]);
    expect(toasts[0]).toMatchObject({ message: 'Texto du client : Internet lent le soir', caption: 'Oui, je serai là' });
    toasts[0]?.actions?.[0]?.handler?.();
    expect(push).toHaveBeenCalledWith({ name: 'client', params: { id: 'CUST-00001' } });
  });
});
