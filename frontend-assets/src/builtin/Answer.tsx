// One assistant answer: the text as safe Markdown, its sources, thumbs once it is complete, and the
// out-of-scope offer when the server flagged it.
import { useState } from 'react';
import type { FeedbackKind } from './protocol';
import { OutOfScopeOffer } from '../chat/OutOfScopeOffer';
import { ThumbDown, ThumbUp } from './Icons';
import { Markdown } from './Markdown';
import { type AssistantEntry, answerText, sourcesOf } from './transcript';

const THUMBS = [
  { kind: 'positive', label: 'Hilfreich', Icon: ThumbUp },
  { kind: 'negative', label: 'Nicht hilfreich', Icon: ThumbDown },
] as const;

export type ReportStatus = 'idle' | 'sending' | 'sent' | { error: string };

interface Props {
  entry: AssistantEntry;
  onRate: (kind: FeedbackKind) => Promise<void>;
  report: ReportStatus;
  onReport: () => void;
}

export function Answer({ entry, onRate, report, onReport }: Props) {
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
      {entry.outOfScope && (
        <OutOfScopeOffer
          sending={report === 'sending'}
          sent={report === 'sent'}
          error={typeof report === 'object' ? report.error : null}
          onReport={onReport}
        />
      )}
    </article>
  );
}
