// The plain-text summary a CSR pastes into a ticket note: who, which device, the verdict and the
// few figures a technician needs, one fact per line. Customer-controlled text (SSIDs, host names)
// goes in as plain text; nothing here is ever rendered as HTML.
import type { DeviceLookup } from '@gigafibre/contracts';
import { formatDateTime } from '@/shared/format';
import type { Finding } from './diagnosticsVerdict';
import {
  findingText,
  formatBand,
  formatDbm,
  formatElapsed,
  formatPercent,
  formatSpeed,
  formatUptime,
  opticalReadingLabel,
  type TextKit,
} from './diagnosticsText';
import { opticalReading } from './opticalBand';
import { wifiSignalQuality } from './signalQuality';

export interface SummaryInput {
  lookup: DeviceLookup;
  findings: readonly Finding[];
  customer: { id: string; name: string } | null;
  /** Epoch ms the summary is written at. */
  now: number;
}

function deviceLines(kit: TextKit, { lookup, now }: SummaryInput): string[] {
  const d = lookup.device;
  const lines = [
    kit.t('diagnostics.summary.device', {
      manufacturer: d.manufacturer,
      model: d.model,
      serial: d.serial,
      mac: d.mac ?? kit.t('diagnostics.units.none'),
      firmware: d.firmware || kit.t('diagnostics.units.none'),
    }),
  ];
  const since = formatElapsed(kit, Math.max(0, (now - Date.parse(d.lastInform)) / 1000));
  const lastInform = formatDateTime(d.lastInform, kit.locale);
  lines.push(
    d.online
      ? kit.t('diagnostics.summary.online', { lastInform, uptime: d.uptimeSeconds === null ? kit.t('diagnostics.units.none') : formatUptime(kit, d.uptimeSeconds) })
      : kit.t('diagnostics.summary.offline', { lastInform, since }),
  );
  return lines;
}

function detailLines(kit: TextKit, { lookup }: SummaryInput): string[] {
  const lines: string[] = [];
  for (const o of lookup.opticalStatus) {
    lines.push(
      kit.t('diagnostics.summary.optical', {
        interface: o.interface,
        rx: formatDbm(kit, o.rxPowerDbm),
        reading: opticalReadingLabel(kit, opticalReading(o.rxPowerDbm)),
        tx: formatDbm(kit, o.txPowerDbm),
      }),
    );
  }
  if (lookup.interfaces.length > 0) {
    const list = lookup.interfaces.map((i) =>
      kit.t('diagnostics.summary.interface', {
        name: i.name,
        kind: i.kind === 'wan' ? kit.t('diagnostics.interfaces.wan') : kit.t('diagnostics.interfaces.lan'),
        status: i.status === 'up' ? kit.t('diagnostics.interfaces.up') : kit.t('diagnostics.interfaces.down'),
        speed: i.status === 'up' ? formatSpeed(kit, i.speedMbps) : '',
      }).trim(),
    );
    lines.push(kit.t('diagnostics.summary.interfaces', { list: list.join(' ; ') }));
  }
  if (lookup.wifi.radios.length > 0) {
    const radios = lookup.wifi.radios.map((r) =>
      kit.t('diagnostics.summary.radio', {
        band: formatBand(kit, r.band),
        channel: r.channel ?? kit.t('diagnostics.units.none'),
        ssids: r.ssids.filter((s) => s.enabled).map((s) => s.ssid).join(', ') || kit.t('diagnostics.units.none'),
      }),
    );
    const weak = lookup.wifi.clients.filter((c) => wifiSignalQuality(c.signalDbm) === 'weak').length;
    lines.push(kit.t('diagnostics.summary.wifi', { radios: radios.join(' ; '), count: lookup.wifi.clients.length, weak }));
  }
  const nodes = lookup.mesh.nodes.filter((n) => n.parentId !== null);
  if (nodes.length > 0) {
    const list = nodes.map((n) =>
      kit.t('diagnostics.summary.meshNode', {
        name: n.name,
        backhaul:
          n.backhaul === 'wired'
            ? kit.t('diagnostics.mesh.wired')
            : n.backhaul === 'wireless'
              ? `${kit.t('diagnostics.mesh.wireless')}${n.qualityPercent === null ? '' : ` ${formatPercent(kit, n.qualityPercent)}`}`
              : kit.t('diagnostics.units.none'),
        state: n.online ? kit.t('diagnostics.state.online') : kit.t('diagnostics.state.offline'),
      }),
    );
    lines.push(kit.t('diagnostics.summary.mesh', { list: list.join(' ; ') }));
  }
  return lines;
}

/** The summary as plain text (lines joined with `\n`). */
export function buildDiagnosticsSummary(kit: TextKit, input: SummaryInput): string {
  const [headline, ...others] = input.findings;
  const lines = [
    kit.t('diagnostics.summary.title', { date: formatDateTime(input.now, kit.locale) }),
    input.customer ? kit.t('diagnostics.summary.customer', { name: input.customer.name, id: input.customer.id }) : kit.t('diagnostics.summary.customerUnknown'),
    ...deviceLines(kit, input),
    headline ? kit.t('diagnostics.summary.verdict', { text: findingText(kit, headline) }) : '',
    ...others.map((f) => `- ${findingText(kit, f)}`),
    ...detailLines(kit, input),
  ];
  return lines.filter((l) => l !== '').join('\n');
}
