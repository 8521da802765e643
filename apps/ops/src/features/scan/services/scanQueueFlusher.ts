// Sends the queue to the server, oldest first.
//
// Ordering rules (what a technician can rely on):
// - Records leave in creation order (FIFO), up to SEND_CONCURRENCY at once; records of one chain
//   (the same equipment, the same job's status) strictly one after the other, each after the one
//   before it is acknowledged. A transient failure (timeout, network, 5xx, expired session) stops
//   the pass: nothing new leaves after it (what was already on its way, of other chains, finishes);
//   the pass resumes after the backoff, when the network or the session comes back, or when the
//   technician taps « réessayer ». A record still in its backoff holds back everything after it.
// - A 429 (too many requests) stops the pass the same way, but nothing skips its wait: the next
//   send of that record (and so of its chain and of what follows) waits at least the server's
//   `Retry-After`, « réessayer » and a returning network included. It is not a refusal.
// - A refused record (4xx) is set aside with the server's reason. It holds back only the later
//   records of its own chain (the same equipment, the same job's status: their order matters);
//   everything else keeps flowing, so one bad serial never blocks a day of scans.
// - Only an acknowledgement removes a record; the lock + re-read makes each send happen once
//   across tabs, and the Idempotency-Key (the record id) covers a lost answer.
import type { VisionEquipment } from '@gigafibre/contracts';
import type { ScanQueueDb } from './scanStorage';
import type { QueueLock } from './scanQueueLock';
import { afterAck, afterFailure, classifyFailure, isDue, markSending, type FailureClass } from '../model/scanQueueMachine';
import { chainOf, compareRecords, type ScanQueueRecord } from '../model/scanQueueRecord';

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

/** Records on their way at once (of different chains): a weak link's latency, not its bandwidth, is the limit. */
export const SEND_CONCURRENCY = 4;

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
      const inFlight = new Map<string, Promise<void>>();
      let stop: FlushStop | undefined;
      let sentThisRound = 0;
      const settle = (chain: string, outcome: Outcome) => {
        if (outcome === 'sent') {
          result.sent++;
          sentThisRound++;
        } else if (outcome === 'refuse') {
          result.refused++;
          held.add(chain);
        } else if (outcome === 'not-due' || outcome === 'retry' || outcome === 'rate-limited') stop ??= 'waiting';
        else if (outcome === 'session') stop = 'session';
      };
      for (const record of mine) {
        const chain = chainOf(record);
        if (record.state === 'refused') held.add(chain);
        if (record.state !== 'pending' || held.has(chain)) continue;
        // Its elder in the chain first (it may be refused: then this one waits too).
        await inFlight.get(chain);
        while (inFlight.size >= SEND_CONCURRENCY && !stop) await Promise.race(inFlight.values());
        if (!stop && !force && !this.deps.canSend()) stop = 'offline';
        if (!stop && !isDue(record, this.now(), force)) stop = 'waiting';
        if (stop) break;
        if (held.has(chain)) continue;
        const task = this.sendOne(record.id, user, force).then(
          (outcome) => settle(chain, outcome),
          (error: unknown) => {
            // Storage failed under us: stop this pass; the record is still stored as it was.
            stop ??= 'waiting';
            console.error('File d’envoi : enregistrement impossible', error);
          },
        );
        inFlight.set(
          chain,
          task.finally(() => inFlight.delete(chain)),
        );
      }
      await Promise.all(inFlight.values());
      if (stop) return this.finish(result, stop, stop === 'waiting' ? await this.remaining(user, held) : []);
      if (sentThisRound === 0) return this.finish(result, null, await this.remaining(user, held));
    }
  }

  /** Sends one record under the lock, re-reading it there (another tab may have sent or discarded it). */
  private sendOne(id: string, user: string, force: boolean): Promise<Outcome> {
    return this.deps.lock(id, async (): Promise<Outcome> => {
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
      // The record in its backoff holds the others back: wake up when it is due (or soon, when
      // what waits is due already but was busy in another tab).
      const now = this.now();
      const later = waiting.map((r) => r.nextAttemptAt).filter((at) => at > now);
      const wait = later.length > 0 ? Math.min(...later) - now : 250;
      this.timer = setTimeout(() => void this.flush(), wait);
    }
    return result;
  }
}
