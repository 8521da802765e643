// @vitest-environment jsdom
// A text of the thread: who wrote it, its live status, and a failure in words.
import { beforeAll, describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { i18n, loadFeatureMessages } from '@/i18n';
import type { ThreadItem } from '../model/conversationThread';
import ClientSmsMessage from './ClientSmsMessage.vue';

beforeAll(() => loadFeatureMessages('clients'));

const item = (over: Partial<ThreadItem>): ThreadItem => ({
  key: 'SM1',
  direction: 'out',
  body: 'Bonjour',
  at: '2026-12-07T15:00:00.000Z',
  by: 'Nadia Bouchard',
  status: 'delivered',
  errorCode: null,
  reason: null,
  template: null,
  number: '+15145550142',
  ...over,
});
const show = (over: Partial<ThreadItem>) => mount(ClientSmsMessage, { props: { item: item(over) }, global: { plugins: [i18n] } });

describe('a text of the thread', () => {
  it('names our sender and the status; the customer’s texts carry no status', () => {
    const ours = show({});
    expect(ours.text()).toContain('Nadia Bouchard');
    expect(ours.get('[data-testid="sms-status"]').text()).toContain('Livré');
    const theirs = show({ direction: 'in', by: null, status: 'received' });
    expect(theirs.text()).toContain('Client');
    expect(theirs.find('[data-testid="sms-status"]').exists()).toBe(false);
    expect(show({ by: null }).text()).toContain('Envoi automatique');
  });

  it('explains a carrier failure in French, and an unknown code with its number', () => {
    expect(show({ status: 'undelivered', errorCode: 30003 }).get('[data-testid="sms-failure"]').text()).toBe('Le téléphone du client est injoignable (éteint ou hors réseau).');
    expect(show({ status: 'failed', errorCode: 30999 }).get('[data-testid="sms-failure"]').text()).toBe('Le texto n’a pas été livré (code Twilio 30999).');
  });

  it('shows a waiting text as « en attente » with why, and a refused one with the hub’s reason and « Retirer »', async () => {
    const waiting = show({ status: 'waiting' });
    expect(waiting.get('[data-testid="sms-status"]').text()).toContain('En attente');
    expect(waiting.text()).toContain('sans envoi en double');
    const refused = show({ status: 'refused', reason: 'Ce numéro a demandé à ne plus recevoir de textos (STOP).' });
    expect(refused.get('[data-testid="sms-failure"]').text()).toContain('STOP');
    await refused.get('[data-testid="sms-dismiss"]').trigger('click');
    expect(refused.emitted('dismiss')).toEqual([['SM1']]);
  });
});
