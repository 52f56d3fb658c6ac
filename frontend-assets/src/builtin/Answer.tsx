// One assistant answer: the text as safe Markdown, its sources and thumbs once it is complete. An answer outside
// the documents is followed by the server's out-of-scope card, a widget item of its own (WidgetView).
import { useState } from 'react';
import type { FeedbackKind } from './protocol';
import { ThumbDown, ThumbUp } from './Icons';
import { Markdown } from './Markdown';
import { type AssistantEntry, answerText, sourcesOf } from './transcript';

const THUMBS = [
  { kind: 'positive', label: 'Hilfreich', Icon: ThumbUp },
  { kind: 'negative', label: 'Nicht hilfreich', Icon: ThumbDown },
] as const;

interface Props {
  entry: AssistantEntry;
  onRate: (kind: FeedbackKind) => Promise<void>;
}

export function Answer({ entry, onRate }: Props) {
  const [rateError, setRateError] = useState<string | null>(null);
  const sources = sourcesOf(entry);
  const rate = (kind: FeedbackKind) => {
    setRateError(null);
    onRate(kind).catch((e: Error) => setRateError(`Die Bewertung konnte nicht gespeichert werden: ${e.message}`));
  };
  return (
    <article className="msg msg-assistant" data-testid="answer" aria-busy={!entry.done && !entry.stopped}>
      <Markdown text={answerText(entry)} />
      {entry.stopped && <p className="msg-note">Antwort angehalten.</p>}
      {sources.length > 0 && (
        <div className="sources" data-testid="sources">
          <span className="sources-label">Quellen:</span>
          <ul>
            {sources.map((s) => (
              <li key={s.key}>
                {s.url ? (
                  <a href={s.url} target="_blank" rel="noopener noreferrer nofollow">
                    {s.label}
                  </a>
                ) : (
                  <span className="source-file">{s.label}</span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {entry.done && (
        <div className="msg-actions">
          {THUMBS.map(({ kind, label, Icon }) => (
            <button
              type="button"
              className="icon-button"
              key={kind}
              aria-label={label}
              aria-pressed={entry.feedback === kind}
              onClick={() => rate(kind)}
            >
              <Icon />
            </button>
          ))}
          {entry.feedback && <span className="msg-note">Danke für Ihre Bewertung.</span>}
        </div>
      )}
      {rateError && (
        <p className="banner banner-error" role="alert">
          {rateError}
        </p>
      )}
    </article>
  );
}
