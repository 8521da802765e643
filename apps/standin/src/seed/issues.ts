// Tickets (Issue) the way ERPNext holds them: SLA deadlines from the opening and priority, a first
// response (a Sent Communication) and a resolution stamped when they happened, agreement_status
// from ERPNext's rule, assignments (ToDo + `_assign` + an « Assigned » Comment) and, for resolved
// ones, a Version. Recent tickets straddle « now »: some overdue, some due within the hour.
import { addDays, agreementStatus, frappeTimestamp, parseFrappeDatetime, slaDeadlines, DEFAULT_SLA, type Priority } from '@gigafibre/contracts';
import { DEMO } from '../edge/demo-users';
import { stampAt, standard, type SeedContext } from './context';
import type { SeededCustomer } from './customers';
import { FIXTURE_CUSTOMERS } from './fixtures';
import { seedErpUser } from './users';

/** Issue types and subjects a CSR logs. */
export const SUBJECTS: readonly (readonly [string, string])[] = [
  ['Internet lent le soir', 'Technique'],
  ['Pas de connexion depuis ce matin', 'Technique'],
  ['Le Wi-Fi ne se rend pas au sous-sol', 'Wi-Fi'],
  ['Le modem redémarre souvent', 'Technique'],
  ['Question sur ma facture', 'Facturation'],
  ['Changement de forfait', 'Facturation'],
  ['Déménagement prévu le mois prochain', 'Installation'],
  ['Ajout d’un point d’accès mesh', 'Wi-Fi'],
  ['Coupures intermittentes', 'Technique'],
  ['Frais de retard contestés', 'Facturation'],
];

const REPLIES = [
  'Bonjour, nous avons bien reçu votre demande et un agent s’en occupe.',
  'Bonjour, nous avons vérifié votre signal à distance; pouvez-vous redémarrer votre modem?',
  'Bonjour, un technicien pourra passer chez vous; nous vous proposerons une plage horaire.',
  'Bonjour, votre facture a été corrigée; le crédit paraîtra sur le prochain relevé.',
];

/** CSR agents (ERPNext Users only) who hold tickets besides the demo users. */
export const AGENTS = [
  { email: 'sophie.martel@gigafibre.ca', name: 'Sophie Martel' },
  { email: 'olivier.gendron@gigafibre.ca', name: 'Olivier Gendron' },
  { email: 'amelie.fortin@gigafibre.ca', name: 'Amélie Fortin' },
] as const;

const MINUTE = 60_000;

/** Seeds `total` tickets over the customers (the bad-optical fixture first, with one open ticket). */
export function seedIssues(ctx: SeedContext, customers: SeededCustomer[], total: number): void {
  const rng = ctx.rng.fork('issues');
  for (const agent of AGENTS) seedErpUser(ctx, agent.email, agent.name, addDays(ctx.today, -300));
  const staff = [DEMO.support, DEMO.admin, ...AGENTS.map((a) => ({ email: a.email, name: a.name }))];
  const nowMs = ctx.now.getTime();
  const hash = () => rng.hex(10).toLowerCase();
  const fixture = customers.find((c) => c.locations[0]?.fixture === FIXTURE_CUSTOMERS.badOptical);
  const others = customers.filter((c) => !c.locations[0]?.fixture);
  const stamp = (ms: number) => frappeTimestamp(Math.min(ms, nowMs));

  for (let n = 1; n <= total; n++) {
    const customer = n === 1 && fixture ? fixture : (rng.pick(others.length > 0 ? others : customers) as SeededCustomer);
    const first = n === 1 && fixture !== undefined;
    const [subject, type] = first ? (SUBJECTS[0] as readonly [string, string]) : rng.pick(SUBJECTS);
    const recent = first || rng.chance(0.2);
    const createdMs = recent
      ? nowMs - rng.int(first ? 90 : 5, 72 * 60) * MINUTE
      : (parseFrappeDatetime(stampAt(addDays(ctx.today, -rng.int(3, 365)), rng.int(8 * 60, 20 * 60)))?.getTime() ?? nowMs);
    const ageDays = (nowMs - createdMs) / 86_400_000;
    const created = stamp(createdMs);
    const priority: Priority = first ? 'High' : rng.weighted([['Low', 2], ['Medium', 5], ['High', 2], ['Urgent', 1]] as const);
    const resolved = first ? false : ageDays > 14 ? rng.chance(0.97) : ageDays > 3 ? rng.chance(0.5) : rng.chance(0.1);
    const status = resolved ? rng.pick(['Resolved', 'Closed'] as const) : first ? 'Open' : rng.weighted([['Open', 5], ['Replied', 3], ['On Hold', 1]] as const);
    const due = slaDeadlines(created, priority);
    const responseMs = parseFrappeDatetime(due.response_by)!.getTime() - createdMs;
    const resolutionMs = parseFrappeDatetime(due.resolution_by)!.getTime() - createdMs;
    const responded = status !== 'Open' || rng.chance(0.3);
    const respondedMs = createdMs + rng.int(5 * MINUTE, Math.round(responseMs * 1.4));
    const firstResponded = responded && respondedMs < nowMs ? stamp(respondedMs) : null;
    const resolutionDate = resolved ? stamp(Math.max(respondedMs, createdMs + rng.int(30 * MINUTE, Math.round(resolutionMs * 1.3)))) : null;
    const agent = rng.pick(staff);
    const assigned = first ? false : rng.chance(0.75);
    const name = `ISS-${String(n).padStart(6, '0')}`;
    ctx.insert('Issue', {
      ...standard(name, created, resolutionDate ?? firstResponded ?? created),
      subject,
      status,
      priority,
      issue_type: type,
      customer: customer.name,
      raised_by: first ? (FIXTURE_CUSTOMERS.badOptical.email ?? null) : null,
      opening_date: created.slice(0, 10),
      opening_time: created.slice(11, 19),
      resolution_date: resolutionDate,
      description: `${subject}. Appel reçu au service à la clientèle.`,
      service_level_agreement: DEFAULT_SLA,
      ...due,
      first_responded_on: firstResponded ?? (resolutionDate ? created : null),
      agreement_status: agreementStatus({ first_responded_on: firstResponded ?? (resolutionDate ? created : null), resolution_date: resolutionDate, resolution_by: due.resolution_by }),
      _assign: JSON.stringify(assigned && !resolved ? [agent.email] : []),
    });
    // History (ToDo, Comment, Communication, Version) for the last two months: what a CSR reads.
    if (ageDays > 60) continue;
    if (assigned) {
      const at = stamp(createdMs + 2 * MINUTE);
      ctx.insert('ToDo', {
        ...standard(hash(), at, resolutionDate ?? at, DEMO.support.email),
        status: resolved ? 'Closed' : 'Open',
        priority: 'Medium',
        date: at.slice(0, 10),
        allocated_to: agent.email,
        description: `Affectation pour Issue ${name}`,
        reference_type: 'Issue',
        reference_name: name,
        assigned_by: DEMO.support.email,
      });
      ctx.insert('Comment', {
        ...standard(hash(), at, at, DEMO.support.email),
        reference_doctype: 'Issue',
        reference_name: name,
        comment_type: 'Assigned',
        content: `${DEMO.support.name} a assigné ${agent.name} : Affectation pour Issue ${name}`,
        comment_email: DEMO.support.email,
        comment_by: DEMO.support.name,
      });
    }
    if (firstResponded) {
      ctx.insert('Communication', {
        ...standard(hash(), firstResponded, firstResponded, agent.email),
        subject: `Re: ${subject}`,
        content: rng.pick(REPLIES),
        communication_type: 'Communication',
        communication_medium: 'Email',
        sent_or_received: 'Sent',
        sender: agent.email,
        sender_full_name: agent.name,
        communication_date: firstResponded,
        status: 'Linked',
        reference_doctype: 'Issue',
        reference_name: name,
      });
    }
    if (resolutionDate) {
      ctx.insert('Version', {
        ...standard(hash(), resolutionDate, resolutionDate, agent.email),
        ref_doctype: 'Issue',
        docname: name,
        data: JSON.stringify({ added: [], changed: [['status', 'Open', status]], removed: [], row_changed: [] }),
      });
    }
  }
}
