import { describe, expect, it } from 'vitest';
import { OversizedBlockError, SseBlockReader } from './sseBlocks';

const read = (chunks: (string | Buffer)[], max = 1 << 20) => {
  const reader = new SseBlockReader(max);
  return chunks.flatMap((c) => reader.push(typeof c === 'string' ? Buffer.from(c) : c));
};
const frames = (chunks: (string | Buffer)[]) => read(chunks).map((b) => b.frame.toString());

describe('SseBlockReader', () => {
  it('keeps the hub’s bytes as they are, event by event, with id and kind', () => {
    const event = 'id: 12\nevent: doc_change\ndata: {"name":"DJ-1"}\n\n';
    const blocks = read([`retry: 3000\n: connected\n\n${event}: heartbeat\n\n`]);
    expect(blocks.map((b) => [b.frame.toString(), b.id, b.isEvent, b.retryMs])).toEqual([
      ['retry: 3000\n: connected\n\n', undefined, false, 3000],
      [event, '12', true, undefined],
      [': heartbeat\n\n', undefined, false, undefined],
    ]);
  });

  it('completes a block split anywhere, a CRLF split between chunks, and a UTF-8 character split in two', () => {
    const text = Buffer.from('id: 1\r\ndata: {"name":"Hélène"}\r\n\r\n');
    const at = text.indexOf('é') + 1; // inside the two bytes of « é »
    const cr = text.indexOf('\r\n\r\n') + 1; // between a CR and its LF
    expect(frames([text.subarray(0, at), text.subarray(at, cr), text.subarray(cr)])).toEqual(['id: 1\ndata: {"name":"Hélène"}\n\n']);
    for (let i = 1; i < text.length; i++) expect(frames([text.subarray(0, i), text.subarray(i)])).toHaveLength(1);
  });

  it('reads CR-only line ends, ignores a leading BOM and blank lines between blocks', () => {
    // The last CR ends its line only once the next byte shows it is not the first half of CRLF.
    expect(frames(['\uFEFFdata: a\r\r\n\n\ndata: b\r\r'])).toEqual(['data: a\n\n']);
    expect(frames(['\uFEFFdata: a\r\r\n\n\ndata: b\r\r', ': next'])).toEqual(['data: a\n\n', 'data: b\n\n']);
  });

  it('counts an id-only block as an event (it moves the browser’s Last-Event-ID) and ignores an id with NUL', () => {
    expect(read(['id: 5\n\n']).map((b) => [b.id, b.isEvent])).toEqual([['5', true]]);
    expect(read(['id: 5\0\n: x\n\n']).map((b) => [b.id, b.isEvent])).toEqual([[undefined, false]]);
  });

  it('reads the event name, and gives SMS events a redacted frame (their id alone) for users who may not read them', () => {
    const [doc, sms, opt] = read(['id: 1\nevent: doc_change\ndata: {}\n\nid: 2\nevent: message\ndata: {"body":"x"}\n\nevent: number_opt\ndata: {}\n\n']);
    expect([doc?.event, doc?.redacted]).toEqual(['doc_change', undefined]);
    expect([sms?.event, sms?.redacted?.toString()]).toEqual(['message', 'id: 2\n\n']);
    expect([opt?.event, opt?.redacted?.toString()]).toEqual(['number_opt', '']);
  });

  it('gives incident events whole to everyone: what is down, never who (the banner every user sees, issue 20)', () => {
    const [incident] = read(['id: 7\nevent: incident\ndata: {"incident":{"id":"INC-000001"}}\n\n']);
    expect([incident?.event, incident?.redacted]).toEqual(['incident', undefined]);
  });

  it('refuses a block that grows past the limit without ending', () => {
    const reader = new SseBlockReader(100);
    expect(reader.push(Buffer.from(`data: ${'x'.repeat(50)}\n`))).toEqual([]);
    expect(() => reader.push(Buffer.from(`data: ${'x'.repeat(60)}`))).toThrow(OversizedBlockError);
  });
});
