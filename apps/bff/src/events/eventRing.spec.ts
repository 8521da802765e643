import { describe, expect, it } from 'vitest';
import { alive, collectGarbage } from '../../test/collectGarbage';
import { EventRing } from './eventRing';

const frame = (id: string) => Buffer.from(`id: ${id}\ndata: x\n\n`);
const ids = (tail: { frames: Buffer[] } | undefined) => tail?.frames.map((f) => /^id: (.*)$/m.exec(f.toString())?.[1]);

/** WeakRefs to the frames the ring holds for the events after `id`. */
const weakFrames = (ring: EventRing, id: string) => (ring.after(id)?.frames ?? []).map((f) => new WeakRef(f));

function filled(count: number, limits = { maxEvents: 5, maxAgeMs: 60_000 }, now = () => 0): EventRing {
  const ring = new EventRing(limits, now);
  for (let i = 1; i <= count; i++) ring.push(String(i), frame(String(i)));
  return ring;
}

describe('EventRing', () => {
  it('gives the events after an id it holds, with their size', () => {
    const ring = filled(4);
    expect(ids(ring.after('2'))).toEqual(['3', '4']);
    expect(ring.after('2')?.bytes).toBe(frame('3').length + frame('4').length);
    expect(ids(ring.after('4'))).toEqual([]);
  });

  it('keeps at most maxEvents, and still answers for the last one let go (it holds everything after it)', () => {
    const ring = filled(12);
    expect(ring.size).toBe(5);
    expect(ids(ring.after('7'))).toEqual(['8', '9', '10', '11', '12']);
    expect(ring.after('6')).toBeUndefined();
    expect(ring.after('unknown')).toBeUndefined();
  });

  it('lets events older than maxAgeMs go', () => {
    let now = 0;
    const ring = new EventRing({ maxEvents: 100, maxAgeMs: 1000 }, () => now);
    ring.push('a', frame('a'));
    now = 600;
    ring.push('b', frame('b'));
    now = 1200;
    expect(ids(ring.after('a'))).toEqual(['b']); // « a » went, « b » is all there is after it
    expect(ring.size).toBe(1);
    now = 1700;
    expect(ids(ring.after('b'))).toEqual([]);
    expect(ring.size).toBe(0);
  });

  it('stays exact across many evictions (its slots wrap around many times)', () => {
    const ring = filled(5000, { maxEvents: 300, maxAgeMs: 60_000 });
    expect(ids(ring.after('4990'))).toEqual(['4991', '4992', '4993', '4994', '4995', '4996', '4997', '4998', '4999', '5000']);
    expect(ids(ring.after('4700'))?.length).toBe(300);
    expect(ring.after('4699')).toBeUndefined();
  });

  it('follows an id pushed again (a hub whose ids restarted) to its newest event, even once the old one is let go', () => {
    const ring = filled(3, { maxEvents: 4, maxAgeMs: 60_000 });
    ring.push('1', frame('1'));
    ring.push('2', frame('2'));
    expect(ring.size).toBe(4); // the first « 1 » went
    expect(ids(ring.after('1'))).toEqual(['2']);
    ring.push('9', frame('9')); // the first « 2 » goes, the newer « 2 » stays findable
    expect(ids(ring.after('2'))).toEqual(['9']);
    expect(ids(ring.after('3'))).toEqual(['1', '2', '9']);
  });

  it('keeps each event in a buffer of its own size, not a slice of a shared pool slab it would keep alive', () => {
    const ring = filled(1);
    const pooled = frame('2');
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.length); // (a slice of Node's pool)
    ring.push('2', pooled);
    const [kept] = ring.after('1')?.frames ?? [];
    expect(kept?.equals(pooled)).toBe(true);
    expect(kept?.buffer.byteLength).toBe(pooled.length);
  });

  it('holds nothing with maxEvents 0', () => {
    const ring = filled(3, { maxEvents: 0, maxAgeMs: 60_000 });
    expect(ring.size).toBe(0);
    expect(ring.after('2')).toBeUndefined();
  });

  it('lets go of the frames it evicts (by count): memory stays within maxEvents, not twice it', async () => {
    const ring = filled(300, { maxEvents: 300, maxAgeMs: 60_000 });
    const first = weakFrames(ring, '1'); // events 2–300
    for (let i = 301; i <= 900; i++) ring.push(String(i), frame(String(i)));
    const last = weakFrames(ring, '600'); // events 601–900, still held
    await collectGarbage();
    expect(alive(first)).toBe(0);
    expect(alive(last)).toBe(300);
    expect(ring.size).toBe(300);
    expect(ring.held).toBe(300);
  });

  it('lets go of the frames it expires (by age)', async () => {
    let now = 0;
    const ring = new EventRing({ maxEvents: 10_000, maxAgeMs: 1000 }, () => now);
    for (let i = 1; i <= 2000; i++) ring.push(String(i), frame(String(i)));
    const old = weakFrames(ring, '1');
    now = 1500;
    ring.push('2001', frame('2001'));
    await collectGarbage();
    expect(alive(old)).toBe(0);
    expect([ring.size, ring.held]).toEqual([1, 1]);
  });
});
