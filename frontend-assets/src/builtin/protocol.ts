// The ChatKit server protocol as our own server speaks it (sdk chatkit/server types): one JSON request
// {type, params} per POST; list and feedback requests answer JSON, the others a text/event-stream of thread
// stream events, one `data: {json}` frame each. Only the shapes the built-in chat reads are typed here.
import { type FetchLike, requestJson, toApiError, ApiError, postJson } from '../shared/http';

export interface Source {
  type: 'file' | 'url' | 'entity' | string;
  title?: string;
  filename?: string;
  url?: string;
  id?: string;
  description?: string;
}

export interface Annotation {
  type: 'annotation';
  source: Source;
  index?: number;
}

export interface AssistantContent {
  type: 'output_text';
  text: string;
  annotations: Annotation[];
}

export interface UserContent {
  type: 'input_text' | 'input_tag' | string;
  text: string;
}

interface ItemBase {
  id: string;
  thread_id: string;
  created_at: string;
}

/** Where and how the bytes of a created attachment go (chatkit-python 1.5+ `upload_descriptor`). */
export interface UploadDescriptor {
  url: string;
  method: string;
  headers?: Record<string, string>;
}

/** chatkit-python's `FileAttachment` / `ImageAttachment`; images carry a `preview_url` served to their owner. */
export interface Attachment {
  type: 'file' | 'image';
  id: string;
  name: string;
  mime_type: string;
  preview_url?: string | null;
  upload_descriptor?: UploadDescriptor | null;
}

export interface UserMessageItem extends ItemBase {
  type: 'user_message';
  content: UserContent[];
  attachments?: Attachment[];
}

export interface AssistantMessageItem extends ItemBase {
  type: 'assistant_message';
  content: AssistantContent[];
}

/** What a widget does when used (chatkit-python's ActionConfig); `server` actions come back as threads.custom_action. */
export interface ActionConfig {
  type: string;
  payload?: unknown;
  handler?: 'server' | 'client' | string;
  loadingBehavior?: string;
  streaming?: boolean;
}

/**
 * One node of a widget tree (chatkit-python's widget JSON): `type` names the component (`Card`, `Text`, `Button`,
 * …), the other properties are the component's; containers carry `children`.
 */
export interface WidgetNode {
  type: string;
  id?: string;
  key?: string;
  children?: WidgetNode[];
  [property: string]: unknown;
}

export interface WidgetItem extends ItemBase {
  type: 'widget';
  widget: WidgetNode;
  copy_text?: string | null;
}

/** Client tool calls, tasks, end-of-turn markers: kept in the transcript, not shown. */
export interface OtherItem extends ItemBase {
  type: string;
}

export type ThreadItem = UserMessageItem | AssistantMessageItem | WidgetItem | OtherItem;

export interface Page<T> {
  data: T[];
  has_more: boolean;
  after?: string | null;
}

export interface Thread {
  id: string;
  title?: string | null;
  created_at: string;
  status?: { type: string; reason?: string };
  items?: Page<ThreadItem>;
}

export type ItemUpdate =
  | { type: 'assistant_message.content_part.added'; content_index: number; content: AssistantContent }
  | { type: 'assistant_message.content_part.text_delta'; content_index: number; delta: string }
  | { type: 'assistant_message.content_part.annotation_added'; content_index: number; annotation_index: number; annotation: Annotation }
  | { type: 'assistant_message.content_part.done'; content_index: number; content: AssistantContent }
  | { type: 'widget.root.updated'; widget: WidgetNode }
  | { type: 'widget.component.updated'; component_id: string; component: WidgetNode }
  | { type: 'widget.streaming_text.value_delta'; component_id: string; delta: string; done: boolean };

export type StreamEvent =
  | { type: 'thread.created'; thread: Thread }
  | { type: 'thread.updated'; thread: Thread }
  | { type: 'thread.item.added'; item: ThreadItem }
  | { type: 'thread.item.updated'; item_id: string; update: ItemUpdate }
  | { type: 'thread.item.done'; item: ThreadItem }
  | { type: 'thread.item.removed'; item_id: string }
  | { type: 'thread.item.replaced'; item: ThreadItem }
  | { type: 'stream_options'; stream_options: { allow_cancel: boolean } }
  | { type: 'progress_update'; icon?: string; text: string }
  | { type: 'client_effect'; name: string; data?: Record<string, unknown> }
  | { type: 'error'; code: string; message?: string; allow_retry: boolean }
  | { type: 'notice'; level: 'info' | 'warning' | 'danger'; message: string; title?: string };

export type FeedbackKind = 'positive' | 'negative';

/** The stream sent something that is not a JSON event (a proxy's page, a cut frame). */
export class ProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtocolError';
  }
}

/**
 * Splits Server-Sent Events text into events, chunk by chunk (a frame may span chunks). Lines starting with `:`
 * are comments (our server's heartbeat); fields other than `data` are ignored; several `data` lines of one frame
 * are joined with newlines, as the SSE standard says.
 */
export class SseParser {
  private buffer = '';

  /** The events completed by `chunk`. */
  push(chunk: string): StreamEvent[] {
    this.buffer += chunk;
    const events: StreamEvent[] = [];
    for (;;) {
      const match = /\r\n\r\n|\n\n|\r\r/.exec(this.buffer);
      if (!match) break;
      const frame = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      const event = parseFrame(frame);
      if (event) events.push(event);
    }
    return events;
  }

  /** The last frame when the stream ended without a blank line. */
  end(): StreamEvent[] {
    const rest = this.buffer;
    this.buffer = '';
    const event = rest.trim() === '' ? null : parseFrame(rest);
    return event ? [event] : [];
  }
}

function parseFrame(frame: string): StreamEvent | null {
  const data: string[] = [];
  for (const line of frame.split(/\r\n|\n|\r/)) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    if (field !== 'data') continue;
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    data.push(value);
  }
  if (data.length === 0) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(data.join('\n'));
  } catch {
    throw new ProtocolError(`the answer stream sent a frame that is not JSON: ${data.join('\n').slice(0, 80)}`);
  }
  if (!parsed || typeof parsed !== 'object' || typeof (parsed as { type?: unknown }).type !== 'string') {
    throw new ProtocolError('the answer stream sent an event without a type');
  }
  return parsed as StreamEvent;
}

function isAbort(e: unknown): boolean {
  return e instanceof DOMException ? e.name === 'AbortError' : (e as { name?: string })?.name === 'AbortError';
}

/**
 * The calls of the protocol against one endpoint (`/config` `chatkit_url`). JSON calls reject with ApiError;
 * streams yield events until the server ends them, and end quietly when `signal` aborts (stop = cancel: the
 * server notices the closed connection and stops the model call).
 */
export class ChatKitConnection {
  private readonly fetchFn: FetchLike;

  constructor(
    private readonly url: string,
    fetchFn: FetchLike,
  ) {
    // called as a plain function: window.fetch refuses another `this`
    this.fetchFn = (input, init) => fetchFn(input, init);
  }

  request<T>(type: string, params: Record<string, unknown>): Promise<T> {
    return requestJson<T>(this.fetchFn, this.url, postJson({ type, params }));
  }

  listThreads(limit = 20): Promise<Page<Thread>> {
    return this.request('threads.list', { limit, order: 'desc' });
  }

  getThread(threadId: string): Promise<Thread> {
    return this.request('threads.get_by_id', { thread_id: threadId });
  }

  listItems(threadId: string, after: string | null, limit = 100): Promise<Page<ThreadItem>> {
    return this.request('items.list', { thread_id: threadId, after, limit, order: 'asc' });
  }

  /** A thread with all its items: the first page from threads.get_by_id, the rest from items.list. */
  async loadThread(threadId: string): Promise<{ thread: Thread; items: ThreadItem[] }> {
    const thread = await this.getThread(threadId);
    const items = [...(thread.items?.data ?? [])];
    let page = thread.items;
    while (page?.has_more && page.after) {
      page = await this.listItems(threadId, page.after);
      items.push(...page.data);
    }
    return { thread, items };
  }

  feedback(threadId: string, itemIds: string[], kind: FeedbackKind): Promise<void> {
    return this.request('items.feedback', { thread_id: threadId, item_ids: itemIds, kind });
  }

  async *stream(type: string, params: Record<string, unknown>, signal?: AbortSignal): AsyncGenerator<StreamEvent> {
    let response: Response;
    try {
      response = await this.fetchFn(this.url, { ...postJson({ type, params }), signal });
    } catch (e) {
      if (isAbort(e)) return;
      throw new ApiError(0, 'network_error', `The server could not be reached (${(e as Error).message}).`);
    }
    if (!response.ok) throw await toApiError(response);
    if (!response.body) throw new ProtocolError('the server answered without a body');
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const parser = new SseParser();
    try {
      for (;;) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (e) {
          if (isAbort(e) || signal?.aborted) return;
          throw new ApiError(0, 'network_error', `The answer stream broke off (${(e as Error).message}).`);
        }
        if (chunk.done) break;
        yield* parser.push(decoder.decode(chunk.value, { stream: true }));
      }
      yield* parser.push(decoder.decode());
      yield* parser.end();
    } finally {
      reader.releaseLock();
    }
  }

  createThread(text: string, signal?: AbortSignal, attachmentIds: string[] = []): AsyncGenerator<StreamEvent> {
    return this.stream('threads.create', { input: userInput(text, attachmentIds) }, signal);
  }

  addUserMessage(threadId: string, text: string, signal?: AbortSignal, attachmentIds: string[] = []): AsyncGenerator<StreamEvent> {
    return this.stream('threads.add_user_message', { thread_id: threadId, input: userInput(text, attachmentIds) }, signal);
  }

  /** Phase one of an upload: the server checks name, size and type and answers with the upload descriptor. */
  createAttachment(file: File): Promise<Attachment> {
    return this.request('attachments.create', { name: file.name, size: file.size, mime_type: file.type });
  }

  deleteAttachment(attachmentId: string): Promise<void> {
    return this.request('attachments.delete', { attachment_id: attachmentId });
  }

  retryAfterItem(threadId: string, itemId: string, signal?: AbortSignal): AsyncGenerator<StreamEvent> {
    return this.stream('threads.retry_after_item', { thread_id: threadId, item_id: itemId }, signal);
  }

  /** A widget's action (`threads.custom_action`), sent on behalf of the widget item `itemId`. */
  customAction(threadId: string, itemId: string, action: ActionConfig, signal?: AbortSignal): AsyncGenerator<StreamEvent> {
    const sent: Record<string, unknown> = { type: action.type };
    if (action.payload !== undefined) sent.payload = action.payload;
    return this.stream('threads.custom_action', { thread_id: threadId, item_id: itemId, action: sent }, signal);
  }
}

function userInput(text: string, attachmentIds: string[]) {
  return { content: [{ type: 'input_text', text }], attachments: attachmentIds, quoted_text: null, inference_options: {} };
}

/**
 * Phase two: the bytes to the descriptor's URL as `multipart/form-data` (field `file`), with the cookie.
 * XMLHttpRequest rather than fetch, since only it reports upload progress (`onProgress` gets 0..1).
 * Rejects with ApiError carrying the server's code and message (413, 415, 404, 409).
 */
export function uploadAttachment(
  descriptor: UploadDescriptor,
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(descriptor.method || 'POST', descriptor.url);
    xhr.withCredentials = true;
    for (const [name, value] of Object.entries(descriptor.headers ?? {})) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: the status line is all there is to say
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body as Attachment);
        return;
      }
      const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
      reject(
        new ApiError(
          xhr.status,
          typeof error?.code === 'string' ? error.code : `http_${xhr.status}`,
          typeof error?.message === 'string' && error.message ? error.message : `${xhr.status} ${xhr.statusText}`.trim(),
        ),
      );
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'The upload broke off.'));
    xhr.onabort = () => reject(new DOMException('upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
