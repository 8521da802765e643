// What the board shows, derived from its data and the dispatcher's choices (region, search,
// queue filters): placements, conflicts, the layout of rows and cards, and the queue. All of it
// in computed values over plain functions; the layout keeps unchanged rows as the same objects.
import { computed, shallowRef, type Ref } from 'vue';
import { absenceBlocks, absencesByTechnician } from '../model/dispatchAbsences';
import { boardConflicts, placementOf, techProfile, type ConflictKind } from '../model/dispatchConflicts';
import { createBoardLayout, type CardText } from '../model/dispatchLayout';
import { compareQueue, EMPTY_QUEUE_FILTER, foldText, inQueue, searchMatcher, tagsIn, type QueueFilter } from '../model/dispatchQueueFilter';
import { isDstChangeDay } from '@gigafibre/contracts';
import { axisFor } from '../model/dispatchTime';
import type { BoardJob, BoardTechnician, Placement, TechProfile } from '../model/dispatchTypes';
import type { DispatchBoardData } from './useDispatchBoard';
import type { DispatchLabels } from './useDispatchLabels';

export function useDispatchBoardView(board: DispatchBoardData, labels: DispatchLabels, search: Ref<string>, laneHeight?: Ref<number>, selected?: Ref<ReadonlySet<string>>) {
  const region = shallowRef<string | null>(null);
  const queueFilter = shallowRef<QueueFilter>(EMPTY_QUEUE_FILTER);
  const layoutOf = createBoardLayout();
  const profileCache = new WeakMap<BoardTechnician, TechProfile>();
  const haystackCache = new WeakMap<BoardJob, string>();

  const allJobs = computed(() => {
    void board.version.value;
    return [...board.jobs.values()];
  });

  const profiles = computed(() => {
    const map = new Map<string, TechProfile>();
    for (const tech of board.technicians.value) {
      let profile = profileCache.get(tech);
      if (!profile) {
        profile = techProfile(tech);
        profileCache.set(tech, profile);
      }
      map.set(tech.name, profile);
    }
    return map;
  });

  const techByName = computed(() => new Map(board.technicians.value.map((t) => [t.name, t])));

  /** The day's placed jobs, per technician and as one list. */
  const placed = computed(() => {
    const day = board.date.value;
    const dst = isDstChangeDay(day);
    const byTech = new Map<string, { job: BoardJob; placement: Placement }[]>();
    const list: Placement[] = [];
    for (const job of allJobs.value) {
      if (job.scheduled_date !== day) continue;
      const placement = placementOf(job, dst);
      if (!placement) continue;
      list.push(placement);
      const entries = byTech.get(placement.technician);
      if (entries) entries.push({ job, placement });
      else byTech.set(placement.technician, [{ job, placement }]);
    }
    return { byTech, list };
  });

  /** The day's absences, cut to the day: as a list (ranking) and per technician (rows, conflicts). */
  const absences = computed(() => {
    const list = absenceBlocks(board.absences.value, board.date.value);
    return { list, byTech: absencesByTechnician(list) };
  });

  const conflicts = computed(() => boardConflicts(placed.value.list, profiles.value, absences.value.byTech));

  const axis = computed(() => {
    const ranges: { start: number; end: number }[] = [...placed.value.list];
    for (const p of profiles.value.values()) if (p.shiftStart !== null && p.shiftEnd !== null) ranges.push({ start: p.shiftStart, end: p.shiftEnd });
    return axisFor(ranges);
  });

  const customerName = (job: BoardJob) => board.customers.value.get(job.customer)?.customer_name ?? job.customer;

  function haystack(job: BoardJob): string {
    let text = haystackCache.get(job);
    if (text === undefined) {
      const loc = board.locations.value.get(job.service_location);
      const tech = job.technician ? techByName.value.get(job.technician)?.technician_name : '';
      text = foldText([job.name, customerName(job), loc?.address_line, loc?.city, loc?.postal_code, tech, job.technician].filter(Boolean).join(' '));
      haystackCache.set(job, text);
    }
    return text;
  }

  const matcher = computed(() => searchMatcher(search.value));
  /** Changes identity when card words change although jobs did not (language, names loaded). */
  const textKey = computed(() => ({ locale: labels.locale.value, customers: board.customers.value }));

  function cardText(job: BoardJob, placement: Placement, warnings: readonly ConflictKind[]): CardText {
    const who = customerName(job);
    const when = labels.range(placement.start, placement.end);
    const what = labels.jobType(job.job_type);
    const extra = [job.name, labels.status(job.status), ...warnings.map(labels.conflictKind)].join(', ');
    // The type before the time: on a short card the ellipsis eats the end, and the type is what a
    // dispatcher scans for (the time is on the axis).
    return { label: who, detail: `${what} · ${when}`, extra };
  }

  const visibleTechnicians = computed(() =>
    region.value === null ? board.technicians.value : board.technicians.value.filter((t) => t.territory === region.value),
  );

  const layout = computed(() => {
    const match = matcher.value;
    return layoutOf({
      technicians: visibleTechnicians.value,
      profiles: profiles.value,
      placed: placed.value.byTech,
      axis: axis.value,
      conflicts: conflicts.value,
      text: cardText,
      textKey: textKey.value,
      dim: match ? (job) => !match(haystack(job)) : () => false,
      flash: board.flash.value,
      laneHeight: laneHeight?.value,
      absences: absences.value.byTech,
      selected: selected?.value,
    });
  });

  const queueAll = computed(() => allJobs.value.filter((j) => j.status === 'Unscheduled'));
  const queue = computed(() => {
    const f = { ...queueFilter.value, region: region.value };
    const match = matcher.value;
    return queueAll.value.filter((j) => inQueue(j, f, board.date.value) && (!match || match(haystack(j)))).sort(compareQueue);
  });
  /** The queue's size for the region and day, before the dispatcher's own filters. */
  const queueTotal = computed(() => queueAll.value.filter((j) => inQueue(j, { ...EMPTY_QUEUE_FILTER, region: region.value }, board.date.value)).length);
  const queueTags = computed(() => tagsIn(queueAll.value));

  const stats = computed(() => {
    let jobs = 0;
    let warnings = 0;
    for (const row of layout.value.rows) {
      jobs += row.cards.length;
      warnings += row.warningCount;
    }
    return { jobs, warnings, technicians: layout.value.rows.length };
  });

  /** Matches of the search among the day's cards and the queue, in display order. */
  const searchHits = computed(() => {
    const match = matcher.value;
    if (!match) return [];
    const hits = queue.value.map((j) => j.name);
    for (const row of layout.value.rows) for (const card of row.cards) if (!card.dim) hits.push(card.name);
    return hits;
  });

  return {
    region,
    queueFilter,
    profiles,
    techByName,
    placed,
    absences,
    conflicts,
    axis,
    layout,
    queue,
    queueTotal,
    queueTags,
    stats,
    searchHits,
    customerName,
  };
}

export type DispatchBoardView = ReturnType<typeof useDispatchBoardView>;
