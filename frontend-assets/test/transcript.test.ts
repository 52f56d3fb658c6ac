import { describe, expect, it } from 'vitest';
import { SseParser } from '../src/builtin/protocol';
import { widgetText } from '../src/builtin/widget';
import {
  type AssistantEntry, EMPTY_TRANSCRIPT, STREAM_ERROR_TEXT, type Transcript, answerText, questionBefore, retryTarget,
  sourcesOf, transcriptReducer,
} from '../src/builtin/transcript';

import createSse from './streams/create.sse?raw';
import errorSse from './streams/error.sse?raw';
import oosSse from './streams/oos.sse?raw';
import actionSse from './streams/action.sse?raw';
import threadJson from './streams/thread.json?raw';

const RECORDED: Record<string, string> = { 'create.sse': createSse, 'oos.sse': oosSse, 'action.sse': actionSse, 'error.sse': errorSse, 'thread.json': threadJson };
const stream = (name: string) => RECORDED[name];

function replay(state: Transcript, name: string, upTo = Infinity): Transcript {
  return new SseParser()
    .push(stream(name))
    .slice(0, upTo)
    .reduce((s, event) => transcriptReducer(s, { type: 'event', event }), state);
}

const ask = (state: Transcript, text: string) => transcriptReducer(state, { type: 'send', text });
const assistants = (s: Transcript) => s.entries.filter((e): e is AssistantEntry => e.kind === 'assistant');

describe('transcriptReducer on recorded streams', () => {
  it('a new thread: the question, then the answer as it streams, with its file source', () => {
    let s = ask(EMPTY_TRANSCRIPT, 'Worum geht es?');
    expect(s.entries).toEqual([{ kind: 'user', id: 'pending-user-message', text: 'Worum geht es?', attachments: [], pending: true }]);
    s = replay(s, 'create.sse', 7); // up to the first text delta
    expect(s.threadId).toBe('thr_2030b11077afb038d5181b25');
    expect(s.title).toBe('Worum geht es?');
    expect(s.entries[0]).toMatchObject({ kind: 'user', id: 'msg_f49f68dab1e8cf484fbdccc3', pending: false });
    expect(answerText(assistants(s)[0])).toBe('Die Interviews handeln ');
    expect(assistants(s)[0].done).toBe(false);
    s = replay(ask(EMPTY_TRANSCRIPT, 'Worum geht es?'), 'create.sse');
    s = transcriptReducer(s, { type: 'stream_ended' });
    const answer = assistants(s)[0];
    expect(answerText(answer)).toBe('Die Interviews handeln von **Arbeit** und `KI`.');
    expect(answer.done).toBe(true);
    expect(sourcesOf(answer)).toEqual([{ key: 'file:interview-01.pdf', label: 'interview-01.pdf' }]);
    expect(s.streaming).toBe(false);
    expect(s.allowCancel).toBe(true);
  });

  it('shows the progress line until the answer starts', () => {
    const s = replay(ask(EMPTY_TRANSCRIPT, 'Worum geht es?'), 'create.sse', 4);
    expect(s.progress).toBe('Durchsuche die Dokumente …');
    expect(replay(ask(EMPTY_TRANSCRIPT, 'Worum geht es?'), 'create.sse', 5).progress).toBeNull();
  });

  it('an out-of-scope answer is followed by the server\'s card, and its action turns it into the thank-you state', () => {
    let s = replay(ask(EMPTY_TRANSCRIPT, 'Worum geht es?'), 'create.sse');
    s = replay(ask(s, 'Wie wird das Wetter?'), 'oos.sse');
    const second = assistants(s)[1];
    expect(questionBefore(s, second.id)).toBe('Wie wird das Wetter?');
    const card = s.entries.at(-1);
    expect(card).toMatchObject({ kind: 'widget', id: 'wgt_5c1f0e7a9b2d4c6e8f0a1b2c',
      copyText: 'Diese Frage liegt außerhalb der Dokumente' });
    expect(card?.kind === 'widget' && widgetText(card.widget)).toContain('Als Feedback melden');
    s = transcriptReducer(transcriptReducer(s, { type: 'stream_ended' }), { type: 'action', itemId: card!.id });
    expect(s.streaming).toBe(true);
    s = transcriptReducer(replay(s, 'action.sse'), { type: 'stream_ended' });
    const thanked = s.entries.at(-1);
    expect(thanked?.kind === 'widget' && thanked.widget.key).toBe('out_of_scope.thanks');
    expect(thanked?.kind === 'widget' && widgetText(thanked.widget)).toBe('Gemeldet Danke! Ihr Hinweis wurde gespeichert.');
    expect(s.entries).toHaveLength(5);
    expect(s.streaming).toBe(false);
  });

  it('an error event shows our text for stream.error and offers a retry after the last question', () => {
    let s = replay(ask(EMPTY_TRANSCRIPT, 'Worum geht es?'), 'create.sse');
    s = replay(ask(s, 'FAIL bitte'), 'error.sse');
    expect(s.error).toEqual({ message: STREAM_ERROR_TEXT, allowRetry: true });
    expect(retryTarget(s)).toBe('msg_4df535b0827a189607d44ffb');
    s = transcriptReducer(s, { type: 'retry', userItemId: 'msg_4df535b0827a189607d44ffb' });
    expect(s.error).toBeNull();
    expect(s.streaming).toBe(true);
    expect(s.entries.at(-1)?.id).toBe('msg_4df535b0827a189607d44ffb');
  });

  it('a custom error shows the server\'s message; a half-written answer is dropped', () => {
    let s = replay(ask(EMPTY_TRANSCRIPT, 'Worum geht es?'), 'create.sse', 8);
    s = transcriptReducer(s, { type: 'event', event: { type: 'error', code: 'custom', message: 'Kontingent erschöpft', allow_retry: false } });
    expect(s.error).toEqual({ message: 'Kontingent erschöpft', allowRetry: false });
    expect(assistants(s)).toEqual([]);
  });

  it('stop keeps what was written, marked as stopped', () => {
    let s = replay(ask(EMPTY_TRANSCRIPT, 'Worum geht es?'), 'create.sse', 7);
    s = transcriptReducer(s, { type: 'stopped' });
    expect(s.streaming).toBe(false);
    expect(assistants(s)[0]).toMatchObject({ stopped: true, done: false });
  });

  it('a thread loaded from the history replaces the transcript; thumbs are remembered per answer', () => {
    const thread = JSON.parse(stream('thread.json'));
    let s = transcriptReducer(ask(EMPTY_TRANSCRIPT, 'x'), { type: 'loaded', thread, items: thread.items.data });
    expect(s.threadId).toBe(thread.id);
    expect(s.entries.map((e) => e.kind)).toEqual(['user', 'assistant', 'user', 'assistant', 'user']);
    const id = assistants(s)[0].id;
    s = transcriptReducer(s, { type: 'feedback', itemId: id, kind: 'negative' });
    expect(assistants(s)[0].feedback).toBe('negative');
    expect(transcriptReducer(s, { type: 'reset' })).toEqual(EMPTY_TRANSCRIPT);
  });

  it('a failed request keeps the question and offers to send it again', () => {
    const s = transcriptReducer(ask(EMPTY_TRANSCRIPT, 'Hallo'), { type: 'failed', message: 'weg' });
    expect(s.error).toEqual({ message: 'weg', allowRetry: true });
    expect(s.entries).toHaveLength(1);
    expect(ask(s, 'Hallo').entries).toHaveLength(1);
  });
});
