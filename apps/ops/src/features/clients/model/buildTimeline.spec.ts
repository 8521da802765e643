// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buildTimeline, versionChanges, type TimelineSources } from './buildTimeline';
import { commentText, noteToHtml } from '@/shared/format/htmlText';

const empty: TimelineSources = { comments: [], issues: [], jobs: [], payments: [], versions: [] };

describe('buildTimeline', () => {
  it('merges notes, tickets, jobs, their changes and payments, newest first', () => {
    const entries = buildTimeline({
      comments: [{ name: 'c1', content: 'A rappelé pour sa facture', comment_email: 'support@gigafibre.ca', comment_by: 'Nadia Bouchard', creation: '2025-11-26 10:00:00.000000' }],
      issues: [{ name: 'ISS-000001', subject: 'Internet lent', creation: '2025-11-20 09:00:00.000000', owner: 'support@gigafibre.ca' }],
      jobs: [{ name: 'DJ-000003', job_type: 'Repair', creation: '2025-11-21 08:00:00.000000', owner: 'Administrator' }],
      payments: [{ name: 'ACC-PAY-000001', paid_amount: 86.23, mode_of_payment: 'Interac', reference_name: 'ACC-SINV-000001', creation: '2025-11-02 12:00:00.000000' }],
      versions: [
        { name: 'v1', ref_doctype: 'Dispatch Job', docname: 'DJ-000003', data: '{"changed":[["status","Scheduled","En Route"]]}', creation: '2025-11-26 08:30:00.000000', owner: 'tech@gigafibre.ca' },
        { name: 'v2', ref_doctype: 'Issue', docname: 'ISS-000001', data: '{"changed":[["status","Open","Resolved"],["resolution_date",null,"2025-11-22 10:00:00"]]}', creation: '2025-11-22 10:00:00.000000', owner: 'support@gigafibre.ca' },
        { name: 'v3', ref_doctype: 'Issue', docname: 'ISS-000001', data: 'not json', creation: '2025-11-23 10:00:00.000000', owner: 'x' },
      ],
    });
    expect(entries.map((e) => [e.kind, e.at.slice(0, 10)])).toEqual([
      ['note', '2025-11-26'],
      ['job-changed', '2025-11-26'],
      ['ticket-changed', '2025-11-22'],
      ['job-created', '2025-11-21'],
      ['ticket-created', '2025-11-20'],
      ['payment', '2025-11-02'],
    ]);
    expect(entries[0]).toMatchObject({ by: 'Nadia Bouchard', text: 'A rappelé pour sa facture' });
    expect(entries[1]).toMatchObject({ title: 'Repair', by: 'tech@gigafibre.ca', changes: [{ field: 'status', from: 'Scheduled', to: 'En Route' }] });
    expect(entries[2]).toMatchObject({ title: 'Internet lent', ref: 'ISS-000001' });
    expect(entries[5]).toMatchObject({ amount: 86.23, mode: 'Interac', ref: 'ACC-SINV-000001' });
  });

  it('shows device actions and equipment scanned onto a job, naming the technician (never an e-mail)', () => {
    const entries = buildTimeline({
      ...empty,
      comments: [
        { name: 'c-info', comment_type: 'Info', content: 'Redémarrage de l’appareil ONT ALCL0A1B2C08 (fait)', comment_email: 'support@gigafibre.ca', comment_by: 'support@gigafibre.ca', creation: '2025-11-26 11:00:00.000000' },
      ],
      equipment: [
        { name: 'EQ-000010', equipment_type: 'Router', serial_no: 'TPLK0001', dispatch_job: 'DJ-000003', creation: '2025-11-26 10:00:00.000000', owner: 'tech@gigafibre.ca' },
        { name: 'EQ-000011', equipment_type: 'ONT', serial_no: 'ALCL0002', dispatch_job: 'DJ-000004', creation: '2025-01-01 10:00:00.000000', owner: 'Administrator' },
        { name: 'EQ-000012', equipment_type: 'ONT', serial_no: 'ALCL0003', dispatch_job: null, creation: '2025-01-01 10:00:00.000000', owner: 'Administrator' },
      ],
      versions: [
        // EQ-000011 was installed long ago, then linked to a job by a scan; other changes to equipment are not history.
        { name: 'v-eq', ref_doctype: 'Service Equipment', docname: 'EQ-000011', data: '{"changed":[["dispatch_job",null,"DJ-000004"]]}', creation: '2025-11-25 09:00:00.000000', owner: 'tech@gigafibre.ca' },
        { name: 'v-eq2', ref_doctype: 'Service Equipment', docname: 'EQ-000012', data: '{"changed":[["status","Active","Defective"]]}', creation: '2025-11-24 09:00:00.000000', owner: 'tech@gigafibre.ca' },
      ],
      people: new Map([
        ['support@gigafibre.ca', 'Nadia Bouchard'],
        ['tech@gigafibre.ca', 'Mathieu Caron'],
      ]),
    });
    expect(entries.map((e) => [e.kind, e.by, 'ref' in e ? e.ref : null, 'title' in e ? e.title : 'text' in e ? e.text : null])).toEqual([
      ['device-action', 'Nadia Bouchard', null, 'Redémarrage de l’appareil ONT ALCL0A1B2C08 (fait)'],
      ['equipment-scanned', 'Mathieu Caron', 'DJ-000003', 'Router TPLK0001'],
      ['equipment-scanned', 'Mathieu Caron', 'DJ-000004', 'ONT ALCL0002'],
      // Seeded at the client's installation by the API token: no person to name.
      ['equipment-scanned', null, 'DJ-000004', 'ONT ALCL0002'],
    ]);
  });

  it('is empty for a client with no history', () => {
    expect(buildTimeline(empty)).toEqual([]);
  });

  it('reads Version data defensively', () => {
    expect(versionChanges('{"changed":[["technician",null,"TECH-002"],[3,"x","y"],"bad"]}')).toEqual([{ field: 'technician', from: null, to: 'TECH-002' }]);
    expect(versionChanges(null)).toEqual([]);
    expect(versionChanges('{"changed":"x"}')).toEqual([]);
  });
});

describe('commentText', () => {
  it('keeps plain notes as written, and shows HTML notes as text only', () => {
    expect(commentText('  <3 le service, a dit « merci »  ')).toBe('<3 le service, a dit « merci »');
    expect(commentText('<div class="ql-editor"><p>Ligne 1</p><p>Ligne&nbsp;2<br>suite</p></div>')).toBe('Ligne 1\nLigne 2\nsuite');
    expect(commentText('<img src=x onerror="alert(1)"><script>alert(2)</script><b>Bonjour</b>')).toBe('Bonjour');
    expect(commentText(null)).toBe('');
  });
});

describe('noteToHtml', () => {
  it('escapes what the CSR typed, so it reads back (here and in ERPNext) exactly as typed', () => {
    const typed = 'Rappeler après 17 h <b>pas en gras</b> & "merci"\n\nLigne 3 <script>x</script>';
    const html = noteToHtml(typed);
    expect(html).toBe('<p>Rappeler après 17 h &lt;b&gt;pas en gras&lt;/b&gt; &amp; &quot;merci&quot;</p><p><br></p><p>Ligne 3 &lt;script&gt;x&lt;/script&gt;</p>');
    expect(commentText(html)).toBe('Rappeler après 17 h <b>pas en gras</b> & "merci"\n\nLigne 3 <script>x</script>');
  });
});

describe('buildTimeline: ticket activity with names (issue 16)', () => {
  const base = { comments: [], jobs: [], payments: [], versions: [] };
  it('lists replies and assignments on the client’s tickets, each by a person’s name', () => {
    const entries = buildTimeline({
      ...base,
      issues: [{ name: 'ISS-1', subject: 'Coupures', creation: '2026-11-18 09:00:00', owner: 'support@gigafibre.ca' }],
      replies: [
        { name: 'c1', reference_name: 'ISS-1', sender: 'support@gigafibre.ca', sent_or_received: 'Sent', creation: '2026-11-18 09:30:00' },
        { name: 'c2', reference_name: 'ISS-1', sender: 'client@x.ca', sent_or_received: 'Received', creation: '2026-11-18 09:40:00' },
      ],
      assignments: [{ name: 'm1', reference_name: 'ISS-1', comment_type: 'Assigned', content: 'Nadia Bouchard a assigné Sophie Martel : Affectation', comment_email: 'support@gigafibre.ca', creation: '2026-11-18 09:10:00' }],
      people: new Map([['support@gigafibre.ca', 'Nadia Bouchard'], ['TECH-029', 'Mathieu Caron']]),
    });
    expect(entries.map((e) => [e.kind, e.by])).toEqual([
      ['ticket-reply', 'Nadia Bouchard'],
      ['ticket-activity', 'Nadia Bouchard'],
      ['ticket-created', 'Nadia Bouchard'],
    ]);
  });

  it('names the technician a job moved to, not their record', () => {
    const [entry] = buildTimeline({
      ...base,
      issues: [],
      jobs: [{ name: 'DJ-1', job_type: 'Repair', creation: '2026-11-18 08:00:00', owner: 'dispatch@gigafibre.ca' }],
      versions: [{ name: 'v1', ref_doctype: 'Dispatch Job', docname: 'DJ-1', data: JSON.stringify({ changed: [['technician', null, 'TECH-029']] }), creation: '2026-11-18 09:00:00', owner: 'dispatch@gigafibre.ca' }],
      people: new Map([['TECH-029', 'Mathieu Caron'], ['dispatch@gigafibre.ca', 'Martin Lavoie']]),
    });
    expect(entry).toMatchObject({ kind: 'job-changed', by: 'Martin Lavoie', changes: [{ field: 'technician', from: null, to: 'Mathieu Caron' }] });
  });
});
