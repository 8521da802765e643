// The outage banner (every page) and /ops/incidents/<id>: the incident, its affected clients and the
// bulk outage text; plus the hub calls the story makes as Uptime-Kuma would (its webhook, its secret).
import { expect, type Page } from '@playwright/test';
import {
  UPTIME_KUMA_SECRET_HEADER,
  type AffectedCustomer,
  type AffectedPage,
  type MessagePage,
  type MonitorMappingList,
  type UptimeKumaWebhookResult,
} from '../../packages/contracts/src';
import { STANDIN_DEFAULTS } from '../../apps/standin/src/config';
import { uptimeKumaNotification } from '../../apps/standin/src/hub/incidents/uptimeKumaPayload';
import { activeStack } from '../fixtures/stack';
import { E2E_HUB_TOKEN } from '../stack-env';

const hubAuth = { Authorization: `Bearer ${E2E_HUB_TOKEN}` };

async function hubGet<T>(path: string): Promise<T> {
  const res = await fetch(`${activeStack().hubUrl}${path}`, { headers: hubAuth });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

/** Uptime-Kuma, as far as the story needs it: the monitor of an element, and its notifications. */
export const UptimeKuma = {
  async monitorOf(element: string): Promise<{ id: number; name: string }> {
    const list = await hubGet<MonitorMappingList>('/network/monitors');
    const found = list.data.find((m) => m.element.id === element);
    if (!found) throw new Error(`no monitor for ${element}`);
    return { id: found.monitor_id, name: found.element.name };
  },
  async notify(monitor: { id: number; name: string }, status: 0 | 1, msg: string): Promise<UptimeKumaWebhookResult> {
    const res = await fetch(`${activeStack().hubUrl}/webhooks/uptime-kuma`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [UPTIME_KUMA_SECRET_HEADER]: STANDIN_DEFAULTS.webhookSecret },
      body: JSON.stringify(uptimeKumaNotification(monitor, status, new Date(), msg)),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as UptimeKumaWebhookResult;
  },
  /** Every affected address of an incident, as the hub lists them. */
  async affected(incident: string): Promise<AffectedCustomer[]> {
    return (await hubGet<AffectedPage>(`/incidents/${incident}/affected?limit=500`)).data;
  },
  /** The outage texts in a client's thread. */
  async outageTexts(customer: string): Promise<number> {
    const page = await hubGet<MessagePage>(`/messages?customer=${encodeURIComponent(customer)}&limit=100`);
    return page.messages.filter((m) => m.template === 'outage_notice').length;
  },
};

export class IncidentsPage {
  constructor(readonly page: Page) {}

  readonly banner = () => this.page.getByTestId('outage-banner');
  readonly bannerRow = (incident: string) => this.banner().locator(`[data-incident="${incident}"]`);
  readonly notice = () => this.page.getByTestId('outage-notice');
  readonly status = () => this.page.getByTestId('incident-status');
  readonly timeline = () => this.page.getByTestId('incident-timeline');
  readonly affectedRows = () => this.page.getByTestId('affected-table').locator('tbody tr');
  readonly notifyPanel = () => this.page.getByTestId('incident-notify');
  readonly summary = () => this.page.getByTestId('notify-summary');

  async open(incident: string): Promise<void> {
    await this.page.goto(`/ops/incidents/${incident}`);
    await expect(this.status()).toBeVisible();
  }

  /** Sent / opted out / failed / total, as the panel says them. */
  async counts(): Promise<number[]> {
    const text = (await this.summary().textContent()) ?? '';
    return [...text.matchAll(/\d+/g)].map((m) => Number(m[0]));
  }
}
