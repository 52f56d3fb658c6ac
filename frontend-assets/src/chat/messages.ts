// The texts a visitor reads when something goes wrong. German, like the rest of the interview page; the
// technical code stays in the text so support can match it to the server's log.
import { ApiError } from '../shared/http';
import type { ChatKitScriptError } from './chatkitScript';
import type { Backend } from './config';

export function sessionErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) {
      return 'Der Chat-Server ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung und laden Sie die Seite neu.';
    }
    if (error.code === 'not_configured') {
      return `Der Chat ist auf diesem Server noch nicht eingerichtet: ${error.message}`;
    }
    if (error.status === 429) {
      return 'Zu viele Anfragen in kurzer Zeit. Bitte warten Sie einen Moment und laden Sie die Seite neu.';
    }
    return `Die Chat-Sitzung konnte nicht gestartet werden: ${error.message} (${error.code}, HTTP ${error.status})`;
  }
  return `Die Chat-Sitzung konnte nicht gestartet werden: ${(error as Error)?.message ?? String(error)}`;
}

export function scriptErrorMessage(error: ChatKitScriptError): string {
  if (error.reason === 'blocked') {
    return (
      'Die Chat-Komponente konnte nicht geladen werden. Vermutlich blockiert ein Werbe- oder ' +
      'Tracking-Blocker das Skript von cdn.platform.openai.com (ERR_BLOCKED_BY_CLIENT). Bitte erlauben Sie ' +
      'diese Adresse für diese Seite und laden Sie sie neu.'
    );
  }
  return (
    'Die Chat-Komponente lädt nicht (Zeitüberschreitung beim Skript von cdn.platform.openai.com). ' +
    'Bitte prüfen Sie Ihre Verbindung oder Browser-Erweiterungen und laden Sie die Seite neu.'
  );
}

export function feedbackErrorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return `Das Feedback konnte nicht gespeichert werden: ${text}`;
}

/**
 * Banner when /config says chat is not configured. Names the variables for both backends: with
 * CHATKIT_BACKEND=auto and nothing set, the operator may want either.
 */
export function notConfiguredNotice(backend: Backend): string {
  const hosted = 'OPENAI_API_KEY und OPENAI_WORKFLOW_ID (Agent-Builder-Workflow)';
  const server = 'OPENAI_API_KEY und OPENAI_VECTOR_STORE_ID mit CHATKIT_BACKEND=server (eigenes ChatKit-Backend)';
  const [first, second] = backend === 'server' ? [server, hosted] : [hosted, server];
  return `Der Chat ist auf diesem Server noch nicht eingerichtet: Der Betreiber muss ${first} setzen – oder ${second}. Bis dahin funktioniert nur das Feedback.`;
}
