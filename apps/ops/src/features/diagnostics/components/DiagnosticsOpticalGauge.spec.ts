// @vitest-environment jsdom
// The gauge says in words what it draws: the level, its band and the thresholds.
import { beforeAll, describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { i18n, loadFeatureMessages } from '@/i18n';
import DiagnosticsOpticalGauge from './DiagnosticsOpticalGauge.vue';

beforeAll(() => loadFeatureMessages('diagnostics'));

const gauge = (rxPowerDbm: number | null) =>
  mount(DiagnosticsOpticalGauge, { global: { plugins: [i18n] }, props: { optical: { interface: 'GPON', rxPowerDbm, txPowerDbm: 2.31, status: 'unknown' } } });

describe('DiagnosticsOpticalGauge', () => {
  it('gives the image a full text equivalent and draws the three thresholds', () => {
    const wrapper = gauge(-28.4);
    const svg = wrapper.get('svg');
    expect(svg.attributes('role')).toBe('img');
    expect(svg.attributes('aria-label')).toBe(
      'Puissance reçue -28,40 dBm : Faible. Bon de -25,00 dBm à -8,00 dBm ; limite de -27,00 dBm à -25,00 dBm ; mauvais sous -27,00 dBm ou au-dessus de -8,00 dBm.',
    );
    expect(wrapper.findAll('.diag-gauge__tick text').map((t) => t.text())).toEqual(['-27', '-25', '-8']);
    expect(wrapper.attributes('data-band')).toBe('bad');
    expect(wrapper.get('[data-testid="optical-tx"]').text()).toBe('2,31 dBm');
  });

  it.each([
    [-8, 'good', 'Bon'],
    [-25, 'good', 'Bon'],
    [-27, 'marginal', 'Limite'],
    [-6.5, 'bad', 'Trop fort'],
  ] as const)('puts %s dBm in the %s band (« %s »)', (rx, band, label) => {
    const wrapper = gauge(rx);
    expect(wrapper.attributes('data-band')).toBe(band);
    expect(wrapper.get('[data-testid="optical-reading"]').text()).toBe(label);
  });

  it('draws no marker without a reading, and says so', () => {
    const wrapper = gauge(null);
    expect(wrapper.find('[data-testid="optical-marker"]').exists()).toBe(false);
    expect(wrapper.get('svg').attributes('aria-label')).toBe('Aucune mesure de puissance reçue.');
  });
});
