// SMS threads the hub has already exchanged: a few customers in their own language (visit
// confirmed, access asked, the customer answering), a delivery failure now and then, and one
// number that texted STOP. Deterministic like the rest of the seed.
import { addDays, firstName, renderSmsTemplate, smsDate, smsLanguage, smsSegments, toE164, type Message, type SmsLanguage } from '@gigafibre/contracts';
import { STANDIN_DEFAULTS } from '../config';
import { DEMO } from '../edge/demo-users';
import { MessageStore } from '../hub/messages/store';
import { montrealInstant } from '@gigafibre/contracts';
import type { SeedContext } from './context';
import type { SeededCustomer } from './customers';
import { FIXTURE_CUSTOMERS } from './fixtures';

/** Customers whose SMS state tests rely on. */
export const FIXTURE_SMS = {
  /** Has a seeded thread (visit confirmed, access asked, answers). */
  thread: FIXTURE_CUSTOMERS.badOptical.customer,
  /** Texted ARRET: sending to this customer is refused (21610). */
  optedOut: FIXTURE_CUSTOMERS.unknownSerial.customer,
} as const;

const STAFF = [DEMO.support, DEMO.dispatch, DEMO.admin];

const REPLIES: Record<SmsLanguage, string[]> = {
  'fr-CA': ['Parfait, merci!', 'Oui, je serai là.', 'Le code de la porte est 4512#', 'Pouvez-vous venir plutôt en après-midi?', 'Merci beaucoup 🙂', 'Entrez par la ruelle, svp.'],
  'en-CA': ['Perfect, thanks!', 'Yes, I will be home.', 'The door code is 4512#', 'Could you come in the afternoon instead?', 'Thank you 🙂', 'Please use the back door.'],
};
const FREE: Record<SmsLanguage, string> = {
  'fr-CA': 'votre service est rétabli. N’hésitez pas à nous écrire si le problème revient.',
  'en-CA': 'your service is back up. Text us if the problem comes back.',
};

interface Row {
  name: string;
  customer_name: string;
  language: string | null;
  mobile_no: string | null;
}

export function seedMessages(ctx: SeedContext, customers: SeededCustomer[]): number {
  const rng = ctx.rng.fork('messages');
  const store = new MessageStore(ctx.db);
  const read = ctx.db.prepare('SELECT name, customer_name, language, mobile_no FROM "tabCustomer" WHERE name = ?');
  const regular = customers.filter((c) => !c.locations[0]?.fixture && !c.terminated);
  const chosen = [FIXTURE_SMS.thread, FIXTURE_SMS.optedOut, ...regular.filter(() => rng.chance(0.04)).slice(0, 60).map((c) => c.name)];
  let count = 0;
  for (const name of chosen) {
    const c = read.get(name) as Row | undefined;
    const to = toE164(c?.mobile_no ?? '');
    if (!c || !to) continue;
    const language = smsLanguage(c.language);
    // A visit a few days ago: confirmed the day before, access asked, the customer answers.
    const day = addDays(ctx.today, -rng.int(1, 60));
    let at = montrealInstant(addDays(day, -1), rng.int(9 * 60, 16 * 60));
    const agent = rng.pick(STAFF);
    const vars = { client_first_name: firstName(c.customer_name), date: smsDate(day, language), window: language === 'fr-CA' ? 'entre 8 h et 12 h' : 'between 8 a.m. and noon' };
    const steps: { body: string; inbound: boolean; template: string | null }[] = [
      { body: renderSmsTemplate('visit_confirmation', language, vars), inbound: false, template: 'visit_confirmation' },
      { body: rng.pick(REPLIES[language]), inbound: true, template: null },
      { body: renderSmsTemplate('access_request', language, vars), inbound: false, template: 'access_request' },
      { body: rng.pick(REPLIES[language]), inbound: true, template: null },
    ];
    if (rng.chance(0.5)) steps.push({ body: renderSmsTemplate('generic', language, vars) + FREE[language], inbound: false, template: 'generic' });
    if (name === FIXTURE_SMS.optedOut) steps.push({ body: 'ARRET', inbound: true, template: null });
    for (const step of steps) {
      at += rng.int(2, 90) * 60_000;
      const iso = new Date(at).toISOString();
      const seg = smsSegments(step.body);
      const undelivered = !step.inbound && rng.chance(0.08);
      const message: Omit<Message, 'sid' | 'idempotency_key'> = {
        customer: c.name,
        direction: step.inbound ? 'inbound' : 'outbound-api',
        from: step.inbound ? to : STANDIN_DEFAULTS.twilioNumber,
        to: step.inbound ? STANDIN_DEFAULTS.twilioNumber : to,
        body: step.body,
        status: step.inbound ? 'received' : undelivered ? 'undelivered' : 'delivered',
        error_code: undelivered ? 30003 : null,
        segments: seg.segments,
        encoding: seg.encoding,
        sent_by: step.inbound ? null : { email: agent.email, name: agent.name },
        template: step.template,
        job: null,
        date_created: iso,
        date_updated: step.inbound ? iso : new Date(at + 4000).toISOString(),
      };
      store.insert({ sid: `SM${rng.hex(32).toLowerCase()}`, idempotencyKey: null, fingerprint: null, message });
      count++;
      if (step.body === 'ARRET') store.setOptState(to, true, 'ARRET', iso);
    }
  }
  return count;
}
