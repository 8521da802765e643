// A typed client for the standin's fault injection, for the e2e and BFF tests:
//   const faults = new FaultClient('http://localhost:8102');
//   await faults.inject({ path: '/vision/', latencyMs: 10_000 });
//   await faults.clear();
import type { ActiveFault, FaultRule } from './types';

export type { ActiveFault, FaultRule } from './types';

/** Drives `/__faults` on one standin service (ERP, hub or edge base URL). */
export class FaultClient {
  constructor(private readonly baseUrl: string) {}

  /** Adds a fault for the next `rule.count` (default 1) matching requests. */
  async inject(rule: FaultRule): Promise<ActiveFault> {
    return (await this.call('POST', JSON.stringify(rule))) as ActiveFault;
  }

  /** Faults still waiting to fire. */
  async list(): Promise<ActiveFault[]> {
    return ((await this.call('GET')) as { faults: ActiveFault[] }).faults;
  }

  /** Removes every fault. */
  async clear(): Promise<void> {
    await this.call('DELETE');
  }

  private async call(method: string, body?: string): Promise<unknown> {
    const res = await fetch(new URL('/__faults', this.baseUrl), {
      method,
      body,
      headers: body ? { 'Content-Type': 'application/json' } : {},
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`/__faults ${method} → ${res.status} ${text}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  }
}
