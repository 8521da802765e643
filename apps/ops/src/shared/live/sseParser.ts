// An incremental parser for text/event-stream (the WHATWG "server-sent events" rules): feed it
// decoded text as it arrives; it calls back once per complete event.

export interface SseMessage {
  /** `event:` field; "message" when absent. */
  event: string;
  data: string;
  /** The last `id:` seen so far (ids persist across events, as in EventSource). */
  lastEventId: string;
}

export interface SseParser {
  feed(text: string): void;
}

export function createSseParser(onMessage: (message: SseMessage) => void, onRetry?: (ms: number) => void): SseParser {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let lastEventId = '';
  let sawCr = false;

  function dispatch(): void {
    if (data.length > 0) onMessage({ event: event || 'message', data: data.join('\n'), lastEventId });
    event = '';
    data = [];
  }

  function line(text: string): void {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return; // comment (heartbeat)
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) lastEventId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) onRetry?.(Number(value));
  }

  return {
    feed(text: string) {
      for (const char of text) {
        // A line ends at \r\n, \n or \r; a \n right after \r closes nothing new.
        if (char === '\n' && sawCr) {
          sawCr = false;
          continue;
        }
        sawCr = char === '\r';
        if (char === '\n' || char === '\r') {
          line(buffer);
          buffer = '';
        } else {
          buffer += char;
        }
      }
    },
  };
}
