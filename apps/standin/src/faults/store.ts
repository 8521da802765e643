// Per-service fault rules (only ever created when STANDIN_FAULTS=1).
import { z } from 'zod';
import type { ActiveFault, FaultRule } from './types';

const ruleSchema = z
  .object({
    method: z
      .string()
      .regex(/^[A-Za-z]+$/)
      .transform((m) => m.toUpperCase())
      .optional(),
    path: z.string().startsWith('/').max(500),
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    status: z.number().int().min(100).max(599).optional(),
    body: z.unknown().optional(),
    headers: z
      .record(z.string().regex(/^[A-Za-z0-9-]{1,64}$/), z.string().max(1000).regex(/^[^\r\n]*$/))
      .refine((h) => Object.keys(h).length <= 20, 'au plus 20 en-têtes')
      .optional(),
    reset: z.literal(true).optional(),
    signIn: z.literal(true).optional(),
    count: z.number().int().min(1).max(1_000_000).optional(),
    cookie: z.string().min(1).max(4096).optional(),
    query: z.string().min(1).max(500).optional(),
    sms: z
      .object({
        outcome: z.enum(['undelivered', 'failed']).optional(),
        errorCode: z.number().int().min(30001).max(30999).optional(),
        delayMs: z.number().int().min(0).max(600_000).optional(),
      })
      .strict()
      .refine((f) => (f.outcome === undefined) === (f.errorCode === undefined), { message: 'outcome et errorCode vont ensemble' })
      .optional(),
  })
  .strict()
  .refine((r) => r.latencyMs !== undefined || r.status !== undefined || r.reset || r.signIn || r.sms, {
    message: 'une panne doit avoir latencyMs, status, reset, signIn ou sms',
  });

/** Validates a rule from JSON; throws a readable Error. */
export function parseFaultRule(input: unknown): FaultRule {
  const result = ruleSchema.safeParse(input);
  if (!result.success) {
    throw new Error(result.error.issues.map((i) => `${i.path.join('.') || 'panne'}: ${i.message}`).join('; '));
  }
  return result.data as FaultRule;
}

export class FaultStore {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  add(rule: FaultRule): ActiveFault {
    const fault: ActiveFault = { ...rule, id: this.nextId++, remaining: rule.count ?? 1 };
    this.faults.push(fault);
    return fault;
  }

  list(): ActiveFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }

  /** The first fault for this request, used up by one; undefined when none applies. */
  take(method: string, path: string, scope: { cookie?: string; query?: string } = {}): ActiveFault | undefined {
    const fault = this.find(method, path, scope);
    if (!fault) return undefined;
    fault.remaining--;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return { ...fault };
  }

  /** The fault `take` would use, left in place (the edge's forward-auth endpoint looks before a proxy replays the request). */
  peek(method: string, path: string, scope: { cookie?: string; query?: string } = {}): ActiveFault | undefined {
    const fault = this.find(method, path, scope);
    return fault && { ...fault };
  }

  private find(method: string, path: string, scope: { cookie?: string; query?: string }): ActiveFault | undefined {
    if (this.faults.length === 0) return undefined;
    const decoded = decodedUrl(path);
    const query = decodedUrl((scope.query ?? '').replace(/\+/g, ' ')); // form-encoded: + is a space
    return this.faults.find(
      (f) =>
        (!f.method || f.method === method) &&
        (path.startsWith(f.path) || decoded.startsWith(f.path)) &&
        (!f.cookie || (scope.cookie ?? '').includes(f.cookie)) &&
        (!f.query || query.includes(f.query)),
    );
  }
}

/** Rules may be written as people read URLs (`/api/resource/Dispatch Job`) or as sent (`…/Dispatch%20Job`). */
function decodedUrl(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
