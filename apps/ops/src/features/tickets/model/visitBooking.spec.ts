import { describe, expect, it } from 'vitest';
import { validateVisit, visitDefaults, visitJob } from './visitBooking';

const TODAY = '2026-11-18';

describe('visit booking', () => {
  it('starts from the ticket: its priority, a repair of the usual length, the skill its type needs, tomorrow', () => {
    const form = visitDefaults({ subject: 'Le Wi-Fi ne se rend pas au sous-sol', priority: 'High', issue_type: 'Wi-Fi' }, ['LOC-000001'], TODAY);
    expect(form).toEqual({ job_type: 'Repair', service_location: 'LOC-000001', duration_minutes: 60, required_skill: 'Wi-Fi/Mesh', priority: 'High', requested_date: '2026-11-19', requested_window: 'Any', notes: 'Le Wi-Fi ne se rend pas au sous-sol' });
    expect(visitDefaults(null, ['LOC-1', 'LOC-2'], TODAY).service_location).toBeNull();
  });

  it('names each wrong field: no location, a length out of 5–720, a past day, notes too long', () => {
    const form = visitDefaults(null, ['LOC-1'], TODAY);
    expect(validateVisit(form, ['LOC-1'], TODAY)).toEqual({});
    expect(validateVisit({ ...form, service_location: null, duration_minutes: 721, requested_date: '2026-11-17', notes: 'x'.repeat(2001) }, ['LOC-1'], TODAY)).toEqual({
      service_location: 'location',
      duration_minutes: 'duration',
      requested_date: 'day',
      notes: 'notes',
    });
    expect(validateVisit({ ...form, service_location: 'LOC-9' }, ['LOC-1'], TODAY)).toEqual({ service_location: 'location' });
  });

  it('becomes an Unscheduled job linked to the client and the ticket', () => {
    const form = visitDefaults({ priority: 'Urgent', issue_type: 'Technique' }, ['LOC-1'], TODAY);
    expect(visitJob({ ...form, notes: '  ' }, 'CUST-00001', 'ISS-000001')).toEqual({
      job_type: 'Repair',
      status: 'Unscheduled',
      customer: 'CUST-00001',
      service_location: 'LOC-1',
      duration_minutes: 60,
      required_skill: 'Fibre Splicing',
      priority: 'Urgent',
      requested_date: '2026-11-19',
      requested_window: 'Any',
      notes: null,
      issue: 'ISS-000001',
    });
  });
});
