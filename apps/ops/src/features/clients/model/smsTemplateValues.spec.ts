import { describe, expect, it } from 'vitest';
import type { JobRow } from '../api/clientDetailApi';
import { fillTemplate, templateValues } from './smsTemplateValues';

const job = (over: Partial<JobRow>): JobRow =>
  ({ name: 'DJ-000001', job_type: 'Installation', status: 'Scheduled', priority: 'Medium', requested_date: '2026-12-08', scheduled_date: '2026-12-08', start_time: '13:00:00', technician: 'TECH-001', service_location: 'LOC-000001', ...over }) as JobRow;
const context = (upcoming: JobRow[]) => ({
  customerName: 'Marie-Ève Tremblay',
  upcoming,
  technicianName: (id: string) => (id === 'TECH-001' ? 'Jean-Philippe Roy' : null),
  formatDate: (d: string) => `le ${d}`,
  formatWindow: (_d: string, t: string) => `vers ${t.slice(0, 5)}`,
});

describe('templateValues', () => {
  it('takes the client’s first name and the next scheduled visit’s date, window and technician', () => {
    expect(templateValues(context([job({ scheduled_date: null }), job({})]))).toEqual({ client_first_name: 'Marie-Ève', date: 'le 2026-12-08', window: 'vers 13:00', technician_first_name: 'Jean-Philippe' });
  });

  it('leaves out what it does not know', () => {
    expect(templateValues({ ...context([job({ technician: null, start_time: null })]), customerName: '' })).toEqual({ date: 'le 2026-12-08' });
  });
});

describe('fillTemplate', () => {
  it('renders in the customer’s language, or names the missing variables', () => {
    const values = templateValues(context([job({})]));
    const fr = fillTemplate('en_route', 'fr-CA', values);
    expect(fr).toEqual({ text: expect.stringContaining('Bonjour Marie-Ève, Jean-Philippe') });
    expect(fillTemplate('en_route', 'en-CA', values)).toEqual({ text: expect.stringMatching(/^Hello Marie-Ève, Jean-Philippe/) });
    expect(fillTemplate('en_route', 'fr-CA', { client_first_name: 'Luc' })).toEqual({ missing: ['technician_first_name', 'window'] });
  });
});
