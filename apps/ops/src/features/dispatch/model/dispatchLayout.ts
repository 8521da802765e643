// Where everything goes on the board, computed once per change in plain functions (no watcher per
// card): technician rows grouped by region, each job a card positioned in % of the time axis,
// overlapping jobs stacked in lanes. Rows whose inputs did not change keep their object, so Vue
// skips re-rendering them.
import { REGIONS } from '@gigafibre/contracts';
import { conflictKinds, type Conflict, type ConflictKind } from './dispatchConflicts';
import type { Axis } from './dispatchTime';
import { isLocked, statusSlug } from './dispatchStatus';
import type { AbsenceBlock, BoardJob, Placement, TechProfile, BoardTechnician } from './dispatchTypes';

/** Pixel sizes the template and the virtual scroller agree on. */
export const LANE_HEIGHT = 42;
export const ROW_PADDING = 8;
export const GROUP_HEADER_HEIGHT = 32;

/** Words on a card, supplied by the page (i18n, customer names). */
export interface CardText {
  label: string;
  detail: string;
  /** What a screen reader hears after the visible words (job number, status, warnings). */
  extra: string;
}

export interface CardView {
  name: string;
  /** The job's service location (an outage there flags the card). */
  location: string;
  /** Position and size in % of the axis. */
  left: number;
  width: number;
  lane: number;
  status: string;
  slug: string;
  text: CardText;
  warnings: ConflictKind[];
  urgent: boolean;
  locked: boolean;
  dim: boolean;
  flash: boolean;
  /** In the dispatcher's selection (bulk moves). */
  selected: boolean;
  start: number;
  end: number;
}

export interface RowView {
  name: string;
  tech: BoardTechnician;
  profile: TechProfile;
  region: string;
  lanes: number;
  height: number;
  cards: CardView[];
  /** The shift as a band in % of the axis; null without a shift on file. */
  shift: { left: number; width: number } | null;
  bookedMinutes: number;
  warningCount: number;
  /** The technician's absences that day, as hatched bands in % of the axis. */
  absences: AbsenceView[];
}

export interface AbsenceView {
  name: string;
  left: number;
  width: number;
  start: number;
  end: number;
  reason: string;
  note: string | null;
}

export interface GroupView {
  region: string;
  rows: RowView[];
}

export interface BoardLayout {
  groups: GroupView[];
  /** Every row in display order (keyboard navigation, virtual scrolling). */
  rows: RowView[];
  /** Top of each row in px from the top of the rows area (group headers included). */
  tops: number[];
  totalHeight: number;
}

export interface BoardLayoutInput {
  technicians: readonly BoardTechnician[];
  profiles: ReadonlyMap<string, TechProfile>;
  /** The day's placed jobs per technician. */
  placed: ReadonlyMap<string, readonly { job: BoardJob; placement: Placement }[]>;
  axis: Axis;
  conflicts: ReadonlyMap<string, readonly Conflict[]>;
  text: (job: BoardJob, placement: Placement, warnings: readonly ConflictKind[]) => CardText;
  /** A new value (compared by identity) when the words change without the jobs changing: language, customer names. */
  textKey: unknown;
  dim: (job: BoardJob) => boolean;
  flash: ReadonlySet<string>;
  /** Height of a lane of cards (the density); LANE_HEIGHT when not given. */
  laneHeight?: number;
  /** The day's absences per technician. */
  absences?: ReadonlyMap<string, readonly AbsenceBlock[]>;
  /** The selected jobs (bulk moves). */
  selected?: ReadonlySet<string>;
}

const pct = (minutes: number, axis: Axis) => (minutes / (axis.end - axis.start)) * 100;

/** Greedy lanes: each job takes the first lane free at its start. Returns lane per index, and the count. */
export function assignLanes(items: readonly { start: number; end: number }[]): { lanes: number[]; count: number } {
  const order = items.map((_, i) => i).sort((a, b) => (items[a] as { start: number }).start - (items[b] as { start: number }).start);
  const laneEnds: number[] = [];
  const lanes = new Array<number>(items.length).fill(0);
  for (const i of order) {
    const item = items[i] as { start: number; end: number };
    let lane = laneEnds.findIndex((end) => end <= item.start);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(item.end);
    } else {
      laneEnds[lane] = item.end;
    }
    lanes[i] = lane;
  }
  return { lanes, count: Math.max(1, laneEnds.length) };
}

export function rowHeight(lanes: number, laneHeight = LANE_HEIGHT): number {
  return Math.max(1, lanes) * laneHeight + ROW_PADDING;
}

const regionRank = (region: string) => {
  const i = (REGIONS as readonly string[]).indexOf(region);
  return i === -1 ? REGIONS.length : i;
};

function buildRow(tech: BoardTechnician, input: BoardLayoutInput, entries: readonly { job: BoardJob; placement: Placement }[]): RowView {
  const { axis } = input;
  const profile = input.profiles.get(tech.name) as TechProfile;
  const sorted = [...entries].sort((a, b) => a.placement.start - b.placement.start || a.job.name.localeCompare(b.job.name));
  const { lanes, count } = assignLanes(sorted.map((e) => e.placement));
  let booked = 0;
  let warningCount = 0;
  const cards = sorted.map(({ job, placement }, i): CardView => {
    const start = Math.max(placement.start, axis.start);
    const end = Math.min(placement.end, axis.end);
    if (job.status !== 'Cancelled') booked += placement.end - placement.start;
    const warnings = conflictKinds(input.conflicts.get(job.name) ?? []);
    if (warnings.length > 0) warningCount++;
    return {
      name: job.name,
      location: job.service_location,
      left: pct(start - axis.start, axis),
      width: Math.max(pct(end - start, axis), 0.4),
      lane: lanes[i] ?? 0,
      status: job.status,
      slug: statusSlug(job.status),
      text: input.text(job, placement, warnings),
      warnings,
      urgent: job.priority === 'Urgent' || job.priority === 'High',
      locked: isLocked(job.status),
      dim: input.dim(job),
      flash: input.flash.has(job.name),
      selected: input.selected?.has(job.name) ?? false,
      start: placement.start,
      end: placement.end,
    };
  });
  const shift =
    profile.shiftStart !== null && profile.shiftEnd !== null
      ? {
          left: pct(Math.max(profile.shiftStart, axis.start) - axis.start, axis),
          width: pct(Math.max(0, Math.min(profile.shiftEnd, axis.end) - Math.max(profile.shiftStart, axis.start)), axis),
        }
      : null;
  const absences = (input.absences?.get(tech.name) ?? [])
    .filter((a) => a.end > axis.start && a.start < axis.end)
    .map((a): AbsenceView => {
      const from = Math.max(a.start, axis.start);
      const to = Math.min(a.end, axis.end);
      return { name: a.name, left: pct(from - axis.start, axis), width: pct(to - from, axis), start: a.start, end: a.end, reason: a.reason, note: a.note };
    });
  return {
    name: tech.name,
    tech,
    profile,
    absences,
    region: tech.territory ?? '',
    lanes: count,
    height: rowHeight(count, input.laneHeight),
    cards,
    shift,
    bookedMinutes: booked,
    warningCount,
  };
}

/** What a row depends on, compared item by item to decide whether it can be reused. */
function rowKey(tech: BoardTechnician, input: BoardLayoutInput, entries: readonly { job: BoardJob; placement: Placement }[]): unknown[] {
  const key: unknown[] = [tech, input.profiles.get(tech.name), input.axis.start, input.axis.end, input.textKey, input.laneHeight, input.absences?.get(tech.name)];
  for (const { job } of entries) {
    key.push(job, conflictKinds(input.conflicts.get(job.name) ?? []).join(), input.dim(job), input.flash.has(job.name), input.selected?.has(job.name) ?? false);
  }
  return key;
}

const sameKey = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

/**
 * A layout function with memory: call it with each new state; rows whose technician, jobs,
 * warnings, dimming, highlight and words are unchanged come back as the same objects.
 */
export function createBoardLayout(): (input: BoardLayoutInput) => BoardLayout {
  let memo = new Map<string, { key: unknown[]; row: RowView }>();
  return (input) => {
    const next = new Map<string, { key: unknown[]; row: RowView }>();
    const techs = [...input.technicians].sort(
      (a, b) => regionRank(a.territory ?? '') - regionRank(b.territory ?? '') || a.technician_name.localeCompare(b.technician_name, 'fr-CA'),
    );
    const groups: GroupView[] = [];
    const rows: RowView[] = [];
    const tops: number[] = [];
    let y = 0;
    for (const tech of techs) {
      const entries = input.placed.get(tech.name) ?? [];
      const key = rowKey(tech, input, entries);
      const previous = memo.get(tech.name);
      const row = previous && sameKey(previous.key, key) ? previous.row : buildRow(tech, input, entries);
      next.set(tech.name, { key, row });
      const region = row.region;
      let group = groups[groups.length - 1];
      if (!group || group.region !== region) {
        group = { region, rows: [] };
        groups.push(group);
        y += GROUP_HEADER_HEIGHT;
      }
      group.rows.push(row);
      rows.push(row);
      tops.push(y);
      y += row.height;
    }
    memo = next;
    return { groups, rows, tops, totalHeight: y };
  };
}
