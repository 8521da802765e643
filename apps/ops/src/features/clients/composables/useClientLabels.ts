// ERPNext's English option values (`En Route`, `Partly Paid`) in the user's language; an option
// the catalogue does not know is shown as ERPNext wrote it rather than as a message key.
import { useI18n } from 'vue-i18n';

export type ValueKind =
  | 'accountStatus'
  | 'customerType'
  | 'language'
  | 'equipmentType'
  | 'equipmentStatus'
  | 'locationStatus'
  | 'subscriptionStatus'
  | 'invoiceStatus'
  | 'ticketStatus'
  | 'priority'
  | 'jobType'
  | 'jobStatus';

/** `En Route` → `enRoute`, `Mesh Node` → `meshNode`, `fr` → `fr`. */
export function valueKey(value: string): string {
  const words = value.trim().split(/[\s_-]+/).filter(Boolean);
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())).join('');
}

export function useClientLabels() {
  const { t, te } = useI18n();
  return {
    /** The label of an ERPNext option value; '' for null. */
    label(kind: ValueKind, value: string | null | undefined): string {
      if (!value) return '';
      const key = `clients.value.${kind}.${valueKey(value)}`;
      return te(key) ? t(key) : value;
    },
  };
}
