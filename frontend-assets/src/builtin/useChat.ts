// The built-in chat's actions on one connection: send, stop (cancel), retry, new conversation, open a thread
// from the history, thumbs. Streams run one at a time; each is aborted when another action replaces it.
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { ApiError } from '../shared/http';
import { type ActionConfig, type Attachment, type ChatKitConnection, type FeedbackKind, ProtocolError, type StreamEvent } from './protocol';
import { EMPTY_TRANSCRIPT, retryTarget, transcriptReducer, type Transcript } from './transcript';

export interface Chat {
  state: Transcript;
  /** Sends a question with the ids of uploaded attachments (chatkit-python `UserMessageInput.attachments`). */
  send: (text: string, attachments?: Attachment[]) => void;
  stop: () => void;
  retry: () => void;
  newThread: () => void;
  open: (threadId: string) => Promise<void>;
  rate: (itemId: string, kind: FeedbackKind) => Promise<void>;
  /** Sends a widget's server action (`threads.custom_action`) for the widget item `itemId`; its answer streams. */
  act: (itemId: string, action: ActionConfig) => void;
}

/** What the visitor reads when a request of the chat fails (German, with the code for support). */
export function chatFailureMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return 'Der Chat-Server ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung.';
    if (error.status === 429) return 'Zu viele Anfragen in kurzer Zeit. Bitte warten Sie einen Moment.';
    return `Die Anfrage ist fehlgeschlagen: ${error.message} (${error.code}, HTTP ${error.status})`;
  }
  if (error instanceof ProtocolError) return `Die Antwort des Servers war nicht lesbar (${error.message}).`;
  return `Die Anfrage ist fehlgeschlagen: ${(error as Error)?.message ?? String(error)}`;
}

export function useChat(connection: ChatKitConnection): Chat {
  const [state, dispatch] = useReducer(transcriptReducer, EMPTY_TRANSCRIPT);
  const current = useRef(state);
  current.current = state;
  const running = useRef<AbortController | null>(null);
  const lastText = useRef('');
  const lastAttachments = useRef<Attachment[]>([]);

  const abortRunning = useCallback(() => {
    running.current?.abort();
    running.current = null;
  }, []);

  useEffect(() => abortRunning, [abortRunning]);

  const run = useCallback(
    async (start: (signal: AbortSignal) => AsyncGenerator<StreamEvent>) => {
      abortRunning();
      const controller = new AbortController();
      running.current = controller;
      try {
        for await (const event of start(controller.signal)) {
          if (controller.signal.aborted) break;
          dispatch({ type: 'event', event });
        }
        if (!controller.signal.aborted) dispatch({ type: 'stream_ended' });
      } catch (e) {
        if (!controller.signal.aborted) dispatch({ type: 'failed', message: chatFailureMessage(e) });
      } finally {
        if (running.current === controller) running.current = null;
      }
    },
    [abortRunning],
  );

  const send = useCallback(
    (text: string, attachments: Attachment[] = []) => {
      const question = text.trim();
      if (!question || current.current.streaming) return;
      lastText.current = question;
      lastAttachments.current = attachments;
      const threadId = current.current.threadId;
      const ids = attachments.map((a) => a.id);
      dispatch({ type: 'send', text: question, attachments });
      void run((signal) =>
        threadId
          ? connection.addUserMessage(threadId, question, signal, ids)
          : connection.createThread(question, signal, ids),
      );
    },
    [connection, run],
  );

  const stop = useCallback(() => {
    abortRunning();
    dispatch({ type: 'stopped' });
  }, [abortRunning]);

  const retry = useCallback(() => {
    const s = current.current;
    const target = retryTarget(s);
    if (s.threadId && target) {
      const threadId = s.threadId;
      dispatch({ type: 'retry', userItemId: target });
      void run((signal) => connection.retryAfterItem(threadId, target, signal));
    } else if (lastText.current) {
      // the first message never reached the server: send it again
      const question = lastText.current;
      const attachments = lastAttachments.current;
      dispatch({ type: 'send', text: question, attachments });
      void run((signal) => connection.createThread(question, signal, attachments.map((a) => a.id)));
    }
  }, [connection, run]);

  const newThread = useCallback(() => {
    abortRunning();
    dispatch({ type: 'reset' });
  }, [abortRunning]);

  const open = useCallback(
    async (threadId: string) => {
      abortRunning();
      const { thread, items } = await connection.loadThread(threadId);
      dispatch({ type: 'loaded', thread, items });
    },
    [connection, abortRunning],
  );

  const rate = useCallback(
    async (itemId: string, kind: FeedbackKind) => {
      const threadId = current.current.threadId;
      if (!threadId) return;
      await connection.feedback(threadId, [itemId], kind);
      dispatch({ type: 'feedback', itemId, kind });
    },
    [connection],
  );

  const act = useCallback(
    (itemId: string, action: ActionConfig) => {
      const threadId = current.current.threadId;
      if (!threadId || current.current.streaming) return;
      dispatch({ type: 'action', itemId });
      void run((signal) => connection.customAction(threadId, itemId, action, signal));
    },
    [connection, run],
  );

  return { state, send, stop, retry, newThread, open, rate, act };
}
