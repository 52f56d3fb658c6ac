import { describe, expect, it } from 'vitest';
import { ChatKitConnection, ProtocolError, SseParser, type StreamEvent } from '../src/builtin/protocol';
import { ApiError } from '../src/shared/http';

import createSse from './streams/create.sse?raw';
import errorSse from './streams/error.sse?raw';
import oosSse from './streams/oos.sse?raw';
import threadJson from './streams/thread.json?raw';

const RECORDED: Record<string, string> = { 'create.sse': createSse, 'oos.sse': oosSse, 'error.sse': errorSse, 'thread.json': threadJson };
const stream = (name: string) => RECORDED[name];

/** A fetch whose answer body arrives in chunks of `size` bytes, recording what was sent. */
function chunkedFetch(body: string, size: number, status = 200) {
  const sent: { url: string; body: unknown; signal?: AbortSignal | null }[] = [];
  const fetchFn = async (url: string, init?: RequestInit) => {
    sent.push({ url, body: JSON.parse(String(init?.body)), signal: init?.signal });
    const bytes = new TextEncoder().encode(body);
    let offset = 0;
    const readable = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(offset, offset + size));
        offset += size;
      },
    });
    return new Response(readable, { status, headers: { 'Content-Type': 'text/event-stream' } });
  };
  return { fetchFn, sent };
}

async function collect(events: AsyncGenerator<StreamEvent>): Promise<StreamEvent[]> {
  const out: StreamEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

describe('SseParser', () => {
  it('reads every event of a recorded answer, whatever the chunking (even inside a UTF-8 character)', async () => {
    const whole = new SseParser().push(stream('create.sse'));
    expect(whole.map((e) => e.type)).toEqual([
      'thread.created', 'thread.item.done', 'stream_options', 'progress_update', 'thread.item.added',
      'thread.item.updated', 'thread.item.updated', 'thread.item.updated', 'thread.item.updated',
      'thread.item.updated', 'thread.item.done',
    ]);
    for (const size of [1, 3, 7, 64]) {
      const { fetchFn } = chunkedFetch(stream('create.sse'), size);
      const events = await collect(new ChatKitConnection('/api/chatkit', fetchFn).createThread('Worum geht es?'));
      expect(events).toEqual(whole);
    }
  });

  it('skips heartbeat comments and other fields, joins data lines, accepts CRLF and a last frame without blank line', () => {
    const p = new SseParser();
    expect(p.push(': keep-alive\n\nevent: x\nid: 1\r\ndata: {"type":\r\ndata: "notice","level":"info","message":"m"}\r\n\r\n')).toEqual([
      { type: 'notice', level: 'info', message: 'm' },
    ]);
    expect(p.push('data: {"type":"stream_options","stream_options":{"allow_cancel":true}}')).toEqual([]);
    expect(p.end()).toEqual([{ type: 'stream_options', stream_options: { allow_cancel: true } }]);
  });

  it('refuses a frame that is not a JSON event', () => {
    expect(() => new SseParser().push('data: <html>proxy error</html>\n\n')).toThrow(ProtocolError);
    expect(() => new SseParser().push('data: {"no":"type"}\n\n')).toThrow(ProtocolError);
  });
});

describe('ChatKitConnection', () => {
  it('sends the protocol requests our server expects', async () => {
    const { fetchFn, sent } = chunkedFetch(stream('oos.sse'), 100);
    const c = new ChatKitConnection('/interview/api/chatkit', fetchFn);
    await collect(c.addUserMessage('thr_1', 'Wie wird das Wetter?'));
    await collect(c.retryAfterItem('thr_1', 'msg_1'));
    expect(sent[0].url).toBe('/interview/api/chatkit');
    expect(sent[0].body).toEqual({
      type: 'threads.add_user_message',
      params: { thread_id: 'thr_1', input: { content: [{ type: 'input_text', text: 'Wie wird das Wetter?' }], attachments: [], quoted_text: null, inference_options: {} } },
    });
    expect(sent[1].body).toEqual({ type: 'threads.retry_after_item', params: { thread_id: 'thr_1', item_id: 'msg_1' } });
  });

  it('turns an error answer into an ApiError with the server\'s code and message', async () => {
    const fetchFn = async () =>
      new Response('{"error":{"code":"not_found","message":"thread not found: thr_x"}}', { status: 404 });
    const c = new ChatKitConnection('/c', fetchFn);
    const error = await collect(c.addUserMessage('thr_x', 'Hallo')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'not_found', message: 'thread not found: thr_x' });
    await expect(c.listThreads()).rejects.toMatchObject({ code: 'not_found' });
  });

  it('ends quietly when the page stops the answer (abort)', async () => {
    const controller = new AbortController();
    const fetchFn = async (_url: string, init?: RequestInit) => {
      const readable = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new TextEncoder().encode(stream('create.sse').split('\n\n').slice(0, 3).join('\n\n') + '\n\n'));
          init?.signal?.addEventListener('abort', () => c.error(new DOMException('aborted', 'AbortError')));
        },
      });
      return new Response(readable, { status: 200 });
    };
    const seen: string[] = [];
    for await (const e of new ChatKitConnection('/c', fetchFn).createThread('x', controller.signal)) {
      seen.push(e.type);
      if (e.type === 'stream_options') controller.abort();
    }
    expect(seen).toEqual(['thread.created', 'thread.item.done', 'stream_options']);
  });

  it('loads a thread: the first page by threads.get_by_id, the rest by items.list', async () => {
    const thread = JSON.parse(stream('thread.json'));
    const first = { ...thread, items: { data: thread.items.data.slice(0, 1), has_more: true, after: thread.items.data[0].id } };
    const rest = { data: thread.items.data.slice(1), has_more: false };
    const sent: unknown[] = [];
    const fetchFn = async (_url: string, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body));
      sent.push(body);
      return new Response(JSON.stringify(body.type === 'threads.get_by_id' ? first : rest), { status: 200 });
    };
    const loaded = await new ChatKitConnection('/c', fetchFn).loadThread(thread.id);
    expect(loaded.items.map((i) => i.id)).toEqual(thread.items.data.map((i: { id: string }) => i.id));
    expect(sent[1]).toEqual({ type: 'items.list', params: { thread_id: thread.id, after: thread.items.data[0].id, limit: 100, order: 'asc' } });
  });
});
