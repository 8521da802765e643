// The jobs the board shows, and the rules for changing them from three directions at once: the
// dispatcher's own optimistic moves, the server's answers, and other people's changes arriving
// live. Plain TypeScript (no Vue): it calls `onChange` after every change to what the board shows,
// and the composable turns that into reactivity, so no caller has to remember to say so.
import type { BoardJob } from './dispatchTypes';

/** Frappe's `modified` (`YYYY-MM-DD HH:mm:ss.ffffff`) sorts as text. */
const newer = (a: BoardJob, b: BoardJob) => a.modified > b.modified;

export type RemoteOutcome = 'applied' | 'deferred' | 'stale';

export interface OptimisticWrite {
  name: string;
  /** The job before the move (what a rollback restores). */
  before: BoardJob | undefined;
  /** What the board shows until the server answers. */
  shown: BoardJob;
}

export class DispatchJobSet {
  private readonly jobs = new Map<string, BoardJob>();
  /** Remote versions held back while their card is being dragged or written (name → job, null = gone). */
  private readonly held = new Map<string, BoardJob | null>();
  private readonly writing = new Set<string>();
  private dragging: string | null = null;

  /** `onChange`: called after every change to the jobs shown (not to what is held back). */
  constructor(private readonly onChange: () => void = () => undefined) {}

  get size(): number {
    return this.jobs.size;
  }

  get(name: string): BoardJob | undefined {
    return this.jobs.get(name);
  }

  values(): IterableIterator<BoardJob> {
    return this.jobs.values();
  }

  /**
   * Replaces everything (a new day, a reload after the stream came back). A card being dragged or
   * written stays as shown; the server's version of it waits like any live update. Returns the
   * jobs now shown that were not, or not in this version (what a reload after a gap brought).
   */
  replaceAll(list: readonly BoardJob[]): string[] {
    const before = new Map([...this.jobs.values()].map((j) => [j.name, j.modified]));
    const busy = [...this.jobs.values()].filter((j) => this.busy(j.name));
    this.jobs.clear();
    this.held.clear();
    for (const job of busy) {
      this.jobs.set(job.name, job);
      this.held.set(job.name, null);
    }
    const changed: string[] = [];
    for (const job of list) {
      if (this.busy(job.name)) this.held.set(job.name, job);
      else {
        this.jobs.set(job.name, job);
        if (before.get(job.name) !== job.modified) changed.push(job.name);
      }
    }
    this.onChange();
    return changed;
  }

  private busy(name: string): boolean {
    return this.dragging === name || this.writing.has(name);
  }

  /**
   * A version of a job from the server (a live event's refetch). `null` means it left the board
   * (moved to another day, deleted). A card being dragged or written is not touched: the version
   * waits until the drag or the write ends.
   */
  remote(name: string, job: BoardJob | null): RemoteOutcome {
    if (this.busy(name)) {
      const held = this.held.get(name);
      if (job === null || held === undefined || held === null || newer(job, held)) this.held.set(name, job);
      return 'deferred';
    }
    const current = this.jobs.get(name);
    if (job === null) {
      if (!current) return 'stale';
      this.jobs.delete(name);
      this.onChange();
      return 'applied';
    }
    if (current && !newer(job, current)) return 'stale';
    this.jobs.set(name, job);
    this.onChange();
    return 'applied';
  }

  beginDrag(name: string): void {
    this.dragging = name;
  }

  /** Ends a drag; applies what was held back meanwhile. Returns the names that changed. */
  endDrag(): string[] {
    const name = this.dragging;
    this.dragging = null;
    return name === null || this.writing.has(name) ? [] : this.release(name);
  }

  get draggingName(): string | null {
    return this.dragging;
  }

  /** Shows `shown` at once and remembers how to undo it. */
  beginWrite(shown: BoardJob): OptimisticWrite {
    const before = this.jobs.get(shown.name);
    this.writing.add(shown.name);
    this.jobs.set(shown.name, shown);
    this.onChange();
    return { name: shown.name, before, shown };
  }

  /** The server accepted: its document wins, unless a newer one arrived meanwhile. */
  commitWrite(write: OptimisticWrite, saved: BoardJob | null): string[] {
    this.writing.delete(write.name);
    if (saved === null) this.jobs.delete(write.name);
    else this.jobs.set(write.name, saved);
    this.onChange();
    return this.dragging === write.name ? [] : this.release(write.name);
  }

  /** The server refused: the job goes back where it was (then anything newer that arrived applies). */
  rollbackWrite(write: OptimisticWrite): string[] {
    this.writing.delete(write.name);
    if (this.jobs.get(write.name) === write.shown) {
      if (write.before) this.jobs.set(write.name, write.before);
      else this.jobs.delete(write.name);
    }
    this.onChange();
    return this.dragging === write.name ? [] : this.release(write.name);
  }

  isWriting(name: string): boolean {
    return this.writing.has(name);
  }

  private release(name: string): string[] {
    if (!this.held.has(name)) return [];
    const job = this.held.get(name) ?? null;
    this.held.delete(name);
    return this.remote(name, job) === 'applied' ? [name] : [];
  }
}
