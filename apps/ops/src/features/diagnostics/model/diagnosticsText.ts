// Words and numbers for the diagnostics screen and its summary, from a translator and a locale,
// so the same code serves the UI (current language) and the ticket note (always French).
import type { WifiRadio } from '@gigafibre/contracts';
import type { AppLocale } from '@/shared/format';
import type { DurationParts } from './durations';
import { elapsedParts, uptimeParts } from './durations';
import type { Finding } from './diagnosticsVerdict';
import type { OpticalReading } from './opticalBand';
import type { SignalQuality } from './signalQuality';

/** vue-i18n's `t` narrowed to what this module needs. */
export type Translate = (key: string, named?: Record<string, unknown>) => string;

export interface TextKit {
  t: Translate;
  locale: AppLocale;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function number(locale: AppLocale, digits: number, value: number): string {
  const key = `${locale}|${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(key, f);
  }
  return f.format(value);
}

/** « -28,40 dBm » (two decimals: −27,04 must not read as the −27 limit). */
export function formatDbm(kit: TextKit, dbm: number | null | undefined): string {
  if (dbm === null || dbm === undefined || !Number.isFinite(dbm)) return kit.t('diagnostics.units.none');
  return kit.t('diagnostics.units.dbm', { value: number(kit.locale, 2, dbm) });
}

/** A station's signal: whole dBm. */
export function formatSignalDbm(kit: TextKit, dbm: number | null | undefined): string {
  if (dbm === null || dbm === undefined || !Number.isFinite(dbm)) return kit.t('diagnostics.units.none');
  return kit.t('diagnostics.units.dbm', { value: number(kit.locale, 0, dbm) });
}

/** « 100 Mbit/s », « 2,5 Gbit/s », « 10 Gbit/s ». */
export function formatSpeed(kit: TextKit, mbps: number | null | undefined): string {
  if (mbps === null || mbps === undefined || !Number.isFinite(mbps) || mbps <= 0) return kit.t('diagnostics.units.none');
  if (mbps >= 1000) {
    const gbps = mbps / 1000;
    return kit.t('diagnostics.units.gbps', { value: number(kit.locale, Number.isInteger(Math.round(gbps * 10) / 10) ? 0 : 1, gbps) });
  }
  return kit.t('diagnostics.units.mbps', { value: number(kit.locale, mbps < 10 && !Number.isInteger(mbps) ? 1 : 0, mbps) });
}

export function formatPercent(kit: TextKit, percent: number): string {
  return kit.t('diagnostics.units.percent', { value: number(kit.locale, 0, percent) });
}

export function formatDuration(kit: TextKit, parts: DurationParts): string {
  switch (parts.kind) {
    case 'lessThanMinute':
      return kit.t('diagnostics.duration.lessThanMinute');
    case 'minutes':
      return kit.t('diagnostics.duration.minutes', { m: parts.m });
    case 'hours':
      return kit.t('diagnostics.duration.hours', { h: parts.h });
    case 'hoursMinutes':
      return kit.t('diagnostics.duration.hoursMinutes', { h: parts.h, m: parts.m });
    case 'days':
      return kit.t('diagnostics.duration.days', { d: parts.d });
    case 'daysHours':
      return kit.t('diagnostics.duration.daysHours', { d: parts.d, h: parts.h });
  }
}

export const formatElapsed = (kit: TextKit, seconds: number) => formatDuration(kit, elapsedParts(seconds));
export const formatUptime = (kit: TextKit, seconds: number) => formatDuration(kit, uptimeParts(seconds));

/** « 2,4 GHz » for the hub's `2.4GHz`. */
export function formatBand(kit: TextKit, band: WifiRadio['band']): string {
  switch (band) {
    case '2.4GHz':
      return kit.t('diagnostics.band.b24');
    case '5GHz':
      return kit.t('diagnostics.band.b5');
    case '6GHz':
      return kit.t('diagnostics.band.b6');
  }
}

export function opticalReadingLabel(kit: TextKit, reading: OpticalReading): string {
  switch (reading) {
    case 'good':
      return kit.t('diagnostics.optical.reading.good');
    case 'marginal':
      return kit.t('diagnostics.optical.reading.marginal');
    case 'weak':
      return kit.t('diagnostics.optical.reading.weak');
    case 'overload':
      return kit.t('diagnostics.optical.reading.overload');
    case 'no-light':
      return kit.t('diagnostics.optical.reading.noLight');
    case 'unknown':
      return kit.t('diagnostics.optical.reading.unknown');
  }
}

export function signalQualityLabel(kit: TextKit, quality: SignalQuality | null): string {
  switch (quality) {
    case 'good':
      return kit.t('diagnostics.signal.good');
    case 'fair':
      return kit.t('diagnostics.signal.fair');
    case 'weak':
      return kit.t('diagnostics.signal.weak');
    default:
      return kit.t('diagnostics.signal.unknown');
  }
}

const str = (value: string | number | undefined): string => (value === undefined ? '' : String(value));
const num = (value: string | number | undefined): number => (typeof value === 'number' ? value : Number(value));

/** One finding in words (the headline for the first one). */
export function findingText(kit: TextKit, finding: Finding): string {
  const p = finding.params;
  switch (finding.code) {
    case 'offline':
      return kit.t('diagnostics.finding.offline', { duration: formatElapsed(kit, num(p.seconds)) });
    case 'optical-no-light':
      return kit.t('diagnostics.finding.opticalNoLight', { rx: formatDbm(kit, num(p.rx)) });
    case 'optical-weak':
      return kit.t('diagnostics.finding.opticalWeak', { rx: formatDbm(kit, num(p.rx)) });
    case 'optical-overload':
      return kit.t('diagnostics.finding.opticalOverload', { rx: formatDbm(kit, num(p.rx)) });
    case 'wan-down':
      return kit.t('diagnostics.finding.wanDown', { names: str(p.names) });
    case 'optical-marginal':
      return kit.t('diagnostics.finding.opticalMarginal', { rx: formatDbm(kit, num(p.rx)) });
    case 'mesh-node-offline':
      return kit.t('diagnostics.finding.meshNodeOffline', { name: str(p.name), serial: str(p.serial) });
    case 'mesh-backhaul-weak':
      return kit.t('diagnostics.finding.meshBackhaulWeak', { name: str(p.name), quality: formatPercent(kit, num(p.quality)) });
    case 'wifi-weak-clients':
      return kit.t('diagnostics.finding.wifiWeakClients', { count: num(p.count), total: num(p.total) });
    case 'optical-no-reading':
      return kit.t('diagnostics.finding.opticalNoReading', { interface: str(p.interface) });
    case 'all-normal':
      return kit.t('diagnostics.finding.allNormal');
  }
}
