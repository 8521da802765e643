// @vitest-environment jsdom
// Actions follow the capability: read-only users get no device buttons; a reboot is confirmed
// with the customer and device named, and its outcome is explained.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type * as QuasarModule from 'quasar';
import type { Capability } from '@gigafibre/capabilities';
import type { DeviceTaskResult } from '@gigafibre/contracts';
import { i18n, loadFeatureMessages } from '@/i18n';
import { useSessionStore } from '@/shared/session/useSessionStore';
import { makeLookup } from '../testing/makeLookup';
import DiagnosticsActions from './DiagnosticsActions.vue';

vi.mock('../api/diagnosticsApi', () => ({ runDeviceTask: vi.fn() }));
const api = await import('../api/diagnosticsApi');
const runDeviceTask = vi.mocked(api.runDeviceTask);

const dialog = vi.fn();
vi.mock('quasar', async (original) => {
  const quasar = await original<typeof QuasarModule>();
  return { ...quasar, useQuasar: () => ({ ...quasar.useQuasar(), dialog, notify: vi.fn() }) };
});

beforeAll(() => loadFeatureMessages('diagnostics'));
beforeEach(() => setActivePinia(createPinia()));
afterEach(() => {
  document.body.innerHTML = '';
  dialog.mockReset();
});

function signIn(capabilities: Capability[]): void {
  useSessionStore().user = { email: 'a@gigafibre.ca', name: 'A', username: 'a', groups: [], capabilities };
}

function mountActions(reload = vi.fn().mockResolvedValue(undefined)) {
  const { device } = makeLookup();
  return mount(DiagnosticsActions, {
    global: { plugins: [i18n] },
    props: { device, customerName: 'Josée Tremblay', reload, summary: () => 'résumé' },
  });
}

const result = (status: DeviceTaskResult['status']): DeviceTaskResult => ({ status, task: { _id: '1', name: 'reboot', device: 'd', timestamp: '2025-11-26T19:05:00Z' } });

describe('DiagnosticsActions', () => {
  it('shows no device action without diagnostics.act, only the summary and why', () => {
    signIn(['diagnostics.view']);
    const wrapper = mountActions();
    expect(wrapper.find('[data-testid="diagnostics-refresh"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="diagnostics-reboot"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="diagnostics-copy"]').exists()).toBe(true);
    expect(wrapper.get('[data-testid="diagnostics-read-only"]').text()).toContain('Agir sur les appareils');
  });

  it('confirms a reboot naming the customer and the device, then says it is queued', async () => {
    signIn(['diagnostics.view', 'diagnostics.act']);
    let confirm: () => void = () => undefined;
    dialog.mockImplementation(() => ({ onOk: (fn: () => void) => (confirm = fn) }));
    runDeviceTask.mockResolvedValueOnce(result('queued'));
    const wrapper = mountActions();
    await wrapper.get('[data-testid="diagnostics-reboot"]').trigger('click');
    expect(dialog).toHaveBeenCalledTimes(1);
    const options = dialog.mock.calls[0]?.[0] as { message: string; html: boolean; focus: string };
    expect(options.message).toBe('Redémarrer TP-Link XX230v (2241508020002) de Josée Tremblay ? Sa connexion Internet sera coupée 2 à 3 minutes.');
    expect(options.html).toBe(false);
    expect(options.focus).toBe('cancel');
    expect(runDeviceTask).not.toHaveBeenCalled();

    confirm();
    await flushPromises();
    expect(runDeviceTask).toHaveBeenCalledWith('E848B8-XX230v-2241508020002', 'reboot');
    expect(wrapper.get('[data-testid="diagnostics-outcome"]').attributes('data-outcome')).toBe('queued');
    expect(wrapper.get('[data-testid="diagnostics-outcome-text"]').text()).toBe('L’appareil n’a pas répondu ; la tâche s’exécutera à sa prochaine connexion.');
  });

  it('reloads the panel after a refresh', async () => {
    signIn(['diagnostics.view', 'diagnostics.act']);
    runDeviceTask.mockResolvedValueOnce(result('done'));
    const reload = vi.fn().mockResolvedValue(undefined);
    const wrapper = mountActions(reload);
    await wrapper.get('[data-testid="diagnostics-refresh"]').trigger('click');
    await flushPromises();
    expect(runDeviceTask).toHaveBeenLastCalledWith('E848B8-XX230v-2241508020002', 'refreshObject');
    expect(reload).toHaveBeenCalledTimes(1);
    expect(wrapper.get('[data-testid="diagnostics-outcome-text"]').text()).toBe('Rafraîchissement terminé : les données sont à jour.');
  });
});
