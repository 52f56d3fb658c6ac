// The offer after an out-of-scope answer: "Als Feedback melden" stores a report (category out_of_scope).
interface Props {
  sending: boolean;
  sent: boolean;
  error: string | null;
  onReport: () => void;
}

export function OutOfScopeOffer({ sending, sent, error, onReport }: Props) {
  return (
    <section className="feedback" data-testid="feedback" aria-live="polite">
      {sent ? (
        <p className="feedback-done" data-testid="feedback-done">
          Danke! Ihr Hinweis wurde gespeichert.
        </p>
      ) : (
        <>
          <p className="feedback-text">Diese Antwort lag außerhalb der Interview-Themen.</p>
          <button type="button" className="feedback-button" data-testid="feedback-button" disabled={sending} onClick={onReport}>
            {sending ? 'Wird gesendet …' : 'Als Feedback melden'}
          </button>
          {error && (
            <p className="banner banner-error" role="alert" data-testid="feedback-error">
              {error}
            </p>
          )}
        </>
      )}
    </section>
  );
}
