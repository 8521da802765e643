// The unassigned queue: which jobs it lists under the dispatcher's filters, in what order, and
// the search that dims cards on the board.
import { priorityRank } from './dispatchStatus';
import type { BoardJob } from './dispatchTypes';

/** Which requested dates the queue lists, relative to the day on the board. */
export type QueueWindow = 'day' | 'due' | 'all';

export interface QueueFilter {
  region: string | null;
  types: readonly string[];
  priorities: readonly string[];
  tags: readonly string[];
  skills: readonly string[];
  window: QueueWindow;
}

export const EMPTY_QUEUE_FILTER: QueueFilter = { region: null, types: [], priorities: [], tags: [], skills: [], window: 'due' };

/** Frappe's `_user_tags` (`,VIP,Chien sur place`) as a list. */
export function jobTags(job: Pick<BoardJob, '_user_tags'>): string[] {
  return (job._user_tags ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

/** Lower case without accents, so « Lévesque » is found by typing « levesque ». */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const anyOf = (wanted: readonly string[], value: string | null) => wanted.length === 0 || (value !== null && wanted.includes(value));

/** The job is waiting in the queue (no technician yet) and passes the filters for `date`. */
export function inQueue(job: BoardJob, filter: QueueFilter, date: string): boolean {
  if (job.status !== 'Unscheduled') return false;
  if (filter.region !== null && job.territory !== filter.region) return false;
  if (filter.window === 'day' && job.requested_date !== date) return false;
  if (filter.window === 'due' && job.requested_date > date) return false;
  if (!anyOf(filter.types, job.job_type) || !anyOf(filter.priorities, job.priority) || !anyOf(filter.skills, job.required_skill)) return false;
  if (filter.tags.length > 0) {
    const tags = jobTags(job);
    if (!filter.tags.some((t) => tags.includes(t))) return false;
  }
  return true;
}

/** Most urgent first, then the longest waiting, then by number. */
export function compareQueue(a: BoardJob, b: BoardJob): number {
  return (
    priorityRank(b.priority) - priorityRank(a.priority) ||
    (a.requested_date < b.requested_date ? -1 : a.requested_date > b.requested_date ? 1 : 0) ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
}

/** How many filters are narrowing the queue (for the filter button's badge). */
export function activeFilterCount(filter: QueueFilter): number {
  return filter.types.length + filter.priorities.length + filter.tags.length + filter.skills.length + (filter.window === 'due' ? 0 : 1);
}

/** Every tag carried by the given jobs, sorted the French way. */
export function tagsIn(jobs: Iterable<BoardJob>): string[] {
  const found = new Set<string>();
  for (const job of jobs) for (const tag of jobTags(job)) found.add(tag);
  return [...found].sort((a, b) => a.localeCompare(b, 'fr-CA'));
}

/**
 * A search over what a dispatcher would type: job number, client, address, city, technician.
 * `words` must all appear (in any order), accents and case ignored.
 */
export function searchMatcher(query: string): ((haystack: string) => boolean) | null {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  return (haystack) => words.every((w) => haystack.includes(w));
}

/**
 * Whether the board for `date` shows this job at all: scheduled that day (on a technician), or
 * waiting in the queue with a requested date in the window the board loaded.
 */
export function isOnBoard(job: BoardJob, date: string, window: { from: string; to: string }): boolean {
  if (job.status === 'Unscheduled') return job.technician === null && job.requested_date >= window.from && job.requested_date <= window.to;
  return job.scheduled_date === date && job.technician !== null;
}
