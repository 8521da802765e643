// The values a template's variables take for this client: their first name, and from their next
// scheduled visit its date, its arrival window and its technician's first name, worded in the
// customer's language (the template's), not the user's. A value not known is left out, so
// renderSmsTemplate names what is missing rather than texting « Bonjour , ».
import { firstName, MissingTemplateVariables, renderSmsTemplate, smsApproximateTime, smsDate, type SmsLanguage, type SmsTemplateId, type SmsTemplateVariable } from '@gigafibre/contracts';
import type { JobRow } from '../api/clientDetailApi';

export type TemplateValues = Partial<Record<SmsTemplateVariable, string>>;

export interface TemplateContext {
  customerName: string | null | undefined;
  /** Upcoming jobs, soonest first (splitJobs). */
  upcoming: readonly JobRow[];
  technicianName: (id: string) => string | null;
  /** The customer's language: the one the template is written in. */
  language: SmsLanguage;
}

export function templateValues(c: TemplateContext): TemplateValues {
  const values: TemplateValues = {};
  const first = firstName(c.customerName);
  if (first) values.client_first_name = first;
  const visit = c.upcoming.find((j) => j.scheduled_date);
  if (visit?.scheduled_date) {
    values.date = smsDate(visit.scheduled_date, c.language);
    const window = visit.start_time ? smsApproximateTime(visit.start_time, c.language) : null;
    if (window) values.window = window;
    const tech = visit.technician ? firstName(c.technicianName(visit.technician)) : '';
    if (tech) values.technician_first_name = tech;
  }
  return values;
}

/** The template's text for this client, or the variables it lacks. */
export function fillTemplate(id: SmsTemplateId, language: SmsLanguage, values: TemplateValues): { text: string } | { missing: SmsTemplateVariable[] } {
  try {
    return { text: renderSmsTemplate(id, language, values) };
  } catch (error) {
    if (error instanceof MissingTemplateVariables) return { missing: error.missing };
    throw error;
  }
}
