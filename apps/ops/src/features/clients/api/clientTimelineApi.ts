// What the client's timeline is made of: notes and the hub's records of device actions (Comment,
// Info), tickets, jobs and equipment (their creation and their Version history: a scan linking a
// device to a job), payments. Read in parallel; the Versions need the ticket, job and equipment names.
import { erpList } from '@/shared/http';
import { versionChanges, type TimelineSources } from '../model/buildTimeline';
import { fetchTechnicianNames, fetchTechnicianUserNames } from './clientDetailApi';


/** Enough history for a call; older entries are in ERPNext. */
const LIMIT = 100;

export async function fetchTimelineSources(id: string, signal?: AbortSignal): Promise<TimelineSources> {
  const [comments, issues, jobs, payments, equipment] = await Promise.all([
    erpList('Comment', {
      fields: ['name', 'comment_type', 'content', 'comment_email', 'comment_by', 'creation'],
      filters: [
        ['reference_doctype', '=', 'Customer'],
        ['reference_name', '=', id],
        // Info: what targo-hub records of a reboot or refresh asked from « Diagnostiquer ».
        ['comment_type', 'in', ['Comment', 'Info']],
      ],
      orderBy: 'creation desc',
      limit: LIMIT,
      signal,
    }),
    erpList('Issue', { fields: ['name', 'subject', 'creation', 'owner'], filters: [['customer', '=', id]], orderBy: 'creation desc', limit: LIMIT, signal }),
    erpList('Dispatch Job', { fields: ['name', 'job_type', 'creation', 'owner'], filters: [['customer', '=', id]], orderBy: 'creation desc', limit: LIMIT, signal }),
    erpList('Payment Entry', {
      fields: ['name', 'paid_amount', 'mode_of_payment', 'reference_name', 'creation'],
      filters: [['party', '=', id]],
      orderBy: 'creation desc',
      limit: LIMIT,
      signal,
    }),
    erpList('Service Equipment', {
      fields: ['name', 'equipment_type', 'serial_no', 'dispatch_job', 'creation', 'owner'],
      filters: [['customer', '=', id]],
      orderBy: 'creation desc',
      limit: LIMIT,
      signal,
    }),
  ]);
  const names = [...issues.map((i) => i.name), ...jobs.map((j) => j.name), ...equipment.map((e) => e.name)];
  const tickets = issues.map((i) => i.name);
  const onTickets = (doctypeField: string, nameField: string): [string, 'in' | '=', string | string[]][] => [
    [doctypeField, '=', 'Issue'],
    [nameField, 'in', tickets],
  ];
  // Replies and assignments on the client's tickets, and the staff's names (never an e-mail).
  const [replies, assignments, users] = await Promise.all([
    tickets.length === 0
      ? []
      : erpList('Communication', { fields: ['name', 'reference_name', 'sender', 'sent_or_received', 'creation'], filters: onTickets('reference_doctype', 'reference_name') as never, orderBy: 'creation desc', limit: LIMIT, signal }),
    tickets.length === 0
      ? []
      : erpList('Comment', {
          fields: ['name', 'reference_name', 'comment_type', 'content', 'comment_email', 'creation'],
          filters: [...onTickets('reference_doctype', 'reference_name'), ['comment_type', 'in', ['Assigned', 'Assignment Completed', 'Comment', 'Info']]] as never,
          orderBy: 'creation desc',
          limit: LIMIT,
          signal,
        }),
    erpList('User', { fields: ['name', 'full_name'], filters: [['user_type', '=', 'System User']], orderBy: 'name asc', limit: 500, signal }),
  ]);
  const versions =
    names.length === 0
      ? []
      : await erpList('Version', {
          fields: ['name', 'ref_doctype', 'docname', 'data', 'creation', 'owner'],
          filters: [
            ['ref_doctype', 'in', ['Issue', 'Dispatch Job', 'Service Equipment']],
            ['docname', 'in', names],
          ],
          orderBy: 'creation desc',
          limit: LIMIT * 3,
          signal,
        });
  // A job moved to a technician names them (never TECH-029); users who may not read technicians keep the ids.
  const techIds = [...new Set(versions.flatMap((v) => versionChanges(v.data).filter((c) => c.field === 'technician').flatMap((c) => [c.from, c.to])).filter((x): x is string => !!x))];
  // Technicians act as their own user (a scan, a status change): named from their Technician record.
  const staff = new Map(users.map((u): [string, string] => [u.name, u.full_name ?? u.name]));
  const actors = [...new Set([...versions.map((v) => v.owner), ...equipment.map((e) => e.owner)])].filter((u) => u.includes('@') && !staff.has(u));
  const none = () => new Map<string, string>();
  const [techs, techUsers] = await Promise.all([fetchTechnicianNames(techIds, signal).catch(none), fetchTechnicianUserNames(actors, signal).catch(none)]);
  return { comments, issues, jobs, payments, versions, replies, assignments, equipment, people: new Map([...staff, ...techs, ...techUsers]) };
}
