// Reads a text/event-stream from the hub into whole blocks (an event, or a comment such as the
// heartbeat), each serialised once as the bytes every browser will be sent. The BFF only ever
// writes whole blocks, so a browser stream can be ended, dropped or switched between two events
// at any moment.
import { StringDecoder } from 'node:string_decoder';
import { redactedFrame, RESTRICTED_EVENTS } from './eventAccess';

/** One block of the stream: the lines up to a blank line. */
export interface SseBlock {
  /** The block as browsers receive it: its lines joined by `\n`, ending with a blank line. */
  readonly frame: Buffer;
  /** Its `id:` field, when it has one (the hub's event id, the same on every replica). */
  readonly id: string | undefined;
  /** Carries data or an id (an event); false for comment/`retry:`-only blocks (heartbeat, greeting). */
  readonly isEvent: boolean;
  /** Its `retry:` field, when it has one. */
  readonly retryMs: number | undefined;
  /** Its `event:` name, when it has one. */
  readonly event: string | undefined;
  /** For an event only some users may read (eventAccess.ts): what the others get instead. */
  readonly redacted: Buffer | undefined;
}

/** Raised when the upstream sends a block larger than the reader accepts. */
export class OversizedBlockError extends Error {
  readonly code = 'SSE_BLOCK_TOO_LARGE';
  constructor(readonly limit: number) {
    super(`event-stream block larger than ${limit} bytes`);
  }
}

const LINE_END = /[\r\n]/g;

function toBlock(lines: string[]): SseBlock {
  let id: string | undefined;
  let retryMs: number | undefined;
  let event: string | undefined;
  let hasData = false;
  for (const line of lines) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') hasData = true;
    else if (field === 'id' && !value.includes('\0')) id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) retryMs = Number(value);
    else if (field === 'event') event = value;
  }
  const redacted = event !== undefined && RESTRICTED_EVENTS.has(event) ? redactedFrame(id) : undefined;
  return { frame: Buffer.from(`${lines.join('\n')}\n\n`, 'utf8'), id, isEvent: hasData || id !== undefined, retryMs, event, redacted };
}

/**
 * Incremental reader: `push` each chunk as it arrives, get back the blocks it completed. Lines
 * may end with CRLF, LF or CR (WHATWG rules); a chunk may split a line or a UTF-8 character.
 */
export class SseBlockReader {
  private readonly decoder = new StringDecoder('utf8');
  private text = '';
  private lines: string[] = [];
  private pendingChars = 0;
  private started = false;

  constructor(private readonly maxBlockChars: number) {}

  /** @throws OversizedBlockError when a block grows past the limit without ending. */
  push(chunk: Buffer): SseBlock[] {
    this.text += this.decoder.write(chunk);
    if (!this.started && this.text.length > 0) {
      this.started = true;
      if (this.text.charCodeAt(0) === 0xfeff) this.text = this.text.slice(1); // a leading BOM is not content
    }
    const blocks: SseBlock[] = [];
    let start = 0;
    LINE_END.lastIndex = 0;
    for (let match = LINE_END.exec(this.text); match !== null; match = LINE_END.exec(this.text)) {
      const at = match.index;
      // A CR last in the chunk may be the first half of CRLF: decide when the next chunk comes.
      if (this.text[at] === '\r' && at + 1 === this.text.length) break;
      const line = this.text.slice(start, at);
      start = this.text[at] === '\r' && this.text[at + 1] === '\n' ? at + 2 : at + 1;
      LINE_END.lastIndex = start;
      if (line !== '') {
        this.lines.push(line);
        this.pendingChars += line.length + 1;
      } else if (this.lines.length > 0) {
        blocks.push(toBlock(this.lines));
        this.lines = [];
        this.pendingChars = 0;
      }
    }
    this.text = this.text.slice(start);
    if (this.pendingChars + this.text.length > this.maxBlockChars) throw new OversizedBlockError(this.maxBlockChars);
    return blocks;
  }
}
