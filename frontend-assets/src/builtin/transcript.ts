// The built-in chat's state: one thread's transcript, reduced from thread stream events and the page's own
// actions. A pure reducer, so the rules are unit-tested on recorded streams without a browser.
import type { AssistantContent, Attachment, FeedbackKind, StreamEvent, Thread, ThreadItem, WidgetNode } from './protocol';
import { applyWidgetUpdate } from './widget';

export interface UserEntry {
  kind: 'user';
  id: string;
  text: string;
  /** The files and images sent with the question (chatkit-python `Attachment`s). */
  attachments: Attachment[];
  /** Sent, not yet confirmed by the server's `thread.item.done`. */
  pending: boolean;
}

export interface AssistantEntry {
  kind: 'assistant';
  id: string;
  parts: AssistantContent[];
  /** `thread.item.done` arrived: the answer is complete and stored. */
  done: boolean;
  /** The user pressed Stopp while it streamed; it was not stored. */
  stopped: boolean;
  feedback: FeedbackKind | null;
}

/**
 * A widget item (e.g. the server's out-of-scope card after an answer outside the documents). The built-in chat
 * draws it and sends its buttons' actions; the `client_effect` `out_of_scope` is left to pages that draw their own
 * offer.
 */
export interface WidgetEntry {
  kind: 'widget';
  id: string;
  widget: WidgetNode;
  copyText: string | null;
}

export type Entry = UserEntry | AssistantEntry | WidgetEntry;

export interface StreamError {
  /** Text to show; `custom` errors carry the server's text, `stream.error` gets ours. */
  message: string;
  allowRetry: boolean;
}

export interface Notice {
  level: 'info' | 'warning' | 'danger';
  message: string;
  title?: string;
}

export interface Transcript {
  threadId: string | null;
  title: string | null;
  entries: Entry[];
  streaming: boolean;
  allowCancel: boolean;
  progress: string | null;
  error: StreamError | null;
  notice: Notice | null;
}

export type TranscriptAction =
  | { type: 'send'; text: string; attachments?: Attachment[] }
  | { type: 'retry'; userItemId: string }
  | { type: 'event'; event: StreamEvent }
  | { type: 'stream_ended' }
  | { type: 'stopped' }
  | { type: 'failed'; message: string }
  | { type: 'loaded'; thread: Thread; items: ThreadItem[] }
  | { type: 'feedback'; itemId: string; kind: FeedbackKind }
  | { type: 'action'; itemId: string }
  | { type: 'reset' };

export const EMPTY_TRANSCRIPT: Transcript = {
  threadId: null,
  title: null,
  entries: [],
  streaming: false,
  allowCancel: false,
  progress: null,
  error: null,
  notice: null,
};

export const STREAM_ERROR_TEXT = 'Die Antwort konnte nicht erzeugt werden. Bitte versuchen Sie es erneut.';
const PENDING_ID = 'pending-user-message';

function toEntry(item: ThreadItem, done: boolean): Entry | null {
  if (item.type === 'user_message' && 'content' in item) {
    const text = item.content.map((c) => c.text ?? '').filter((t) => t !== '').join('\n');
    const attachments = 'attachments' in item && Array.isArray(item.attachments) ? item.attachments : [];
    return { kind: 'user', id: item.id, text, attachments, pending: false };
  }
  if (item.type === 'assistant_message' && 'content' in item) {
    const parts = (item.content as AssistantContent[]).map(normalizePart);
    return { kind: 'assistant', id: item.id, parts, done, stopped: false, feedback: null };
  }
  if (item.type === 'widget' && 'widget' in item && item.widget && typeof item.widget === 'object') {
    return { kind: 'widget', id: item.id, widget: item.widget, copyText: item.copy_text ?? null };
  }
  return null;
}

function normalizePart(part: Partial<AssistantContent>): AssistantContent {
  return { type: 'output_text', text: part.text ?? '', annotations: part.annotations ?? [] };
}

/** Puts `entry` in place of the entry with its id (or of the pending user message), else appends it. */
function upsert(entries: Entry[], entry: Entry): Entry[] {
  let index = entries.findIndex((e) => e.id === entry.id);
  if (index < 0 && entry.kind === 'user') index = entries.findIndex((e) => e.id === PENDING_ID);
  if (index < 0) return [...entries, entry];
  const previous = entries[index];
  const merged =
    previous.kind === 'assistant' && entry.kind === 'assistant'
      ? { ...entry, feedback: previous.feedback }
      : entry;
  return entries.map((e, i) => (i === index ? merged : e));
}

function updateAssistant(entries: Entry[], id: string, change: (a: AssistantEntry) => AssistantEntry): Entry[] {
  return entries.map((e) => (e.kind === 'assistant' && e.id === id ? change(e) : e));
}

function withPart(a: AssistantEntry, index: number, change: (p: AssistantContent) => AssistantContent): AssistantEntry {
  const parts = [...a.parts];
  while (parts.length <= index) parts.push({ type: 'output_text', text: '', annotations: [] });
  parts[index] = change(parts[index]);
  return { ...a, parts };
}

function applyEvent(state: Transcript, event: StreamEvent): Transcript {
  switch (event.type) {
    case 'thread.created':
    case 'thread.updated':
      return { ...state, threadId: event.thread.id, title: event.thread.title ?? state.title };
    case 'thread.item.added':
    case 'thread.item.done':
    case 'thread.item.replaced': {
      const entry = toEntry(event.item, event.type !== 'thread.item.added');
      if (!entry) return state;
      // an answer is being written: the progress line ("searching …") has done its job
      const progress = entry.kind === 'assistant' ? null : state.progress;
      return { ...state, entries: upsert(state.entries, entry), progress };
    }
    case 'thread.item.removed':
      return { ...state, entries: state.entries.filter((e) => e.id !== event.item_id) };
    case 'thread.item.updated': {
      const u = event.update;
      if (u.type.startsWith('widget.')) {
        const widgets = state.entries.map((e) =>
          e.kind === 'widget' && e.id === event.item_id ? { ...e, widget: applyWidgetUpdate(e.widget, u) } : e,
        );
        return { ...state, entries: widgets };
      }
      const entries = updateAssistant(state.entries, event.item_id, (a) => {
        switch (u.type) {
          case 'assistant_message.content_part.added':
          case 'assistant_message.content_part.done':
            return withPart(a, u.content_index, () => normalizePart(u.content));
          case 'assistant_message.content_part.text_delta':
            return withPart(a, u.content_index, (p) => ({ ...p, text: p.text + u.delta }));
          case 'assistant_message.content_part.annotation_added':
            return withPart(a, u.content_index, (p) => {
              const annotations = [...p.annotations];
              annotations[u.annotation_index] = u.annotation;
              return { ...p, annotations };
            });
          default:
            return a;
        }
      });
      return { ...state, entries };
    }
    case 'stream_options':
      return { ...state, allowCancel: event.stream_options.allow_cancel };
    case 'progress_update':
      return { ...state, progress: event.text };
    case 'error': {
      const message = event.code === 'custom' && event.message ? event.message : STREAM_ERROR_TEXT;
      // a half-written answer that failed is not kept by the server; do not keep it on the page either
      const entries = state.entries.filter((e) => e.kind !== 'assistant' || e.done);
      return { ...state, entries, progress: null, error: { message, allowRetry: event.allow_retry } };
    }
    case 'notice':
      return { ...state, notice: { level: event.level, message: event.message, title: event.title } };
    default:
      return state;
  }
}

export function transcriptReducer(state: Transcript, action: TranscriptAction): Transcript {
  switch (action.type) {
    case 'send':
      return {
        ...state,
        entries: [
          ...state.entries.filter((e) => e.id !== PENDING_ID),
          { kind: 'user', id: PENDING_ID, text: action.text, attachments: action.attachments ?? [], pending: true },
        ],
        streaming: true,
        allowCancel: false,
        progress: null,
        error: null,
        notice: null,
      };
    case 'retry': {
      // the server drops everything after the user message; so does the page
      const index = state.entries.findIndex((e) => e.id === action.userItemId);
      const entries = index < 0 ? state.entries : state.entries.slice(0, index + 1);
      return { ...state, entries, streaming: true, allowCancel: false, progress: null, error: null, notice: null };
    }
    case 'event':
      return applyEvent(state, action.event);
    case 'stream_ended':
      return { ...state, streaming: false, progress: null };
    case 'stopped':
      return {
        ...state,
        streaming: false,
        progress: null,
        entries: state.entries.map((e) => (e.kind === 'assistant' && !e.done ? { ...e, stopped: true } : e)),
      };
    case 'failed':
      return {
        ...state,
        streaming: false,
        progress: null,
        entries: state.entries.filter((e) => e.kind !== 'assistant' || e.done),
        error: { message: action.message, allowRetry: true },
      };
    case 'loaded': {
      const entries = action.items.map((item) => toEntry(item, true)).filter((e): e is Entry => e !== null);
      return { ...EMPTY_TRANSCRIPT, threadId: action.thread.id, title: action.thread.title ?? null, entries };
    }
    case 'feedback':
      return { ...state, entries: updateAssistant(state.entries, action.itemId, (a) => ({ ...a, feedback: action.kind })) };
    case 'action':
      // a widget's action streams like an answer, without a question of its own
      return { ...state, streaming: true, allowCancel: false, progress: null, error: null, notice: null };
    case 'reset':
      return EMPTY_TRANSCRIPT;
    default:
      return state;
  }
}

/** The user message a retry starts after: the last confirmed user message. */
export function retryTarget(state: Transcript): string | null {
  for (let i = state.entries.length - 1; i >= 0; i--) {
    const e = state.entries[i];
    if (e.kind === 'user' && !e.pending) return e.id;
  }
  return null;
}

/** The question an answer replied to: the user message before it. */
export function questionBefore(state: Transcript, assistantId: string): string {
  const index = state.entries.findIndex((e) => e.id === assistantId);
  for (let i = index - 1; i >= 0; i--) {
    const e = state.entries[i];
    if (e.kind === 'user') return e.text;
  }
  return '';
}

/** Every source cited by an answer, once, in order of appearance: files by name, links by title. */
export function sourcesOf(entry: AssistantEntry): { key: string; label: string; url?: string }[] {
  const seen = new Map<string, { key: string; label: string; url?: string }>();
  for (const part of entry.parts) {
    for (const a of part.annotations) {
      if (!a?.source) continue;
      const s = a.source;
      const label = s.filename ?? s.title ?? s.url ?? s.id ?? 'Quelle';
      const key = `${s.type}:${s.filename ?? s.url ?? s.id ?? label}`;
      if (!seen.has(key)) seen.set(key, s.type === 'url' && s.url ? { key, label, url: s.url } : { key, label });
    }
  }
  return [...seen.values()];
}

export function answerText(entry: AssistantEntry): string {
  return entry.parts.map((p) => p.text).join('\n\n');
}
