// Sends the queue to the server, oldest first, one record at a time.
//
// Ordering rules (what a technician can rely on):
// - Records go in creation order (FIFO). A transient failure (timeout, network, 5xx, expired
//   session) stops the pass: nothing behind it overtakes it; the pass resumes after the backoff,
//   when the network or the session comes back, or when the technician taps « réessayer ».
// - A refused record (4xx) is set aside with the server's reason. It holds back only the later
//   records of its own chain (the same equipment, the same job's status: their order matters);
//   everything else keeps flowing, so one bad serial never blocks a day of scans.
// - Only an acknowledgement removes a record; the lock + re-read makes each send happen once
//   across tabs, and the Idempotency-Key (the record id) covers a lost answer.
import type { VisionEquipment } from '@gigafibre/contracts';
import type { ScanQueueDb } from '../storage/scanStorage';
import type { QueueLock } from './scanQueueLock';
import { afterAck, afterFailure, classifyFailure, isDue, markSending, type FailureClass } from './scanQueueMachine';
import { chainOf, compareRecords, type ScanQueueRecord } from './scanQueueRecord';

/** Why a pass ended early (null: it went through everything that was due). */
export type FlushStop = 'waiting' | 'session' | 'offline' | 'no-user' | null;

export interface FlushResult {
  sent: number;
  refused: number;
  stoppedBy: FlushStop;
}

export type QueueChange =
  | { type: 'sending'; record: ScanQueueRecord }
  | { type: 'saved'; record: ScanQueueRecord }
  | { type: 'removed'; id: string }
  | { type: 'stopped'; stoppedBy: FlushStop };

export interface FlusherDeps {
  db: ScanQueueDb;
  lock: QueueLock;
  /** Sends one record; resolves on the server's acknowledgement (an OCR answer for OCR records). */
  send: (record: ScanQueueRecord) => Promise<VisionEquipment | undefined>;
  /** The signed-in user's email: only their records are sent. */
  user: () => string | null;
  /** False while offline or signed out: no pass starts (a forced one still tries). */
  canSend: () => boolean;
  onChange?: (change: QueueChange) => void;
  now?: () => number;
  random?: () => number;
}

type Outcome = 'sent' | 'skipped' | 'not-due' | FailureClass;

export class ScanQueueFlusher {
  private running: Promise<FlushResult> | null = null;
  private requested = false;
  private requestedForce = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly now: () => number;

  constructor(private readonly deps: FlusherDeps) {
    this.now = deps.now ?? Date.now;
  }

  /**
   * Runs a pass (or joins the running one, which then goes once more). `force` ignores backoff
   * delays: the technician asked, or the network just came back.
   */
  flush(options: { force?: boolean } = {}): Promise<FlushResult> {
    this.requested = true;
    this.requestedForce ||= options.force === true;
    if (!this.running) {
      this.running = this.drain().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  /** Stops the retry timer (sign-out, tests). A running pass finishes its current record. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async drain(): Promise<FlushResult> {
    let result: FlushResult = { sent: 0, refused: 0, stoppedBy: null };
    while (this.requested) {
      const force = this.requestedForce;
      this.requested = false;
      this.requestedForce = false;
      result = await this.pass(force);
    }
    return result;
  }

  private async pass(force: boolean): Promise<FlushResult> {
    this.stop();
    const user = this.deps.user();
    const result: FlushResult = { sent: 0, refused: 0, stoppedBy: null };
    if (!user) return this.finish(result, 'no-user', []);
    if (!force && !this.deps.canSend()) return this.finish(result, 'offline', []);

    // Go round again while a round sent something: records queued meanwhile (here or in
    // another tab) go in the same flush.
    for (;;) {
      const mine = (await this.deps.db.all()).records.filter((r) => r.user === user).sort(compareRecords);
      const held = new Set<string>();
      let sentThisRound = 0;
      for (const record of mine) {
        const chain = chainOf(record);
        if (record.state === 'refused') held.add(chain);
        if (record.state !== 'pending' || held.has(chain)) continue;
        const outcome = await this.sendOne(record.id, user, force);
        if (outcome === 'sent') {
          result.sent++;
          sentThisRound++;
        } else if (outcome === 'refuse') {
          result.refused++;
          held.add(chain);
        } else if (outcome === 'not-due' || outcome === 'retry') {
          return this.finish(result, 'waiting', await this.remaining(user, held));
        } else if (outcome === 'session') {
          return this.finish(result, 'session', []);
        }
        if (!force && !this.deps.canSend()) return this.finish(result, 'offline', []);
      }
      if (sentThisRound === 0) return this.finish(result, null, await this.remaining(user, held));
    }
  }

  /** Sends one record under the lock, re-reading it there (another tab may have sent or discarded it). */
  private sendOne(id: string, user: string, force: boolean): Promise<Outcome> {
    return this.deps.lock(async (): Promise<Outcome> => {
      const fresh = await this.deps.db.get(id);
      if (!fresh || fresh.user !== user || fresh.state !== 'pending') return 'skipped';
      if (!isDue(fresh, this.now(), force)) return 'not-due';
      const sending = markSending(fresh, this.now());
      this.deps.onChange?.({ type: 'sending', record: sending });
      let answer: VisionEquipment | undefined;
      try {
        answer = await this.deps.send(sending);
      } catch (error) {
        const failed = afterFailure(sending, error, this.now(), this.deps.random);
        await this.deps.db.put(failed);
        this.deps.onChange?.({ type: 'saved', record: failed });
        return classifyFailure(error);
      }
      const next = afterAck(sending, answer, this.now());
      if (next) {
        await this.deps.db.put(next);
        this.deps.onChange?.({ type: 'saved', record: next });
      } else {
        await this.deps.db.remove(id);
        this.deps.onChange?.({ type: 'removed', id });
      }
      return 'sent';
    });
  }

  /** The user's records still to send, except those held behind a refused record of their chain. */
  private async remaining(user: string, held: ReadonlySet<string>): Promise<ScanQueueRecord[]> {
    return (await this.deps.db.all()).records.filter((r) => r.user === user && r.state === 'pending' && !held.has(chainOf(r)));
  }

  /** Ends a pass; while records wait for their backoff, a timer runs the next one. */
  private finish(result: FlushResult, stoppedBy: FlushStop, waiting: ScanQueueRecord[]): FlushResult {
    result.stoppedBy = stoppedBy;
    this.deps.onChange?.({ type: 'stopped', stoppedBy });
    if (waiting.length > 0 && (stoppedBy === 'waiting' || stoppedBy === null)) {
      const next = Math.min(...waiting.map((r) => r.nextAttemptAt));
      this.timer = setTimeout(() => void this.flush(), Math.max(250, next - this.now()));
    }
    return result;
  }
}
