// @vitest-environment jsdom
// The screen follows the UI language; the ticket summary is always French.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { mount } from '@vue/test-utils';
import { i18n, loadFeatureMessages, setLocale } from '@/i18n';
import { findingText } from '../model/diagnosticsText';
import { useDiagnosticsText } from './useDiagnosticsText';

beforeAll(() => loadFeatureMessages('diagnostics'));
afterEach(() => setLocale('fr-CA', false));

describe('useDiagnosticsText', () => {
  it('speaks the UI language on screen and French in the summary', async () => {
    await setLocale('en-CA', false);
    let kits: ReturnType<typeof useDiagnosticsText> | undefined;
    mount(defineComponent({ setup: () => ((kits = useDiagnosticsText()), () => h('div')) }), { global: { plugins: [i18n] } });
    const finding = { code: 'optical-weak', severity: 'critical', params: { rx: -28.4 } } as const;
    expect(findingText(kits!.kit.value, finding)).toBe('Weak optical signal: likely a dirty connector or a bent fibre (-28.40 dBm)');
    expect(findingText(kits!.frenchKit, finding)).toBe('Signal optique faible : probable connecteur sale ou fibre pliée (-28,40 dBm)');
  });
});
