// Tags, tickets (Issue, with a Version when resolved) and client notes (Comment) for the timeline.
import { DEMO } from '../edge/demo-users';
import { addDays } from '@gigafibre/contracts';
import { stampAt, standard, type SeedContext } from './context';
import type { SeededCustomer } from './customers';
import { FIXTURE_CUSTOMERS } from './fixtures';

export const TAGS: readonly (readonly [string, string, string])[] = [
  ['VIP', 'Client prioritaire', '#7c3aed'],
  ['Entreprise', 'Client affaires', '#2563eb'],
  ['Retard de paiement', 'Solde en souffrance', '#dc2626'],
  ['Accès difficile', 'Prévoir du temps d’accès', '#d97706'],
  ['Chien sur place', 'Animal sur les lieux', '#92400e'],
  ['Appeler avant', 'Téléphoner avant d’arriver', '#0891b2'],
  ['Nouveau client', 'Première installation', '#16a34a'],
  ['Immeuble à logements', 'Coordination avec le concierge', '#4b5563'],
];

const SUBJECTS: readonly (readonly [string, string])[] = [
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

const NOTES = [
  'Client préfère être contacté par texto.',
  'A appelé pour une question de facture; expliqué le calcul au prorata.',
  'Mot de passe Wi-Fi changé à la demande du client.',
  'Entente de paiement : 50 $ par semaine jusqu’au solde.',
  'Client satisfait de l’installation, aucun suivi requis.',
  'Signale des coupures le soir; surveiller le signal optique.',
  'Demande un rappel après 17 h.',
  'Intéressé par le forfait Fibre 3G, rappeler au renouvellement.',
];

const STAFF = [DEMO.support, DEMO.admin, DEMO.dispatch];

export function seedTags(ctx: SeedContext): void {
  for (const [name, description, color] of TAGS) {
    ctx.insert('Tag', { ...standard(name, stampAt(addDays(ctx.today, -600), 9 * 60)), description, color });
  }
}

export function seedTicketsAndNotes(ctx: SeedContext, customers: SeededCustomer[]): void {
  const rng = ctx.rng.fork('tickets');
  let issue = 0;
  const hash = () => rng.hex(10).toLowerCase();
  for (const customer of customers) {
    const first = customer.locations[0];
    const fixture = first?.fixture;
    const nIssues = fixture === FIXTURE_CUSTOMERS.badOptical ? 1 : fixture ? 0 : rng.chance(0.12) ? rng.int(1, 2) : 0;
    for (let k = 0; k < nIssues; k++) {
      const [subject, type] = fixture ? (SUBJECTS[0] as readonly [string, string]) : rng.pick(SUBJECTS);
      const age = fixture ? 2 : rng.int(0, 365);
      const opened = addDays(ctx.today, -age);
      const minute = rng.int(8 * 60, 20 * 60);
      const resolved = age > 14 ? true : age > 3 ? rng.chance(0.5) : false;
      const status = resolved ? rng.pick(['Resolved', 'Closed']) : rng.weighted([['Open', 5], ['Replied', 3], ['On Hold', 1]] as const);
      const resolvedOn = resolved ? addDays(opened, rng.int(0, Math.min(age, 10))) : null;
      const name = `ISS-${String(++issue).padStart(6, '0')}`;
      const created = stampAt(opened, minute);
      const agent = rng.pick(STAFF);
      ctx.insert('Issue', {
        ...standard(name, created, resolvedOn ? stampAt(resolvedOn, 16 * 60) : created),
        subject,
        status,
        priority: rng.weighted([['Low', 2], ['Medium', 5], ['High', 2], ['Urgent', 1]] as const),
        issue_type: type,
        customer: customer.name,
        raised_by: fixture?.email ?? null,
        opening_date: opened,
        opening_time: `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`,
        resolution_date: resolvedOn ? stampAt(resolvedOn, 16 * 60) : null,
        description: `${subject}. Appel reçu au service à la clientèle.`,
      });
      if (resolvedOn) {
        const at = stampAt(resolvedOn, 16 * 60);
        ctx.insert('Version', {
          ...standard(hash(), at, at, agent.email),
          ref_doctype: 'Issue',
          docname: name,
          data: JSON.stringify({ added: [], changed: [['status', 'Open', status]], removed: [], row_changed: [] }),
        });
      }
    }
    const nNotes = fixture === FIXTURE_CUSTOMERS.overdue ? 1 : fixture ? 0 : rng.chance(0.25) ? rng.int(1, 3) : 0;
    for (let k = 0; k < nNotes; k++) {
      const author = rng.pick(STAFF);
      const at = stampAt(addDays(ctx.today, -rng.int(1, 365)), rng.int(8 * 60, 19 * 60));
      ctx.insert('Comment', {
        ...standard(hash(), at, at, author.email),
        reference_doctype: 'Customer',
        reference_name: customer.name,
        comment_type: 'Comment',
        content: fixture === FIXTURE_CUSTOMERS.overdue ? (NOTES[3] as string) : rng.pick(NOTES),
        comment_email: author.email,
        comment_by: author.name,
      });
    }
  }
}
