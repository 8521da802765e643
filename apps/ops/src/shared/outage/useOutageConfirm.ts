// « Ce client est touché par une panne… quand même ? » before a reboot or a visit: resolves true
// at once when no outage touches the client or the address, else when the user goes ahead.
import { useQuasar } from 'quasar';
import { useI18n } from 'vue-i18n';
import { useFormat } from '../format/useFormat';
import { useOutageStore } from './useOutageStore';

export type OutageAction = 'reboot' | 'visit';

export function useOutageConfirm() {
  const $q = useQuasar();
  const { t } = useI18n();
  const f = useFormat();
  const outage = useOutageStore();

  return (action: OutageAction, who: { customer?: string | null; location?: string | null }): Promise<boolean> => {
    const incident = outage.forLocation(who.location) ?? outage.forCustomer(who.customer);
    if (!incident) return Promise.resolve(true);
    const params = { element: incident.element.name, since: f.dateTime(incident.opened_at) };
    return new Promise((resolve) => {
      $q.dialog({
        title: t('outage.confirmTitle'),
        message: t(action === 'reboot' ? 'outage.confirmReboot' : 'outage.confirmVisit', params),
        html: false,
        persistent: true,
        focus: 'cancel',
        cancel: { label: t('outage.confirmCancel'), flat: true, color: 'primary' },
        ok: { label: t('outage.confirmGo'), color: 'negative', unelevated: true },
      })
        .onOk(() => resolve(true))
        .onCancel(() => resolve(false));
    });
  };
}
