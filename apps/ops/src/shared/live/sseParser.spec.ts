import { describe, expect, it } from 'vitest';
import { createSseParser, type SseMessage } from './sseParser';
import { backoffDelay } from './backoff';

function parse(chunks: string[]) {
  const messages: SseMessage[] = [];
  const retries: number[] = [];
  const parser = createSseParser((m) => messages.push(m), (ms) => retries.push(ms));
  chunks.forEach((c) => parser.feed(c));
  return { messages, retries };
}

describe('createSseParser', () => {
  it('parses events split anywhere across chunks, with ids that persist', () => {
    const { messages } = parse(['event: doc_change\nid: 4', '1\ndata: {"a":', '1}\n\n: heartbeat\n\n', 'data: x\n\n']);
    expect(messages).toEqual([
      { event: 'doc_change', data: '{"a":1}', lastEventId: '41' },
      { event: 'message', data: 'x', lastEventId: '41' },
    ]);
  });

  it('joins multi-line data and accepts CRLF and CR line endings', () => {
    const { messages } = parse(['data: a\r\ndata: b\r', '\n\r', 'data:c\r\r']);
    expect(messages.map((m) => m.data)).toEqual(['a\nb', 'c']);
  });

  it('ignores comments and empty events, and reports retry', () => {
    const { messages, retries } = parse([': ping\n\nretry: 2500\nevent: x\n\n']);
    expect(messages).toEqual([]);
    expect(retries).toEqual([2500]);
  });
});

describe('backoffDelay', () => {
  it('doubles up to the ceiling, half of it jittered', () => {
    const opts = { baseMs: 1000, maxMs: 30_000 };
    expect(backoffDelay(0, { ...opts, random: () => 0 })).toBe(500);
    expect(backoffDelay(0, { ...opts, random: () => 0.999999 })).toBe(1000);
    expect(backoffDelay(3, { ...opts, random: () => 0 })).toBe(4000);
    expect(backoffDelay(10, { ...opts, random: () => 0.5 })).toBe(22_500);
  });
});
