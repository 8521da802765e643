import { z } from 'zod';

/** A staff user as the hub reports it from Authentik (`GET /auth/users`). */
export interface AuthUser {
  pk: number;
  username: string;
  email: string;
  name: string;
  groups: string[];
  is_active: boolean;
  /** ISO 8601. */
  created: string;
  last_login: string | null;
}

/** `POST /auth/users` body, validated by the hub. */
export const inviteUserSchema = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(150),
  groups: z.array(z.string().min(1).max(100)).min(1).max(20),
});

/** `POST /auth/users` body. */
export type InviteUserRequest = z.infer<typeof inviteUserSchema>;

/** `POST /auth/users` answer (201, or 207 when a step after the Authentik user failed). */
export interface InviteUserResult {
  user: AuthUser;
  /** Shown once to the admin; 12 characters without look-alikes. */
  temporary_password: string;
  steps: {
    authentik: 'created';
    erpnext: 'created' | 'failed';
    email: 'sent' | 'failed';
  };
  /** Human-readable problems, one per failed step. */
  warnings: string[];
}
