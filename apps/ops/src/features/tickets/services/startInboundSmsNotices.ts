// App-wide, for users who work tickets: a customer's text shows as a toast to the assignee of that
// customer's open ticket, whatever page they are on, with a link to the client's file (where the
// thread shows it live). Started by the shell after sign-in.
import type { Router } from 'vue-router';
import { effectScope } from 'vue';
import { i18n, loadFeatureMessages } from '@/i18n';
import { useHubEvents } from '@/shared/live';
import { useSessionStore } from '@/shared/session/useSessionStore';
import { notify } from '@/shared/ui/lazyNotify';
import { fetchMyOpenTickets } from '../api/ticketSmsNoticeApi';
import { inboundNotice, noticeExcerpt } from '../model/inboundSmsNotice';

let started = false;

export function startInboundSmsNotices(router: Router): void {
  if (started) return;
  started = true;
  const session = useSessionStore();
  const seen = new Set<string>();
  effectScope(true).run(() => {
    useHubEvents('message', (data) => {
      const notice = inboundNotice(data);
      const user = session.user?.email;
      if (!notice || !user || seen.has(notice.sid)) return;
      seen.add(notice.sid); // a replayed event (stream resumed) is not a second notification
      void (async () => {
        const tickets = await fetchMyOpenTickets(notice.customer, user).catch(() => []);
        const ticket = tickets[0];
        if (!ticket) return;
        await loadFeatureMessages('tickets');
        const t = i18n.global.t;
        notify({
          type: 'info',
          icon: 'sms',
          timeout: 15_000,
          position: 'top-right',
          message: t('tickets.smsNotice.title', { ticket: ticket.subject || ticket.name }),
          caption: noticeExcerpt(notice.body),
          attrs: { 'data-testid': 'sms-notice' },
          actions: [
            { label: t('tickets.smsNotice.open'), color: 'white', noCaps: true, handler: () => void router.push({ name: 'client', params: { id: notice.customer } }) },
            { icon: 'close', color: 'white', round: true, 'aria-label': t('tickets.smsNotice.dismiss') },
          ],
        });
      })();
    });
  });
}
