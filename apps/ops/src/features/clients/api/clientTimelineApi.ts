// What the client's timeline is made of: notes (Comment), tickets and jobs (their creation and
// their Version history), payments. Read in parallel; the Versions need the ticket and job names.
import { erpList } from '@/shared/http';
import type { TimelineSources } from '../model/buildTimeline';


/** Enough history for a call; older entries are in ERPNext. */
const LIMIT = 100;

export async function fetchTimelineSources(id: string, signal?: AbortSignal): Promise<TimelineSources> {
  const [comments, issues, jobs, payments] = await Promise.all([
    erpList('Comment', {
      fields: ['name', 'content', 'comment_email', 'comment_by', 'creation'],
      filters: [
        ['reference_doctype', '=', 'Customer'],
        ['reference_name', '=', id],
        ['comment_type', '=', 'Comment'],
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
  ]);
  const names = [...issues.map((i) => i.name), ...jobs.map((j) => j.name)];
  const versions =
    names.length === 0
      ? []
      : await erpList('Version', {
          fields: ['name', 'ref_doctype', 'docname', 'data', 'creation', 'owner'],
          filters: [
            ['ref_doctype', 'in', ['Issue', 'Dispatch Job']],
            ['docname', 'in', names],
          ],
          orderBy: 'creation desc',
          limit: LIMIT * 2,
          signal,
        });
  return { comments, issues, jobs, payments, versions };
}
