// @vitest-environment jsdom
// The composer says why a text cannot leave before anything is sent, counts GSM-7 / UCS-2 live,
// fills templates in the customer's language, and hands a text to the outbox once per press.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { NumberOptState } from '@gigafibre/contracts';
import { i18n, loadFeatureMessages } from '@/i18n';
import { useSessionStore } from '@/shared/session/useSessionStore';
import type { SmsOutboxRecord } from '../model/smsOutboxRecord';
import ClientSmsComposer from './ClientSmsComposer.vue';

const sent = vi.hoisted(() => [] as SmsOutboxRecord[]);
vi.mock('../api/clientMessagesApi', () => ({
  sendRecord: (r: SmsOutboxRecord) => (sent.push(r), Promise.resolve({ sid: `SM${sent.length}`, customer: r.customer })),
}));

beforeAll(() => loadFeatureMessages('clients'));
beforeEach(() => {
  sent.length = 0;
  setActivePinia(createPinia());
});

function mountComposer(props: Partial<{ mobile: string | null; language: 'fr-CA' | 'en-CA'; opt: NumberOptState | null }> = {}) {
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessionStore().user = { email: 'support@gigafibre.ca', name: 'Sophie Tremblay', username: 'support', groups: [], capabilities: ['clients.view'] };
  return mount(ClientSmsComposer, {
    props: { customer: 'CUST-00001', mobile: '514 555-0142', language: 'fr-CA', opt: null, values: { client_first_name: 'Marie-Ève' }, ...props },
    global: { plugins: [pinia, i18n] },
    attachTo: document.body,
  });
}

describe('SMS composer', () => {
  it('says the customer replied STOP, and when, before anything is typed; no field to type in', () => {
    const w = mountComposer({ opt: { number: '+15145550142', opted_out: true, since: '2026-12-01T15:00:00.000Z', keyword: 'ARRÊT' } });
    expect(w.get('[data-testid="sms-refusal"]').text()).toMatch(/a répondu « ARRÊT » le 1 déc\. 2026 .*START/);
    expect(w.find('[data-testid="sms-input"]').exists()).toBe(false);
  });

  it('refuses a number that is not a valid North American one', () => {
    const w = mountComposer({ mobile: '555-01' });
    expect(w.get('[data-testid="sms-refusal"]').text()).toContain('555-01 n’est pas un numéro nord-américain valide');
  });

  it('counts live, and names the characters that forced UCS-2', async () => {
    const w = mountComposer();
    await w.get('textarea').setValue('Votre fenêtre');
    const counter = w.get('[data-testid="sms-counter"]');
    expect(counter.attributes('data-encoding')).toBe('UCS-2');
    expect(counter.text()).toContain('13 caractères · 1 segment(s) · UCS-2');
    expect(w.get('[data-testid="sms-ucs2"]').text()).toContain('ê');
    await w.get('textarea').setValue('Votre fenetre');
    expect(w.get('[data-testid="sms-counter"]').attributes('data-encoding')).toBe('GSM-7');
    expect(w.find('[data-testid="sms-ucs2"]').exists()).toBe(false);
  });

  it('refuses an empty text and one past 10 segments with the reason, sending nothing', async () => {
    const w = mountComposer();
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(w.text()).toContain('Le message est vide.');
    await w.get('textarea').setValue('a'.repeat(1531));
    expect(w.text()).toContain('Le message dépasse 10 segments (11)');
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(sent).toEqual([]);
  });

  it('sends once per press, with a key chosen before it leaves, and clears the field', async () => {
    const w = mountComposer();
    await w.get('textarea').setValue('Bonjour, le technicien passe demain.');
    await w.get('textarea').trigger('keydown', { key: 'Enter', ctrlKey: true });
    // The record is written to IndexedDB first (fake-indexeddb answers on later ticks).
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ customer: 'CUST-00001', to: '+15145550142', body: 'Bonjour, le technicien passe demain.', user: 'support@gigafibre.ca', template: null });
    expect(sent[0]?.key).toMatch(/^[0-9a-f-]{36}$/);
    expect((w.get('textarea').element as HTMLTextAreaElement).value).toBe('');
  });

  it('fills a template in the customer’s language, or says which values it lacks', async () => {
    const fr = mountComposer();
    await fr.findComponent({ name: 'QSelect' }).vm.$emit('update:model-value', 'generic');
    expect((fr.get('textarea').element as HTMLTextAreaElement).value).toBe('Bonjour Marie-Ève, ');
    await fr.findComponent({ name: 'QSelect' }).vm.$emit('update:model-value', 'en_route');
    expect(fr.get('[data-testid="sms-template-missing"]').text()).toBe('Ce modèle demande : le prénom du technicien, la plage d’arrivée.');
    const en = mountComposer({ language: 'en-CA' });
    await en.findComponent({ name: 'QSelect' }).vm.$emit('update:model-value', 'generic');
    expect((en.get('textarea').element as HTMLTextAreaElement).value).toBe('Hello Marie-Ève, ');
  });
});
