// Job statuses as the board shows them (one colour each, shared by cards, legend and map) and
// what a dispatcher may do with a job in each.
import { isClosedJobStatus, JOB_STATUSES, nextJobStatuses, type JobStatus, type Priority } from '@gigafibre/contracts';

/** Accent colour per status, light and dark mode (cards' edge, legend dots, map markers). */
export const STATUS_COLORS: Readonly<Record<JobStatus, { light: string; dark: string }>> = {
  Unscheduled: { light: '#64748b', dark: '#94a3b8' },
  Scheduled: { light: '#0b5cad', dark: '#5ea8f0' },
  'En Route': { light: '#b45309', dark: '#fbbf24' },
  'In Progress': { light: '#7c3aed', dark: '#b69cfb' },
  Completed: { light: '#1b7a3a', dark: '#4cc777' },
  // Closed with a failure: red, so the board marks it at a glance.
  'Not Completed': { light: '#b91c1c', dark: '#f87171' },
  Cancelled: { light: '#78716c', dark: '#a8a29e' },
};

/** CSS-safe slug of a status: `En Route` → `en-route`. */
export function statusSlug(status: string): string {
  return status.toLowerCase().replace(/[^a-z]+/g, '-');
}

/** CSS custom properties `--dj-<slug>` for every status, for the board's root element. */
export function statusCssVars(dark: boolean): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const status of JOB_STATUSES) vars[`--dj-${statusSlug(status)}`] = STATUS_COLORS[status][dark ? 'dark' : 'light'];
  return vars;
}

export function statusColor(status: string, dark: boolean): string {
  const known = (JOB_STATUSES as readonly string[]).includes(status) ? (status as JobStatus) : 'Unscheduled';
  return STATUS_COLORS[known][dark ? 'dark' : 'light'];
}

/** A finished job stays where it is (the server refuses to move it). */
export const isLocked = isClosedJobStatus;

/** The technician is already on it: moving it deserves a second thought. */
export function isUnderway(status: string): boolean {
  return status === 'En Route' || status === 'In Progress';
}

/** The moves a dispatcher is offered: the lifecycle the server enforces (packages/contracts). */
export const nextStatuses = nextJobStatuses;

/** Higher first: Urgent 3 … Low 0 (unknown or empty counts as Medium). */
export function priorityRank(priority: string | null): number {
  const order: Record<Priority, number> = { Low: 0, Medium: 1, High: 2, Urgent: 3 };
  return priority && priority in order ? order[priority as Priority] : 1;
}

/** Material icon per skill (technician rows, queue cards). */
export const SKILL_ICONS: Readonly<Record<string, string>> = {
  'Fibre Splicing': 'cable',
  Installation: 'construction',
  'Wi-Fi/Mesh': 'wifi',
  Business: 'business_center',
};
