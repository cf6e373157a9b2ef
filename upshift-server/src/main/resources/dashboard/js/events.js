// GET /v1/events read with fetch and a stream reader: EventSource cannot send the key in a
// header, and the key must never go in a URL. Reconnects with a growing pause when the stream
// ends or fails, and stops for good when the key is refused or the dashboard signs out.

const MAX_PAUSE_MS = 30000;

/**
 * Follows the workspace's data versions.
 *
 * @param api the signed-in API client
 * @param onVersion called with each announced dataVersion (the first one on every connect)
 * @param onState called with 'live', 'reconnecting' or 'stopped'
 * @returns a function that stops following
 */
export function followVersions(api, onVersion, onState) {
  const abort = new AbortController();
  let pause = 1000;

  async function connect() {
    while (!abort.signal.aborted) {
      try {
        const response = await fetch('/v1/events', {
          headers: api.headers({ Accept: 'text/event-stream' }),
          signal: abort.signal,
          cache: 'no-store',
        });
        if (response.status === 401 || response.status === 403) {
          onState('stopped');
          return;
        }
        if (!response.ok || !response.body) {
          throw new Error('events: HTTP ' + response.status);
        }
        onState('live');
        pause = 1000;
        await read(response.body, onVersion);
      } catch (e) {
        if (abort.signal.aborted) {
          return;
        }
      }
      if (abort.signal.aborted) {
        return;
      }
      onState('reconnecting');
      await sleep(pause, abort.signal);
      pause = Math.min(pause * 2, MAX_PAUSE_MS);
    }
  }

  connect();
  return () => abort.abort();
}

/** Reads server-sent events until the stream ends; hands on each dataVersion event's version. */
async function read(body, onVersion) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value;
    let end;
    // Events end with a blank line; comments (": keep-alive") carry nothing.
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = parse(block);
      if (event.type === 'dataVersion' && event.data) {
        onVersion(JSON.parse(event.data).dataVersion);
      }
    }
  }
}

function parse(block) {
  const event = { type: 'message', data: '' };
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) {
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') {
      event.type = value;
    } else if (field === 'data') {
      event.data += value;
    }
  }
  return event;
}

function sleep(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
