// @vitest-environment jsdom
// The thread reads page one, then keeps itself current from the hub's events for this client only;
// the number's opt-out state follows `number_opt`; « plus anciens » appends the next page.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, ref } from 'vue';
import { createPinia, setActivePinia } from 'pinia';
import type { Message } from '@gigafibre/contracts';
import { useClientConversation } from './useClientConversation';

const msg = (sid: string, minute: number, over: Partial<Message> = {}): Message => {
  const at = `2026-12-07T15:${String(minute).padStart(2, '0')}:00.000Z`;
  return { sid, customer: 'CUST-00001', direction: 'outbound-api', from: '+15145550000', to: '+15145550142', body: sid, status: 'sent', error_code: null, segments: 1, encoding: 'GSM-7', sent_by: null, template: null, job: null, idempotency_key: null, date_created: at, date_updated: at, ...over };
};

const api = vi.hoisted(() => ({ pages: new Map<string | null, { messages: Message[]; next_before: string | null }>(), opted: false }));
vi.mock('../api/clientMessagesApi', () => ({
  fetchThreadPage: (_c: string, before: string | null) => Promise.resolve(api.pages.get(before) ?? { messages: [], next_before: null }),
  fetchOptState: (number: string) => Promise.resolve({ number, opted_out: api.opted, since: null, keyword: null }),
  sendRecord: () => Promise.reject(new Error('not in this spec')),
}));

beforeEach(() => setActivePinia(createPinia()));

/** The hub's named events, handed to `useHubEvents` subscribers as the live store would. */
const handlers = vi.hoisted(() => new Map<string, ((d: unknown) => void)[]>());
const emit = (event: string, data: unknown) => {
  for (const handler of handlers.get(event) ?? []) handler(data);
};
vi.mock('@/shared/live', () => ({
  useHubEvents: (event: string, onEvent: (d: unknown) => void) => {
    handlers.set(event, [...(handlers.get(event) ?? []), onEvent]);
    return () => undefined;
  },
}));

describe('useClientConversation', () => {
  it('reads page one, takes this client’s live messages only, pages back, and follows the opt-out state', async () => {
    handlers.clear();
    api.pages.set(null, { messages: [msg('SM3', 3), msg('SM2', 2)], next_before: 'c2' });
    api.pages.set('c2', { messages: [msg('SM1', 1)], next_before: null });
    const scope = effectScope();
    const c = scope.run(() => useClientConversation(() => 'CUST-00001', ref('514 555-0142')))!;
    await vi.waitFor(() => expect(c.loaded.value).toBe(true));
    expect(c.thread.value.map((i) => i.key)).toEqual(['SM2', 'SM3']);
    expect(c.hasOlder.value).toBe(true);

    emit('message', { action: 'updated', customer: 'CUST-00001', message: msg('SM3', 3, { status: 'delivered', date_updated: '2026-12-07T15:03:05.000Z' }) });
    emit('message', { action: 'created', customer: 'CUST-00001', message: msg('SM4', 4, { direction: 'inbound', from: '+15145550142', to: '+15145550000' }) });
    emit('message', { action: 'created', customer: 'CUST-00002', message: msg('SM9', 5, { customer: 'CUST-00002' }) });
    emit('message', { nonsense: true });
    expect(c.thread.value.map((i) => [i.key, i.status, i.direction])).toEqual([
      ['SM2', 'sent', 'out'],
      ['SM3', 'delivered', 'out'],
      ['SM4', 'sent', 'in'],
    ]);

    await c.loadOlder();
    expect(c.thread.value.map((i) => i.key)).toEqual(['SM1', 'SM2', 'SM3', 'SM4']);
    expect(c.hasOlder.value).toBe(false);

    await vi.waitFor(() => expect(c.opt.value?.opted_out).toBe(false));
    emit('number_opt', { customers: ['CUST-00001'], state: { number: '+15145550142', opted_out: true, since: '2026-12-07T15:06:00.000Z', keyword: 'STOP' } });
    expect(c.opt.value).toMatchObject({ opted_out: true, keyword: 'STOP' });
    scope.stop();
  });
});
