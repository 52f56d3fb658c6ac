import { useCallback, useReducer, useRef, useState } from 'react';
import { ChatKit, useChatKit } from '@openai/chatkit-react';
import { ApiError } from '../shared/http';
import { classifyThread, createSession, sendFeedback } from './api';
import type { PageConfig } from './config';
import type { ChatKitScriptError } from './chatkitScript';
import { feedbackErrorMessage, notConfiguredNotice, scriptErrorMessage, sessionErrorMessage } from './messages';
import { buildChatKitOptions, classifiesAfterResponse } from './options';
import { INITIAL_SCOPE, flagFromToolParams, scopeReducer, toolSaysOutOfScope } from './scope';
import { OutOfScopeOffer } from './OutOfScopeOffer';
import { type Banner, Shell } from './Shell';

const OUT_OF_SCOPE_TOOL = 'report_out_of_scope';
const OUT_OF_SCOPE_EFFECT = 'out_of_scope';

interface Props {
  config: PageConfig;
  scriptError: ChatKitScriptError | null;
  configError: string | null;
}

export function App({ config, scriptError, configError }: Props) {
  const [sessionError, setSessionError] = useState<string | null>(null);
  const [scope, dispatch] = useReducer(scopeReducer, INITIAL_SCOPE);
  const sessionId = useRef<string | null>(null);
  const threadId = useRef<string | null>(null);

  const getClientSecret = useCallback(async (current: string | null) => {
    try {
      const secret = await createSession(fetch, current, config.sessionUrl);
      sessionId.current = secret.session_id ?? sessionId.current;
      setSessionError(null);
      return secret.client_secret;
    } catch (e) {
      // The "not set up" notice already says this when /config reported it; do not say it twice.
      const known = !config.chatConfigured && e instanceof ApiError && e.code === 'not_configured';
      setSessionError(known ? null : sessionErrorMessage(e));
      throw e;
    }
  }, [config.sessionUrl, config.chatConfigured]);

  const onClientTool = useCallback(async ({ name, params }: { name: string; params: Record<string, unknown> }) => {
    if (name !== OUT_OF_SCOPE_TOOL) {
      return { ok: false, error: `unknown client tool: ${name}` };
    }
    if (toolSaysOutOfScope(params)) {
      dispatch({ type: 'flagged', flag: flagFromToolParams(params) });
    }
    return { ok: true };
  }, []);

  const classifyLatest = useCallback(() => {
    const thread = threadId.current;
    if (!thread || !classifiesAfterResponse(config)) return;
    classifyThread(fetch, thread).then(
      (result) => {
        if (result.out_of_scope && threadId.current === thread) {
          dispatch({
            type: 'flagged',
            flag: {
              source: result.source,
              reason: result.marker ?? null,
              userQuestion: result.user_question ?? '',
              assistantReply: result.assistant_reply ?? '',
            },
          });
        }
      },
      // The chat itself keeps working; only the automatic offer is missing, so no banner for this.
      (e) => console.warn('interview: /classify failed', e),
    );
  }, [config]);

  const chatkit = useChatKit({
    ...buildChatKitOptions(config, { getClientSecret, onClientTool }),
    onThreadChange: ({ threadId: id }) => {
      threadId.current = id;
      dispatch({ type: 'thread_changed', threadId: id });
    },
    onResponseStart: () => dispatch({ type: 'response_started' }),
    onResponseEnd: classifyLatest,
    onEffect: ({ name, data }) => {
      // the own server follows such an answer with its out-of-scope card (a widget the component draws, whose
      // button stores the report), so the page's own offer would be a second one
      if (name === OUT_OF_SCOPE_EFFECT && config.backend !== 'server') {
        dispatch({ type: 'flagged', flag: { ...flagFromToolParams(data ?? {}), source: 'effect' } });
      }
    },
    onError: ({ error }) => console.error('interview: ChatKit error', error),
  });

  const submitFeedback = useCallback(async () => {
    const flag = scope.flag;
    if (!flag) return;
    dispatch({ type: 'sending' });
    const thread = flag.threadId ?? threadId.current;
    const unknownText = thread ? `(siehe Thread ${thread})` : '(nicht verfügbar)';
    try {
      await sendFeedback(fetch, {
        session_id: sessionId.current ?? thread ?? 'unknown',
        user_question: flag.userQuestion || unknownText,
        assistant_reply: flag.assistantReply || unknownText,
        category: config.feedbackCategories.includes('out_of_scope') ? 'out_of_scope' : config.feedbackCategories[0],
        comment: `Vom Nutzer gemeldet: Antwort außerhalb des Themas (Quelle: ${flag.source}${flag.reason ? `, ${flag.reason}` : ''})`,
      });
      dispatch({ type: 'sent' });
    } catch (e) {
      dispatch({ type: 'failed', message: feedbackErrorMessage(e) });
    }
  }, [scope.flag, config.feedbackCategories]);

  const notices = [
    !config.chatConfigured ? notConfiguredNotice(config.setupMessage) : null,
    config.notice,
    configError,
  ].filter((n): n is string => !!n);

  const banners: Banner[] = [
    ...notices.map((text) => ({ kind: 'info' as const, text, testId: 'notice' })),
    ...(scriptError ? [{ kind: 'error' as const, text: scriptErrorMessage(scriptError), testId: 'script-error' }] : []),
    ...(sessionError ? [{ kind: 'error' as const, text: sessionError, testId: 'session-error' }] : []),
  ];

  return (
    <Shell banners={banners}>
      <div className={`chat-frame${scriptError ? ' chat-frame-failed' : ''}`}>
        <ChatKit control={chatkit.control} className="chatkit" />
      </div>

      {scope.status !== 'idle' && scope.flag && (
        <OutOfScopeOffer
          sending={scope.status === 'sending'}
          sent={scope.status === 'sent'}
          error={scope.error}
          onReport={submitFeedback}
        />
      )}
    </Shell>
  );
}
