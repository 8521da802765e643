// @vitest-environment jsdom
// The « Inviter » dialog's content against a mocked hub: French messages before anything is sent,
// the 409 on the e-mail field, 201 vs 207 told apart, an unknown outcome said as such, and the
// temporary password gone once the dialog's content is unmounted.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import type { InviteUserResult } from '@gigafibre/contracts';
import { i18n, loadFeatureMessages } from '@/i18n';
import { ApiError } from '@/shared/http';
import { resetGroupMap } from '../composables/useGroupMap';
import UsersInviteCard from './UsersInviteCard.vue';

vi.mock('../api/usersApi', () => ({ inviteUser: vi.fn(), listUsers: vi.fn(), updateUser: vi.fn(), getGroupMap: vi.fn(() => Promise.reject(new Error('no config'))) }));
const api = await import('../api/usersApi');
const inviteUser = vi.mocked(api.inviteUser);
const getGroupMap = vi.mocked(api.getGroupMap);

const PASSWORD = 'Qz7Wk2Hp9Rt4';
const answer = (partial = false): InviteUserResult => ({
  user: { pk: 7, username: 'marie', email: 'marie@gigafibre.ca', name: 'Marie Tremblay', groups: ['ops-tech'], is_active: true, created: '2025-11-26T12:00:00Z', last_login: null },
  temporary_password: PASSWORD,
  steps: { authentik: 'created', erpnext: partial ? 'failed' : 'created', email: 'sent' },
  warnings: partial ? ['Utilisateur ERPNext non créé (existe déjà).'] : [],
});

beforeAll(() => loadFeatureMessages('users'));
// No mockReset/mockClear in a beforeEach: with vitest 4.1 that makes a rejected mock promise
// (caught by the component) fail the test as if it were unhandled. Calls are counted per test.
afterEach(() => {
  document.body.innerHTML = '';
});

function mountCard() {
  return mount(UsersInviteCard, { global: { plugins: [i18n] }, attachTo: document.body });
}

async function fill(wrapper: ReturnType<typeof mountCard>, email: string, name: string, groups: string[]) {
  await wrapper.get('[data-testid="invite-email"]').setValue(email);
  await wrapper.get('[data-testid="invite-name"]').setValue(name);
  for (const group of groups) await wrapper.get(`[data-group="${group}"] [role="checkbox"]`).trigger('click');
}

const submit = async (wrapper: ReturnType<typeof mountCard>) => {
  await wrapper.get('form').trigger('submit');
  await flushPromises();
};

describe('UsersInviteCard', () => {
  it('offers the groups of the map the BFF enforces (OPS_GROUP_MAP_FILE), described from it', async () => {
    resetGroupMap();
    getGroupMap.mockResolvedValueOnce({ 'ops-admin': ['users.manage'], 'ops-noc': ['diagnostics.view', 'diagnostics.act'] });
    const wrapper = mountCard();
    await flushPromises();
    const groups = wrapper.findAll('[data-group]').map((row) => row.attributes('data-group'));
    expect(groups).toEqual(['ops-admin', 'ops-noc']);
    const noc = wrapper.get('[data-group="ops-noc"]').text();
    expect(noc).not.toContain('Groupe géré dans Authentik');
    expect(noc).toMatch(/diagnostic/i);
    expect(wrapper.get('[data-group="ops-admin"]').text()).not.toContain('Tout, y compris');
    wrapper.unmount();
    resetGroupMap();
  });

  it('shows every problem in French and sends nothing', async () => {
    const calls = inviteUser.mock.calls.length;
    const wrapper = mountCard();
    await submit(wrapper);
    expect(wrapper.text()).toContain('Entrez l’adresse courriel.');
    expect(wrapper.text()).toContain('Entrez le nom complet.');
    expect(wrapper.text()).toContain('Choisissez au moins un groupe.');
    await fill(wrapper, 'marie@gigafibre', 'Marie', []);
    await flushPromises();
    expect(wrapper.text()).toContain('Adresse courriel invalide');
    expect(inviteUser.mock.calls.length).toBe(calls);
    wrapper.unmount();
  });

  it('sends a tidy request and shows the password once the hub answers 201', async () => {
    inviteUser.mockResolvedValue(answer());
    const wrapper = mountCard();
    await fill(wrapper, ' Marie@GigaFibre.ca ', '  Marie   Tremblay ', ['ops-tech']);
    await submit(wrapper);
    expect(inviteUser.mock.lastCall).toEqual([{ email: 'marie@gigafibre.ca', name: 'Marie Tremblay', groups: ['ops-tech'] }]);
    expect(wrapper.emitted('created')).toHaveLength(1);
    expect(wrapper.get('h2').text()).toBe('Invitation envoyée');
    expect(wrapper.get('[data-testid="temporary-password"]').text().replace(/\s/g, '')).toBe(PASSWORD);
    expect(wrapper.get('[data-testid="invite-email-note"]').text()).toContain('envoyé par courriel à marie@gigafibre.ca');
    // Closing the dialog unmounts its content: nothing of the password is left.
    wrapper.unmount();
    expect(document.body.innerHTML).not.toContain(PASSWORD.slice(0, 4));
  });

  it('never calls a 207 a success: it says what failed and what to do', async () => {
    inviteUser.mockResolvedValue(answer(true));
    const wrapper = mountCard();
    await fill(wrapper, 'marie@gigafibre.ca', 'Marie Tremblay', ['ops-tech']);
    await submit(wrapper);
    expect(wrapper.get('h2').text()).toBe('Invitation incomplète');
    expect(wrapper.text()).not.toContain('Invitation envoyée');
    expect(wrapper.get('[data-step="erpnext"]').text()).toContain('non créé');
    expect(wrapper.get('[data-testid="invite-next-steps"]').text()).toContain('Créez ou liez à la main l’utilisateur ERPNext marie@gigafibre.ca');
    expect(wrapper.text()).toContain('Utilisateur ERPNext non créé (existe déjà).');
    wrapper.unmount();
  });

  it('puts a 409 on the e-mail field, until the address changes', async () => {
    inviteUser.mockRejectedValue(new ApiError({ status: 409, code: 'conflict', message: 'Un utilisateur existe déjà avec le courriel marie@gigafibre.ca' }));
    const wrapper = mountCard();
    await fill(wrapper, 'marie@gigafibre.ca', 'Marie', ['ops-tech']);
    await submit(wrapper);
    expect(wrapper.text()).toContain('Un compte existe déjà avec cette adresse.');
    expect(document.activeElement).toBe(wrapper.get('[data-testid="invite-email"]').element);
    await wrapper.get('[data-testid="invite-email"]').setValue('marie2@gigafibre.ca');
    expect(wrapper.text()).not.toContain('Un compte existe déjà avec cette adresse.');
    wrapper.unmount();
  });

  it('says the outcome is unknown after a timeout, and asks the page to reload its list', async () => {
    inviteUser.mockRejectedValue(new ApiError({ status: 0, code: 'timeout', message: 'Le serveur n’a pas répondu à temps.' }));
    const wrapper = mountCard();
    await fill(wrapper, 'marie@gigafibre.ca', 'Marie', ['ops-tech']);
    await submit(wrapper);
    expect(wrapper.get('[data-testid="invite-failure"]').text()).toContain('l’invitation a peut-être été créée');
    expect(wrapper.emitted('outcomeUnknown')).toHaveLength(1);
    expect(wrapper.emitted('created')).toBeUndefined();
    wrapper.unmount();
  });

  it('locks the dialog while the password is shown and forgets it on « inviter une autre personne »', async () => {
    inviteUser.mockResolvedValue(answer());
    const wrapper = mountCard();
    await fill(wrapper, 'marie@gigafibre.ca', 'Marie', ['ops-tech']);
    await submit(wrapper);
    expect(wrapper.emitted('update:locked')?.at(-1)).toEqual([true]);
    const another = wrapper.findAll('button').find((b) => b.text().includes('Inviter une autre personne'));
    await another?.trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="temporary-password"]').exists()).toBe(false);
    expect((wrapper.get('[data-testid="invite-email"]').element as HTMLInputElement).value).toBe('');
    expect(wrapper.emitted('update:locked')?.at(-1)).toEqual([false]);
    wrapper.unmount();
  });
});
