// @vitest-environment jsdom
// Customer-controlled text (SSIDs, host names) is shown as text, and stations are listed weakest
// first with their signal in words.
import { beforeAll, describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { i18n, loadFeatureMessages } from '@/i18n';
import DiagnosticsWifiCard from './DiagnosticsWifiCard.vue';

beforeAll(() => loadFeatureMessages('diagnostics'));

const EVIL = '<img src=x onerror="window.__pwned=1">';

describe('DiagnosticsWifiCard', () => {
  it('renders SSIDs and host names as text, never as markup', () => {
    const wrapper = mount(DiagnosticsWifiCard, {
      global: { plugins: [i18n] },
      props: {
        wifi: {
          radios: [{ band: '2.4GHz', channel: 6, ssids: [{ ssid: EVIL, enabled: true }, { ssid: 'Invités', enabled: false }] }],
          clients: [{ mac: '02:00:00:00:00:01', hostName: `<b>${EVIL}</b>`, band: '2.4GHz', signalDbm: -50, rxRateMbps: 72.2, txRateMbps: 144.4 }],
        },
      },
    });
    expect(wrapper.find('img').exists()).toBe(false);
    expect(wrapper.find('b').exists()).toBe(false);
    expect(wrapper.get('[data-testid="diagnostics-ssid"]').text()).toBe(EVIL);
    expect(wrapper.get('[data-testid="diagnostics-client-name"]').text()).toBe(`<b>${EVIL}</b>`);
    expect(wrapper.text()).toContain('2,4 GHz');
    expect(wrapper.text()).toContain('canal 6');
    expect(wrapper.text()).toContain('Invités (désactivé)');
  });

  it('lists stations weakest first, with the signal in words and the rates', () => {
    const wrapper = mount(DiagnosticsWifiCard, {
      global: { plugins: [i18n] },
      props: {
        wifi: {
          radios: [{ band: '5GHz', channel: 36, ssids: [{ ssid: 'Maison', enabled: true }] }],
          clients: [
            { mac: '02:00:00:00:00:01', hostName: 'iPhone', band: '5GHz', signalDbm: -45, rxRateMbps: 433.3, txRateMbps: 866.7 },
            { mac: '02:00:00:00:00:02', hostName: null, band: '5GHz', signalDbm: -81, rxRateMbps: 6, txRateMbps: 12 },
            { mac: '02:00:00:00:00:03', hostName: 'Roku', band: '5GHz', signalDbm: -66, rxRateMbps: 72, txRateMbps: 65 },
          ],
        },
      },
    });
    const rows = wrapper.findAll('[data-testid="diagnostics-client"]');
    expect(rows.map((r) => r.attributes('data-quality'))).toEqual(['weak', 'fair', 'good']);
    expect(rows[0]?.text()).toContain('Appareil sans nom');
    expect(rows[0]?.text()).toContain('-81 dBm');
    expect(rows[0]?.text()).toContain('Faible');
    expect(rows[2]?.text()).toContain('Débit ↓ 867 Mbit/s · ↑ 433 Mbit/s');
    expect(wrapper.text()).toContain('Appareils connectés (3)');
  });

  it('says when the device has no Wi-Fi at all', () => {
    const wrapper = mount(DiagnosticsWifiCard, { global: { plugins: [i18n] }, props: { wifi: { radios: [], clients: [] } } });
    expect(wrapper.text()).toContain('Pas de Wi-Fi sur cet appareil');
  });
});
