// Tags, tickets (issues.ts) and client notes (Comment) for the timeline.
import { DEMO } from '../edge/demo-users';
import { addDays } from '@gigafibre/contracts';
import { stampAt, standard, type SeedContext } from './context';
import type { SeededCustomer } from './customers';
import { FIXTURE_CUSTOMERS } from './fixtures';
import { seedIssues } from './issues';

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

/** Tickets (see issues.ts), then client notes (Comment on 25 % of customers). */
export function seedTicketsAndNotes(ctx: SeedContext, customers: SeededCustomer[], tickets: number): void {
  seedIssues(ctx, customers, tickets);
  const rng = ctx.rng.fork('tickets');
  const hash = () => rng.hex(10).toLowerCase();
  for (const customer of customers) {
    const fixture = customer.locations[0]?.fixture;
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
