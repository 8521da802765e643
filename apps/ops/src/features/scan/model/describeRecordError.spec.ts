// @vitest-environment jsdom
// What the technician reads about a failed record: the server's words, and for a 413 or 415 first
// what to do about it; the 429 wait counts down.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { ApiError } from '@/shared/http';
import { i18n, loadFeatureMessages, setLocale } from '@/i18n';
import { afterFailure, markSending } from './scanQueueMachine';
import { newScanRecord, type ScanQueueRecord } from './scanQueueRecord';
import { describeRecordError } from './describeRecordError';
import ScanRateLimitCountdown from '../components/ScanRateLimitCountdown.vue';

const T0 = 1_750_000_000_000;
const t = (key: string, named?: Record<string, unknown>) => i18n.global.t(key, named ?? {});
const link = () =>
  newScanRecord(
    { kind: 'link-equipment', payload: { serial: 'ALCLB2C4D601', mac: null, equipmentType: 'ONT', model: null, manufacturer: null, serviceLocation: 'LOC-000005', source: 'manual' } },
    { user: 'tech@gigafibre.ca', job: 'DJ-000005', now: T0 },
  );
const photo = (bytes: number, type: string) =>
  newScanRecord({ kind: 'ocr', payload: { image: new Blob([new Uint8Array(bytes)], { type }), fileName: 'etiquette.heic' } }, { user: 'tech@gigafibre.ca', job: 'DJ-000005', now: T0 });
const failed = (record: ScanQueueRecord, status: number, code: ApiError['code'], serverMessages: string[] = [], retryAfterMs: number | null = null) =>
  afterFailure(markSending(record, T0), new ApiError({ status, code, message: `m-${code}`, serverMessages, retryAfterMs }), T0 + 100, () => 0);

beforeAll(() => loadFeatureMessages('scan'));
afterEach(async () => {
  await setLocale('fr-CA', false);
  vi.useRealTimers();
});

describe('describeRecordError', () => {
  it('a photo too large (413) says how large and what to do, then the server’s words', async () => {
    const refused = failed(photo(9.5 * 1024 * 1024, 'image/heic'), 413, 'unknown', ['Corps de requête trop volumineux : au plus 8 Mo.']);
    expect(refused.state).toBe('refused');
    expect(describeRecordError(refused, t, 'fr-CA')).toBe(
      'Photo trop volumineuse (9,5\u00a0Mo) : reprenez-la, ou choisissez-en une plus petite. (Serveur : Corps de requête trop volumineux : au plus 8 Mo.)',
    );
    await setLocale('en-CA', false);
    expect(describeRecordError(failed(photo(9.5 * 1024 * 1024, 'image/heic'), 413, 'unknown'), t, 'en-CA')).toBe('Photo too large (9.5 MB): retake it, or choose a smaller one.');
  });

  it('a format refused (415) names it for a photo; other records get the advice without a size', () => {
    expect(describeRecordError(failed(photo(10, 'image/heic'), 415, 'unknown'), t, 'fr-CA')).toBe(
      'Format de photo non accepté (image/heic) : reprenez la photo avec l’appareil photo du téléphone (JPEG ou PNG).',
    );
    expect(describeRecordError(failed(link(), 413, 'unknown'), t, 'fr-CA')).toBe('Données trop volumineuses pour le serveur : corrigez l’envoi ou supprimez-le.');
    expect(describeRecordError(failed(link(), 415, 'unknown'), t, 'fr-CA')).toBe('Format d’envoi refusé par le serveur : supprimez cet envoi et signalez-le au soutien.');
  });

  it('other failures: the server’s words, else the error in the UI language; nothing when none', () => {
    expect(describeRecordError(failed(link(), 417, 'validation', ['Numéro de série défectueux']), t, 'fr-CA')).toBe('Numéro de série défectueux');
    expect(describeRecordError(failed(link(), 0, 'timeout'), t, 'fr-CA')).toBe('Le serveur n’a pas répondu à temps.');
    expect(describeRecordError(link(), t, 'fr-CA')).toBe('');
  });
});

describe('ScanRateLimitCountdown', () => {
  it('counts down the server’s wait, second by second, then says it retries as soon as possible', async () => {
    vi.useFakeTimers({ now: T0 });
    const limited = failed(link(), 429, 'rate-limited', ['Trop de demandes : réessayez dans 3 s.'], 3_000);
    expect(limited).toMatchObject({ state: 'pending', nextAttemptAt: T0 + 3_100 });
    vi.setSystemTime(T0 + 100);
    const wrapper = mount(ScanRateLimitCountdown, { props: { until: limited.nextAttemptAt }, global: { plugins: [i18n] } });
    expect(wrapper.text()).toBe('Trop de requêtes, nouvel essai dans 3\u00a0s');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(wrapper.text()).toBe('Trop de requêtes, nouvel essai dans 2\u00a0s');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(wrapper.text()).toBe('Trop de requêtes, nouvel essai dès que possible');
    await setLocale('en-CA', false);
    await vi.advanceTimersByTimeAsync(0);
    expect(wrapper.text()).toBe('Too many requests, retrying as soon as possible');
    wrapper.unmount();
    expect(vi.getTimerCount()).toBe(0); // stops ticking once gone
  });
});
