// The demo accounts the edge's sign-in page offers (one per default group, plus a second
// dispatcher for the two-dispatcher tests). Seeded as Authentik users and ERPNext Users.
// No runtime dependencies: e2e tests import this file directly.

export interface DemoUser {
  email: string;
  password: string;
  name: string;
  username: string;
  groups: readonly string[];
  /** The seeded Technician record, for technicians. */
  technician?: string;
}

export const DEMO_USERS = [
  { email: 'admin@gigafibre.ca', password: 'demo-admin', name: 'Isabelle Gauthier', username: 'admin', groups: ['ops-admin'] },
  { email: 'dispatch@gigafibre.ca', password: 'demo-dispatch', name: 'Martin Lavoie', username: 'dispatch', groups: ['ops-dispatch'] },
  { email: 'dispatch2@gigafibre.ca', password: 'demo-dispatch2', name: 'Chloé Bergeron', username: 'dispatch2', groups: ['ops-dispatch'] },
  { email: 'support@gigafibre.ca', password: 'demo-support', name: 'Nadia Bouchard', username: 'support', groups: ['ops-support'] },
  { email: 'tech@gigafibre.ca', password: 'demo-tech', name: 'Jean-François Roy', username: 'tech', groups: ['ops-tech'], technician: 'TECH-001' },
] as const satisfies readonly DemoUser[];

/** Demo users by role, for tests: `DEMO.dispatch.email`. */
export const DEMO = {
  admin: DEMO_USERS[0],
  dispatch: DEMO_USERS[1],
  dispatch2: DEMO_USERS[2],
  support: DEMO_USERS[3],
  tech: DEMO_USERS[4],
} as const;
