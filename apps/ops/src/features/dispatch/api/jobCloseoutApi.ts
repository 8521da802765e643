// What the technician recorded when closing a job, as the drawer shows it: the step times, the
// notes, the reason of a failure, the checklist, and the files (photos, signature) attached to it.
// Files are private: the BFF serves them only to users who may read the job (access table).
import { LATE_ITEM_PREFIX, type Comment, type DispatchJob, type ErpFile } from '@gigafibre/contracts';
import { apiUrl, erpGet, erpList, type CallOptions } from '@/shared/http';

export const CLOSEOUT_JOB_FIELDS = [
  'name',
  'job_type',
  'status',
  'en_route_at',
  'arrived_at',
  'closed_at',
  'completion_notes',
  'failure_reason',
  'failure_details',
  'checklist_done',
] as const satisfies readonly (keyof DispatchJob)[];
export type CloseoutJob = Pick<DispatchJob, (typeof CLOSEOUT_JOB_FIELDS)[number]>;

const CLOSEOUT_FILE_FIELDS = ['name', 'file_name', 'file_url', 'creation'] as const;
export type CloseoutFile = Pick<ErpFile, (typeof CLOSEOUT_FILE_FIELDS)[number]>;

/** A job carries a few photos and one signature; the technician's page caps them the same way. */
const FILES_PAGE = 100;

export async function getCloseoutJob(job: string, options: CallOptions = {}): Promise<CloseoutJob> {
  const doc = await erpGet('Dispatch Job', job, options);
  const out = {} as Record<string, unknown>;
  for (const field of CLOSEOUT_JOB_FIELDS) out[field] = doc[field] ?? null;
  return out as CloseoutJob;
}

export const listCloseoutFiles = (job: string, signal?: AbortSignal): Promise<CloseoutFile[]> =>
  erpList('File', {
    fields: [...CLOSEOUT_FILE_FIELDS],
    filters: [
      ['attached_to_doctype', '=', 'Dispatch Job'],
      ['attached_to_name', '=', job],
    ],
    orderBy: 'creation asc',
    limit: FILES_PAGE,
    signal,
  });

export type LateItemComment = Pick<Comment, 'name' | 'content' | 'creation' | 'owner'>;
/** A job reassigned or cancelled under a technician offline collects a few of these at most. */
const LATE_ITEMS_PAGE = 50;

/** What technicians recorded offline for this job after it was reassigned or cancelled (Comments). */
export const listLateItems = (job: string, signal?: AbortSignal): Promise<LateItemComment[]> =>
  erpList('Comment', {
    fields: ['name', 'content', 'creation', 'owner'],
    filters: [
      ['reference_doctype', '=', 'Dispatch Job'],
      ['reference_name', '=', job],
      ['comment_type', '=', 'Comment'],
      ['content', 'like', `${LATE_ITEM_PREFIX}%`],
    ],
    orderBy: 'creation asc',
    limit: LATE_ITEMS_PAGE,
    signal,
  });

/** Where the browser reads a private file: through the BFF, which checks the job is readable. */
export const closeoutFileSrc = (file: CloseoutFile): string => apiUrl(`/erp${file.file_url ?? ''}`);
