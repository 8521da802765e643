// @vitest-environment jsdom
// The composables against a mocked http layer and the real live store: two components share one
// request, a write updates both, a live change refetches what it concerns, unmounting releases.
/* eslint-disable vue/one-component-per-file -- two minimal host components, defined where they are used */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { DocChangeEvent } from '@gigafibre/contracts';
import { useLiveStore, type LiveSubscription } from '../live';
import { documentCache } from './documentCache';
import { saveDoc } from './documentWrites';
import { useDoc, useDocList } from './useDocuments';

const http = vi.hoisted(() => ({ erpGet: vi.fn(), erpList: vi.fn(), erpUpdate: vi.fn() }));
vi.mock('../http', () => ({ ...http, erpInsert: vi.fn(), erpDelete: vi.fn(), callMethod: vi.fn() }));

const settle = async () => {
  for (let i = 0; i < 4; i += 1) await new Promise((r) => setTimeout(r, 0));
  await nextTick();
};
const change = (over: Partial<DocChangeEvent>): DocChangeEvent => ({ doctype: 'Issue', name: 'ISS-1', action: 'update', changed: [], by: null, at: '', ...over });

let feed: LiveSubscription | undefined;
beforeEach(() => {
  setActivePinia(createPinia());
  const live = useLiveStore();
  const subscribe = live.subscribe;
  vi.spyOn(live, 'subscribe').mockImplementation((sub) => {
    feed = sub;
    return subscribe(sub);
  });
  documentCache.clear();
});
afterEach(() => vi.clearAllMocks());

const TicketList = defineComponent({
  props: { customer: { type: String, required: true } },
  setup(props) {
    const list = useDocList('Issue', () => ({ fields: ['name', 'subject', 'modified'], filters: [['customer', '=', props.customer]], limit: 50 }));
    return () => h('ul', (list.data.value ?? []).map((r) => h('li', r.subject)));
  },
});
const Ticket = defineComponent({
  setup() {
    const doc = useDoc('Issue', () => 'ISS-1');
    return () => h('p', doc.data.value?.subject ?? '…');
  },
});

describe('useDoc / useDocList', () => {
  it('shares one request between two components asking the same list', async () => {
    http.erpList.mockResolvedValue([{ name: 'ISS-1', subject: 'Pas de signal', modified: 'm1' }]);
    const a = mount(TicketList, { props: { customer: 'CUST-1' } });
    const b = mount(TicketList, { props: { customer: 'CUST-1' } });
    await settle();
    expect(http.erpList).toHaveBeenCalledTimes(1);
    expect(a.text()).toBe('Pas de signal');
    expect(b.text()).toBe('Pas de signal');
    a.unmount();
    b.unmount();
  });

  it('a save shows the answer in the document and in the list, with no refetch', async () => {
    http.erpList.mockResolvedValue([{ name: 'ISS-1', subject: 'Pas de signal', modified: 'm1' }]);
    http.erpGet.mockResolvedValue({ name: 'ISS-1', subject: 'Pas de signal', customer: 'CUST-1', modified: 'm1' });
    const list = mount(TicketList, { props: { customer: 'CUST-1' } });
    const doc = mount(Ticket);
    await settle();
    http.erpUpdate.mockResolvedValue({ name: 'ISS-1', subject: 'Signal faible', customer: 'CUST-1', modified: 'm2' });
    await saveDoc('Issue', 'ISS-1', { subject: 'Signal faible' }, { modified: 'm1' });
    expect(http.erpUpdate).toHaveBeenCalledWith('Issue', 'ISS-1', { subject: 'Signal faible', modified: 'm1' }, {});
    await settle();
    expect(list.text()).toBe('Signal faible');
    expect(doc.text()).toBe('Signal faible');
    // The live event of our own write brings nothing new.
    feed?.onEvent(change({ modified: 'm2', refs: [{ doctype: 'Customer', name: 'CUST-1' }] }));
    await new Promise((r) => setTimeout(r, 60));
    expect(http.erpList).toHaveBeenCalledTimes(1);
    expect(http.erpGet).toHaveBeenCalledTimes(1);
    list.unmount();
    doc.unmount();
  });

  it('a live change refetches the lists it may enter, not another client’s; unmounted lists are released', async () => {
    http.erpList.mockResolvedValue([]);
    const list = mount(TicketList, { props: { customer: 'CUST-1' } });
    await settle();
    feed?.onEvent(change({ name: 'ISS-7', action: 'insert', modified: 'm1', refs: [{ doctype: 'Customer', name: 'CUST-2' }] }));
    await new Promise((r) => setTimeout(r, 60));
    expect(http.erpList).toHaveBeenCalledTimes(1);
    http.erpList.mockResolvedValue([{ name: 'ISS-8', subject: 'Nouveau', modified: 'm1' }]);
    feed?.onEvent(change({ name: 'ISS-8', action: 'insert', modified: 'm1', refs: [{ doctype: 'Customer', name: 'CUST-1' }] }));
    await new Promise((r) => setTimeout(r, 60));
    await settle();
    expect(http.erpList).toHaveBeenCalledTimes(2);
    expect(list.text()).toBe('Nouveau');
    list.unmount();
    feed?.onEvent(change({ name: 'ISS-9', action: 'insert', refs: [{ doctype: 'Customer', name: 'CUST-1' }] }));
    expect(documentCache.size).toBe(0);
  });
});
