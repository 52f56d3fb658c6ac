// The visitor's own earlier conversations (threads.list), newest first; choosing one opens it.
import { useEffect, useState } from 'react';
import type { ChatKitConnection, Thread } from './protocol';
import { chatFailureMessage } from './useChat';

interface Props {
  connection: ChatKitConnection;
  currentThreadId: string | null;
  onOpen: (threadId: string) => void;
}

function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? ''
    : date.toLocaleString('de-DE', { dateStyle: 'short', timeStyle: 'short' });
}

export function History({ connection, currentThreadId, onOpen }: Props) {
  const [threads, setThreads] = useState<Thread[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    connection.listThreads().then(
      (page) => live && setThreads(page.data),
      (e: unknown) => live && setError(chatFailureMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [connection]);

  return (
    <nav className="history" aria-label="Frühere Gespräche" data-testid="history">
      <h2 className="history-title">Frühere Gespräche</h2>
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
      {!error && threads === null && <p className="history-empty">Lade …</p>}
      {threads?.length === 0 && <p className="history-empty">Noch keine Gespräche.</p>}
      {threads && threads.length > 0 && (
        <ul>
          {threads.map((t) => (
            <li key={t.id}>
              <button
                type="button"
                className="history-item"
                aria-current={t.id === currentThreadId ? 'true' : undefined}
                onClick={() => onOpen(t.id)}
              >
                <span className="history-item-title">{t.title || 'Ohne Titel'}</span>
                <span className="history-item-date">{when(t.created_at)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
