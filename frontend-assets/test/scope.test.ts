import { describe, expect, it } from 'vitest';
import { INITIAL_SCOPE, type ScopeState, flagFromToolParams, scopeReducer, toolSaysOutOfScope } from '../src/chat/scope';

const flag = { source: 'client_tool', reason: 'not in documents', userQuestion: 'Q', assistantReply: 'A' };

function run(...actions: Parameters<typeof scopeReducer>[1][]): ScopeState {
  return actions.reduce(scopeReducer, INITIAL_SCOPE);
}

describe('scopeReducer', () => {
  it('offers feedback once a response is flagged', () => {
    const state = run({ type: 'thread_changed', threadId: 't1' }, { type: 'flagged', flag });
    expect(state.status).toBe('offered');
    expect(state.flag).toMatchObject({ threadId: 't1', reason: 'not in documents' });
  });

  it('hides the offer when the next response starts or the thread changes', () => {
    expect(run({ type: 'flagged', flag }, { type: 'response_started' }).status).toBe('idle');
    expect(run({ type: 'thread_changed', threadId: 't1' }, { type: 'flagged', flag }, { type: 'thread_changed', threadId: 't2' }).flag).toBeNull();
  });

  it('merges a second signal for the same response without losing the text', () => {
    const state = run(
      { type: 'flagged', flag: { ...flag, userQuestion: '', assistantReply: '' } },
      { type: 'flagged', flag: { source: 'marker', reason: 'keine Informationen', userQuestion: 'Frage', assistantReply: 'Antwort' } },
    );
    expect(state.flag).toMatchObject({ source: 'client_tool', userQuestion: 'Frage', assistantReply: 'Antwort' });
  });

  it('does not offer twice after the feedback was stored', () => {
    const sent = run({ type: 'flagged', flag }, { type: 'sending' }, { type: 'sent' });
    expect(scopeReducer(sent, { type: 'flagged', flag }).status).toBe('sent');
  });

  it('keeps the error visible until the user retries', () => {
    const failed = run({ type: 'flagged', flag }, { type: 'sending' }, { type: 'failed', message: 'boom' });
    expect(failed).toMatchObject({ status: 'failed', error: 'boom' });
    expect(scopeReducer(failed, { type: 'sending' })).toMatchObject({ status: 'sending', error: null });
  });

  it('ignores sending without a flag', () => {
    expect(scopeReducer(INITIAL_SCOPE, { type: 'sending' })).toBe(INITIAL_SCOPE);
  });
});

describe('client tool parameters', () => {
  it('reads reason, question and answer', () => {
    expect(flagFromToolParams({ reason: 'r', user_question: 'q', assistant_reply: 'a' })).toEqual({
      source: 'client_tool',
      reason: 'r',
      userQuestion: 'q',
      assistantReply: 'a',
    });
  });

  it('counts a call as out of scope unless it says false', () => {
    expect(toolSaysOutOfScope({})).toBe(true);
    expect(toolSaysOutOfScope({ out_of_scope: true })).toBe(true);
    expect(toolSaysOutOfScope({ out_of_scope: false })).toBe(false);
  });
});
