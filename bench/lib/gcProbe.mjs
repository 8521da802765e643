// Leak investigations only (never in production): preloaded into a BFF with
//   BENCH_BFF_NODE_ARGS="--expose-gc --import ./bench/lib/gcProbe.mjs" pnpm bench soak
// it forces a full GC every 10 s and appends `<uptime s> heap <MB after GC> rss <MB>` to
// $GC_PROBE_DIR/gc-<pid>.log (default /tmp): a leak is a live heap that keeps growing after GC,
// whatever the RSS sawtooth does.
import { appendFileSync } from 'node:fs';

const file = `${process.env.GC_PROBE_DIR ?? '/tmp'}/gc-${process.pid}.log`;
setInterval(() => {
  globalThis.gc();
  const m = process.memoryUsage();
  appendFileSync(file, `${Math.round(process.uptime())} heap ${(m.heapUsed / 1e6).toFixed(1)} rss ${(m.rss / 1e6).toFixed(1)}\n`);
}, 10_000).unref();
