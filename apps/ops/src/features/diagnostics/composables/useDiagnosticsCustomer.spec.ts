// Whose device: the link's customer first, else ERPNext by the serial typed, else by the device
// the hub resolved it to (a mesh node → its router); ERPNext failing leaves it "unknown", quietly.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, ref, shallowRef } from 'vue';
import { flushPromises } from '@vue/test-utils';
import type { DeviceLookup } from '@gigafibre/contracts';
import { makeLookup } from '../testing/makeLookup';
import { useDiagnosticsCustomer } from './useDiagnosticsCustomer';

vi.mock('../api/diagnosticsApi', () => ({ customerName: vi.fn(), customerForSerials: vi.fn() }));
const api = await import('../api/diagnosticsApi');
const customerName = vi.mocked(api.customerName);
const customerForSerials = vi.mocked(api.customerForSerials);

const scopes: ReturnType<typeof effectScope>[] = [];
afterEach(() => scopes.splice(0).forEach((s) => s.stop()));

function setup(serialValue: string, customerValue = '') {
  const serial = ref(serialValue);
  const customerId = ref(customerValue);
  const lookup = shallowRef<DeviceLookup | undefined>(undefined);
  const scope = effectScope();
  scopes.push(scope);
  const state = scope.run(() => useDiagnosticsCustomer(serial, customerId, lookup))!;
  return { serial, customerId, lookup, ...state };
}

describe('useDiagnosticsCustomer', () => {
  it('names the customer the link came with, without searching equipment', async () => {
    customerName.mockResolvedValueOnce('Josée Tremblay');
    const calls = customerForSerials.mock.calls.length;
    const { customer, status } = setup('ALCLB2C4D601', 'CUST-00001');
    expect(status.value).toBe('loading');
    await flushPromises();
    expect(customer.value).toEqual({ id: 'CUST-00001', name: 'Josée Tremblay' });
    expect(status.value).toBe('found');
    expect(customerForSerials.mock.calls.length).toBe(calls);
  });

  it('finds the owner from the serial, then from the resolved router when the serial is unknown', async () => {
    customerForSerials.mockResolvedValueOnce(null).mockResolvedValueOnce({ id: 'CUST-00006', name: 'Geneviève Lévesque' });
    const { customer, status, lookup } = setup('2239921030062');
    await flushPromises();
    expect(status.value).toBe('unknown');
    expect(customerForSerials).toHaveBeenLastCalledWith(['2239921030062']);

    lookup.value = makeLookup({ device: { serial: '2236514010006' } });
    await nextTick();
    await flushPromises();
    expect(customerForSerials).toHaveBeenLastCalledWith(['2236514010006']);
    expect(customer.value?.name).toBe('Geneviève Lévesque');
    expect(status.value).toBe('found');
  });

  it('treats an ERPNext failure as an unknown customer, and drops an answer for a serial no longer shown', async () => {
    let answerFirst: (v: { id: string; name: string }) => void = () => undefined;
    customerForSerials.mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve))).mockRejectedValueOnce(new Error('502'));
    const { serial, customer, status } = setup('ALCLB2C4D601');
    serial.value = 'ALCLC3D5E703';
    await flushPromises();
    expect(status.value).toBe('unknown');
    answerFirst({ id: 'CUST-00001', name: 'Josée Tremblay' });
    await flushPromises();
    expect(customer.value).toBeNull();
    expect(status.value).toBe('unknown');
  });
});
