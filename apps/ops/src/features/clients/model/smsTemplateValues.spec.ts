import { describe, expect, it } from 'vitest';
import type { JobRow } from '../api/clientDetailApi';
import { fillTemplate, templateValues } from './smsTemplateValues';

const job = (over: Partial<JobRow>): JobRow =>
  ({ name: 'DJ-000001', job_type: 'Installation', status: 'Scheduled', priority: 'Medium', requested_date: '2026-12-08', scheduled_date: '2026-12-08', start_time: '13:00:00', technician: 'TECH-001', service_location: 'LOC-000001', ...over }) as JobRow;
const context = (upcoming: JobRow[], language: 'fr-CA' | 'en-CA' = 'fr-CA') => ({
  customerName: 'Marie-Ève Tremblay',
  upcoming,
  technicianName: (id: string) => (id === 'TECH-001' ? 'Jean-Philippe Roy' : null),
  language,
});

describe('templateValues', () => {
  it('takes the client’s first name and the next scheduled visit’s date, window and technician', () => {
    expect(templateValues(context([job({ scheduled_date: null }), job({})]))).toEqual({ client_first_name: 'Marie-Ève', date: 'mardi 8 décembre', window: 'vers 13 h 00', technician_first_name: 'Jean-Philippe' });
  });

  it('words the date and time in the customer’s language, whatever the user’s', () => {
    expect(templateValues(context([job({})], 'en-CA'))).toMatchObject({ date: 'Tuesday, December 8', window: 'around 1:00 p.m.' });
  });

  it('leaves out what it does not know', () => {
    expect(templateValues({ ...context([job({ technician: null, start_time: null })]), customerName: '' })).toEqual({ date: 'mardi 8 décembre' });
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
