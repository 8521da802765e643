// A catch-up: browsers resuming after an id the replica's memory does not cover (too old, or the
// replica just started) get the hub's replay through a one-off upstream stream from that id,
// relayed until it meets the shared subscription; then they join the broadcast (eventHub.ts).
// Browsers arriving with the same id while it has relayed nothing yet share it, so a thousand
// tabs moving to a fresh replica open one upstream stream, not a thousand. A replay can be
// megabytes (a laptop waking after a night): it is read from the hub no faster than the slowest
// member takes it, instead of piling up in the BFF until the backlog cap drops the browser.
import type { HttpError } from '../errors';
import type { BrowserStream } from './browserStream';
import { openHubStream, type HubEndpoint, type HubStream } from './hubStream';
import type { SseBlock } from './sseBlocks';

export interface CatchUpHandlers {
  onOpen(catchUp: CatchUp): void;
  onBlock(catchUp: CatchUp, block: SseBlock): void;
  /** The hub stream failed to open (`failure`) or ended before the catch-up was done. */
  onClose(catchUp: CatchUp, failure: HttpError | undefined): void;
}

export class CatchUp {
  readonly members = new Set<BrowserStream>();
  /** The id of the last event its members have (where they would resume). */
  lastId: string;
  opened = false;
  private readonly stream: HubStream;
  private paused = false;

  constructor(
    /** The Last-Event-ID the browsers came with. */
    readonly from: string,
    endpoint: HubEndpoint,
    requestId: string,
    handlers: CatchUpHandlers,
  ) {
    this.lastId = from;
    this.stream = openHubStream(endpoint, { lastEventId: from, requestId }, {
      onOpen: () => {
        this.opened = true;
        handlers.onOpen(this);
      },
      onBlock: (block) => handlers.onBlock(this, block),
      onClose: (failure) => handlers.onClose(this, failure),
    });
  }

  /** True while a browser resuming from `id` may share it (nothing relayed past `id` yet). */
  accepts(id: string): boolean {
    return this.from === id && this.lastId === id;
  }

  /** Writes a block to every member; pauses the hub's stream while one of them is behind. */
  relay(block: SseBlock): void {
    for (const member of this.members) member.sendBlock(block);
    if (block.id !== undefined) this.lastId = block.id;
    if (this.paused) return;
    const behind = [...this.members].filter((m) => m.congested);
    if (behind.length === 0) return;
    this.paused = true;
    this.stream.pause();
    let waiting = behind.length;
    const resume = () => {
      if (--waiting > 0) return;
      this.paused = false;
      this.stream.resume();
    };
    for (const m of behind) m.onceWritable(resume);
  }

  /** Releases the upstream stream at once. */
  close(): void {
    this.stream.close();
  }
}
