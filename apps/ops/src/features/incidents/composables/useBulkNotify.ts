// Texting every client an outage touches: the preview (how many, which text), then the sends,
// throttled, each once per incident (the hub's Idempotency-Key), the progress kept per incident so
// a closed page resumes instead of starting over.
import { computed, onScopeDispose, shallowRef } from 'vue';
import { OUTAGE_SMS_TEMPLATE, type AffectedCustomer } from '@gigafibre/contracts';
import { isApiError, request } from '@/shared/http';
import { getAffectedPage } from '../api/incidentsApi';
import { fraction, notifyTargets, outageText, record, remaining, startProgress, type NotifyProgress, type NotifyTarget } from '../model/bulkNotify';
import { loadNotifyProgress, saveNotifyProgress } from '../services/notifyProgressStorage';

/** Sends in flight at once, and the pause each takes after a send: about 20 texts a second. */
const WORKERS = 4;
const PAUSE_MS = 200;

export function useBulkNotify(incidentId: () => string) {
  const targets = shallowRef<NotifyTarget[] | null>(null);
  const noMobile = shallowRef(0);
  const progress = shallowRef<NotifyProgress | null>(loadNotifyProgress(incidentId()));
  const preparing = shallowRef(false);
  const running = shallowRef(false);
  const error = shallowRef<unknown>(null);
  let stopped = false;
  onScopeDispose(() => (stopped = true));

  /** Reads every affected address (pages of 500) and works out who gets the text. */
  async function prepare(): Promise<void> {
    preparing.value = true;
    error.value = null;
    try {
      const rows: AffectedCustomer[] = [];
      for (let cursor: string | null = null, first = true; first || cursor !== null; first = false) {
        const page = await getAffectedPage(incidentId(), cursor, 500);
        rows.push(...page.data);
        cursor = page.next_cursor;
      }
      const plan = notifyTargets(incidentId(), rows);
      targets.value = plan.targets;
      noMobile.value = plan.noMobile;
    } catch (caught) {
      error.value = caught;
    } finally {
      preparing.value = false;
    }
  }

  async function sendOne(target: NotifyTarget): Promise<'sent' | 'optedOut' | 'failed'> {
    try {
      await request('/hub/messages', { method: 'POST', json: { customer: target.customer, to: target.to, body: target.body, template: OUTAGE_SMS_TEMPLATE }, idempotencyKey: target.key, timeoutMs: 20_000 });
      return 'sent';
    } catch (caught) {
      // The hub refuses an opted-out number (409 opted_out) before sending: skipped, not failed.
      return isApiError(caught) && caught.status === 409 ? 'optedOut' : 'failed';
    }
  }

  /** Sends (or resumes) the run; resolves when done or stopped. */
  async function send(): Promise<void> {
    if (running.value) return;
    if (!targets.value) await prepare();
    const all = targets.value;
    if (!all) return;
    const saved = progress.value;
    let current = saved && saved.total === all.length ? saved : startProgress(incidentId(), all.length);
    progress.value = current;
    saveNotifyProgress(current);
    const queue = remaining(all, current);
    running.value = true;
    stopped = false;
    const worker = async () => {
      for (let target = queue.shift(); target && !stopped; target = queue.shift()) {
        const outcome = await sendOne(target);
        current = record(current, target.customer, outcome);
        progress.value = current;
        saveNotifyProgress(current);
        await new Promise((r) => setTimeout(r, PAUSE_MS));
      }
    };
    try {
      await Promise.all(Array.from({ length: WORKERS }, worker));
    } finally {
      running.value = false;
    }
  }

  return {
    targets,
    noMobile,
    progress,
    preparing,
    running,
    error,
    text: computed(() => outageText('fr')),
    done: computed(() => (progress.value ? fraction(progress.value) : 0)),
    /** A run began and has clients left (the page was closed meanwhile, or it was stopped). */
    resumable: computed(() => !running.value && progress.value !== null && progress.value.sent.length + progress.value.optedOut.length < progress.value.total),
    prepare,
    send,
    stop: () => (stopped = true),
  };
}
