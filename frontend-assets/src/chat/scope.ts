// State of the out-of-scope feedback offer. Pure reducer so the rules are unit-tested without a browser:
// a flag from the client tool, a client effect or /classify shows the button for the current response;
// a new response or another thread hides it; a stored feedback is not offered twice.

export type FlagSource = 'client_tool' | 'effect' | 'structured' | 'marker' | string;

export interface Flag {
  source: FlagSource;
  reason: string | null;
  userQuestion: string;
  assistantReply: string;
  threadId: string | null;
}

export type FeedbackStatus = 'idle' | 'offered' | 'sending' | 'sent' | 'failed';

export interface ScopeState {
  threadId: string | null;
  flag: Flag | null;
  status: FeedbackStatus;
  error: string | null;
}

export type ScopeAction =
  | { type: 'thread_changed'; threadId: string | null }
  | { type: 'response_started' }
  | { type: 'flagged'; flag: Omit<Flag, 'threadId'> }
  | { type: 'sending' }
  | { type: 'sent' }
  | { type: 'failed'; message: string };

export const INITIAL_SCOPE: ScopeState = { threadId: null, flag: null, status: 'idle', error: null };

export function scopeReducer(state: ScopeState, action: ScopeAction): ScopeState {
  switch (action.type) {
    case 'thread_changed':
      return action.threadId === state.threadId ? state : { ...INITIAL_SCOPE, threadId: action.threadId };
    case 'response_started':
      // Keep a pending submission visible; otherwise a new answer starts without an offer.
      return state.status === 'sending' ? state : { ...state, flag: null, status: 'idle', error: null };
    case 'flagged': {
      if (state.status === 'sending' || state.status === 'sent') {
        // Already reported for this response: a second signal (tool call and /classify) changes nothing.
        if (state.flag && state.flag.threadId === state.threadId) return state;
      }
      const previous = state.flag;
      const merged: Flag = {
        source: previous?.source ?? action.flag.source,
        reason: previous?.reason ?? action.flag.reason,
        userQuestion: action.flag.userQuestion || previous?.userQuestion || '',
        assistantReply: action.flag.assistantReply || previous?.assistantReply || '',
        threadId: state.threadId,
      };
      return { ...state, flag: merged, status: state.status === 'failed' ? 'failed' : 'offered' };
    }
    case 'sending':
      return state.flag ? { ...state, status: 'sending', error: null } : state;
    case 'sent':
      return { ...state, status: 'sent', error: null };
    case 'failed':
      return { ...state, status: 'failed', error: action.message };
    default:
      return state;
  }
}

/** Reads the optional fields a `report_out_of_scope` client tool call may carry. */
export function flagFromToolParams(params: Record<string, unknown>): Omit<Flag, 'threadId'> {
  const text = (key: string): string => (typeof params[key] === 'string' ? (params[key] as string) : '');
  return {
    source: 'client_tool',
    reason: text('reason') || null,
    userQuestion: text('user_question') || text('question'),
    assistantReply: text('assistant_reply') || text('answer'),
  };
}

/** True when a `report_out_of_scope` call does not explicitly say `out_of_scope: false`. */
export function toolSaysOutOfScope(params: Record<string, unknown>): boolean {
  return params.out_of_scope !== false;
}
