// The built-in chat: our own client of the ChatKit protocol, for the `server` backend. Used when CHATKIT_UI
// is `builtin`, or in `auto` when OpenAI's script does not load. Requests go to the page's own origin only.
import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PageConfig } from '../chat/config';
import { type Banner, Shell } from '../chat/Shell';
import { Answer } from './Answer';
import { AttachButton, MessageAttachments, PendingAttachments } from './Attachments';
import { History } from './History';
import { HistoryIcon, PlusIcon, SendIcon, StopIcon } from './Icons';
import { ChatKitConnection } from './protocol';
import { chatFailureMessage, useChat } from './useChat';
import { useUploads } from './useUploads';
import { WidgetView } from './WidgetView';
import './builtin.css';

interface Props {
  config: PageConfig;
  banners: Banner[];
}

export function BuiltinChat({ config, banners }: Props) {
  const connection = useMemo(() => new ChatKitConnection(config.chatKitUrl, fetch), [config.chatKitUrl]);
  const chat = useChat(connection);
  const { state } = chat;
  const uploads = useUploads(connection, config.attachments);
  const [draft, setDraft] = useState('');
  const [showHistory, setShowHistory] = useState(false);
  const [openError, setOpenError] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const log = useRef<HTMLDivElement>(null);
  const historyButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const el = log.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [state.entries, state.progress, state.error]);

  const submit = useCallback(
    (text: string) => {
      if (!text.trim() || state.streaming || uploads.busy) return;
      chat.send(text, uploads.take());
      setDraft('');
      input.current?.focus();
    },
    [chat, state.streaming, uploads],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit(draft);
    }
  };

  const startNew = () => {
    chat.newThread();
    setShowHistory(false);
    setOpenError(null);
    setDraft('');
    input.current?.focus();
  };

  const openThread = (threadId: string) => {
    setOpenError(null);
    chat.open(threadId).then(
      () => {
        setShowHistory(false);
        input.current?.focus();
      },
      (e: unknown) => setOpenError(`Das Gespräch konnte nicht geöffnet werden: ${chatFailureMessage(e)}`),
    );
  };

  const actions = (
    <>
      <button type="button" className="tool-button" onClick={startNew}>
        <PlusIcon />
        <span>Neues Gespräch</span>
      </button>
      <button
        ref={historyButton}
        type="button"
        className="tool-button"
        aria-expanded={showHistory}
        aria-controls="history-panel"
        onClick={() => setShowHistory((v) => !v)}
      >
        <HistoryIcon />
        <span>Verlauf</span>
      </button>
    </>
  );

  const empty = state.entries.length === 0;
  const allBanners = openError ? [...banners, { kind: 'error' as const, text: openError, testId: 'open-error' }] : banners;

  return (
    <Shell banners={allBanners} actions={actions}>
      <div className="builtin" data-testid="builtin-chat">
        {showHistory && (
          <div
            id="history-panel"
            className="history-panel"
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                setShowHistory(false);
                historyButton.current?.focus();
              }
            }}
          >
            <History connection={connection} currentThreadId={state.threadId} onOpen={openThread} />
          </div>
        )}
        <div className="transcript" role="log" aria-live="polite" aria-label="Gesprächsverlauf" ref={log}>
          {empty && (
            <div className="start" data-testid="start-screen">
              <p className="start-greeting">{config.greeting}</p>
              {config.prompts.length > 0 && (
                <div className="start-prompts">
                  {config.prompts.map((p) => (
                    <button type="button" className="prompt-button" key={p.label} onClick={() => submit(p.prompt)}>
                      {p.label}
                    </button>
                  ))}
                </div>
              )}
            </div>
          )}
          {state.entries.map((entry) =>
            entry.kind === 'user' ? (
              <article className="msg msg-user" key={entry.id} data-testid="question">
                <MessageAttachments attachments={entry.attachments} />
                <p>{entry.text}</p>
              </article>
            ) : entry.kind === 'widget' ? (
              <WidgetView
                key={entry.id}
                entry={entry}
                busy={state.streaming}
                onAction={(action) => chat.act(entry.id, action)}
              />
            ) : (
              <Answer key={entry.id} entry={entry} onRate={(kind) => chat.rate(entry.id, kind)} />
            ),
          )}
          {state.streaming && (
            <p className="progress" data-testid="progress">
              <span className="dots" aria-hidden="true">
                <span />
                <span />
                <span />
              </span>
              {state.progress ?? 'Antwort wird geschrieben …'}
            </p>
          )}
          {state.notice && (
            <p className={`banner banner-${state.notice.level === 'info' ? 'info' : 'error'}`} role="status">
              {state.notice.title ? `${state.notice.title}: ` : ''}
              {state.notice.message}
            </p>
          )}
          {state.error && (
            <div className="banner banner-error stream-error" role="alert" data-testid="chat-error">
              <span>{state.error.message}</span>
              {state.error.allowRetry && (
                <button type="button" className="retry-button" onClick={chat.retry}>
                  Erneut versuchen
                </button>
              )}
            </div>
          )}
        </div>
        {config.attachments.enabled && <PendingAttachments uploads={uploads} />}
        <form
          className="composer"
          onSubmit={(e) => {
            e.preventDefault();
            submit(draft);
          }}
        >
          {config.attachments.enabled && (
            <AttachButton rules={config.attachments} uploads={uploads} disabled={state.streaming} />
          )}
          <textarea
            ref={input}
            className="composer-input"
            aria-label="Ihre Frage"
            placeholder={config.placeholder}
            rows={1}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onKeyDown}
          />
          {state.streaming ? (
            <button type="button" className="composer-button" aria-label="Stopp" onClick={chat.stop}>
              <StopIcon />
            </button>
          ) : (
            <button type="submit" className="composer-button" aria-label="Senden" disabled={!draft.trim() || uploads.busy}>
              <SendIcon />
            </button>
          )}
        </form>
      </div>
    </Shell>
  );
}
