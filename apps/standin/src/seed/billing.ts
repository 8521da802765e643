// Subscriptions, 12 months of invoices (QC taxes in; some unpaid or overdue) and their payments.
// The hottest seed step (over a million rows at 50,000 customers): positional inserts, dates precomputed.
import { addDays } from '@gigafibre/contracts';
import { stampAt, standard, type SeedContext } from './context';
import { PLANS, type SeededCustomer } from './customers';
import { FIXTURE_CUSTOMERS } from './fixtures';

/** GST 5 % + QST 9.975 %. */
export const QC_TAX_RATE = 0.14975;

const MODES = [['Prélèvement préautorisé', 5], ['Carte de crédit', 3], ['Interac', 2], ['Chèque', 1]] as const;
const ADMIN = 'Administrator';

const round2 = (n: number) => Math.round(n * 100) / 100;

/** First day of the month `offset` months from `isoDate`'s month. */
function monthStart(isoDate: string, offset: number): string {
  const [y, m] = isoDate.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + offset, 1)).toISOString().slice(0, 10);
}

interface Month {
  posting: string;
  due: string;
  pastDue: boolean;
  created: string;
  /** `stampAt(posting + n days, 12:00)` for n = 0…28. */
  paidStamp: string[];
  paidOn: string[];
}

export function seedBilling(ctx: SeedContext, customers: SeededCustomer[]): void {
  const rng = ctx.rng.fork('billing');
  const insertInvoice = ctx.inserter('Sales Invoice', ['customer', 'customer_name', 'posting_date', 'due_date', 'grand_total', 'outstanding_amount', 'currency', 'status']);
  const insertPayment = ctx.inserter('Payment Entry', ['party_type', 'party', 'posting_date', 'paid_amount', 'mode_of_payment', 'reference_name']);
  const calendar: Month[] = [];
  for (let k = -11; k <= 0; k++) {
    const posting = monthStart(ctx.today, k);
    const paidOn = Array.from({ length: 29 }, (_, n) => addDays(posting, n));
    calendar.push({
      posting,
      due: addDays(posting, 30),
      pastDue: addDays(posting, 30) < ctx.today,
      created: stampAt(posting, 2 * 60),
      paidOn,
      paidStamp: paidOn.map((d) => stampAt(d, 12 * 60)),
    });
  }
  let sub = 0;
  let inv = 0;
  let pay = 0;
  for (const customer of customers) {
    const isOverdueFixture = customer.name === FIXTURE_CUSTOMERS.overdue.customer;
    const autopay = !customer.badPayer && rng.chance(0.6);
    for (const loc of customer.locations) {
      const price = PLANS[loc.plan] ?? 75;
      const endDate = customer.terminated ? addDays(ctx.today, -rng.int(20, 180)) : null;
      ctx.insert('Subscription', {
        ...standard(`SUB-${String(++sub).padStart(6, '0')}`, stampAt(loc.since, 11 * 60)),
        customer: customer.name,
        service_location: loc.name,
        plan_name: loc.plan,
        monthly_price: price,
        status: endDate ? 'Cancelled' : 'Active',
        start_date: loc.since,
        end_date: endDate,
      });
      const total = round2(price * (1 + QC_TAX_RATE));
      const months = calendar.filter((m) => m.posting > loc.since && (!endDate || m.posting <= endDate) && m.posting <= ctx.today);
      const pastDue = months.filter((m) => m.pastDue);
      const lateCount = isOverdueFixture ? 3 : customer.badPayer ? rng.int(1, 3) : 0;
      // The fixture's three months before this one are unpaid, whatever the day of the month.
      const late = new Set(isOverdueFixture ? months.slice(-4, -1) : lateCount > 0 ? pastDue.slice(-lateCount) : []);
      for (const m of months) {
        const invName = `ACC-SINV-${String(++inv).padStart(6, '0')}`;
        let outstanding = 0;
        let paidDay = -1;
        let paid = total;
        let status: string;
        if (late.has(m)) {
          const partly = !isOverdueFixture && rng.chance(0.3);
          paid = partly ? round2(total / 2) : 0;
          outstanding = round2(total - paid);
          status = partly ? 'Partly Paid' : m.pastDue ? 'Overdue' : 'Unpaid';
          paidDay = partly ? rng.int(5, 25) : -1;
        } else if (!m.pastDue) {
          const n = autopay ? 1 : rng.int(3, 25);
          if (!isOverdueFixture && (m.paidOn[n] as string) <= ctx.today && (autopay || rng.chance(0.5))) {
            status = 'Paid';
            paidDay = n;
          } else {
            status = 'Unpaid';
            outstanding = total;
            paid = 0;
          }
        } else {
          status = 'Paid';
          paidDay = autopay ? 1 : rng.int(2, 28);
        }
        const modified = paidDay >= 0 ? (m.paidStamp[paidDay] as string) : m.created;
        insertInvoice([invName, ADMIN, m.created, modified, ADMIN, customer.name, loc.customerName, m.posting, m.due, total, outstanding, 'CAD', status]);
        if (paidDay >= 0 && paid > 0) {
          const stamp = m.paidStamp[paidDay] as string;
          const mode = autopay ? 'Prélèvement préautorisé' : rng.weighted(MODES);
          insertPayment([`ACC-PAY-${String(++pay).padStart(6, '0')}`, ADMIN, stamp, stamp, ADMIN, 'Customer', customer.name, m.paidOn[paidDay] as string, paid, mode, invName]);
        }
      }
    }
  }
}
