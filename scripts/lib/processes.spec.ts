import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProcessGroup, stopChild, waitForUrl } from './processes';

const node = process.execPath;
const idle = ['-e', 'setInterval(() => {}, 1000)'];

describe('ProcessGroup', () => {
  it('stops every child on stopAll, without calling them early exits', async () => {
    const onEarlyExit = vi.fn();
    const group = new ProcessGroup({ onEarlyExit });
    const children = [group.start('a', node, idle), group.start('b', node, idle)];
    await group.stopAll();
    expect(children.map((c) => c.signalCode)).toEqual(['SIGTERM', 'SIGTERM']);
    expect(onEarlyExit).not.toHaveBeenCalled();
  });

  it('reports a child that exits on its own, with the end of its stderr', async () => {
    const exited = new Promise<[string, string, string]>((resolve) => {
      const group = new ProcessGroup({ onEarlyExit: (...args) => resolve(args) });
      group.start('standin', node, ['-e', 'console.error("port taken"); process.exit(3)']);
    });
    expect(await exited).toEqual(['standin', '3', 'port taken\n']);
  });

  it('kills a child that ignores SIGTERM once the grace period is over', async () => {
    const group = new ProcessGroup({ onEarlyExit: () => undefined, graceMs: 200 });
    const child = group.start('stubborn', node, ['-e', 'process.on("SIGTERM", () => {}); console.log("ready"); setInterval(() => {}, 1000)'], { stdout: 'pipe' });
    await new Promise((resolve) => child.stdout?.once('data', resolve));
    await group.stopAll();
    expect(child.signalCode).toBe('SIGKILL');
  });
});

describe('waitForUrl', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('waits until the URL answers 2xx', async () => {
    let calls = 0;
    server = createServer((_req, res) => res.writeHead(++calls < 3 ? 503 : 200).end()).listen(0);
    await new Promise((resolve) => server?.once('listening', resolve));
    await waitForUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { intervalMs: 10 });
    expect(calls).toBe(3);
  });

  it('gives up at once when the process that should answer has exited', async () => {
    const group = new ProcessGroup({ onEarlyExit: () => undefined });
    const child = group.start('gone', node, ['-e', 'process.exit(1)']);
    await new Promise((resolve) => child.once('exit', resolve));
    await expect(waitForUrl('http://127.0.0.1:9/', { child, timeoutMs: 60_000 })).rejects.toThrow(/exited \(1\)/);
    await stopChild(child, 100);
  });
});
