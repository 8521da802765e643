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

/** `GET /auth/users` answer: the users, by name (optional `?search=` on name/email/username, `?group=`). */
export type AuthUserList = AuthUser[];

/** `PATCH /auth/users/:pk` body, validated by the hub: change groups, name or (de)activate. */
export const updateUserSchema = z
  .object({
    name: z.string().trim().min(1).max(150).optional(),
    groups: z.array(z.string().min(1).max(100)).min(1).max(20).optional(),
    is_active: z.boolean().optional(),
  })
  .strict()
  .refine((v) => v.name !== undefined || v.groups !== undefined || v.is_active !== undefined, {
    message: 'au moins un champ à modifier',
  });

/** `PATCH /auth/users/:pk` body. */
export type UpdateUserRequest = z.infer<typeof updateUserSchema>;

/** The hub's error body for its own routes (4xx/5xx): a French message, and the details when validating. */
export interface HubError {
  error: string;
  /** Field → problems, for validation failures (400). */
  issues?: Record<string, string[]>;
  /** A machine-readable reason, where a route documents them (e.g. `MessageRefusalCode`). */
  code?: string;
  /** Twilio's error code for the same refusal, when it has one. */
  twilio_code?: number;
}
