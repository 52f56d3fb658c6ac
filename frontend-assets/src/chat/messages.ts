// The texts a visitor reads when something goes wrong. German, like the rest of the interview page; the
// technical code stays in the text so support can match it to the server's log.
import { ApiError } from '../shared/http';
import type { ChatKitScriptError } from './chatkitScript';

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

/** What happened to OpenAI's script, in the words of what the page could observe. */
function scriptProblem(error: ChatKitScriptError): string {
  switch (error.reason) {
    case 'offline':
      return `Das Skript von ${error.host} konnte nicht geladen werden: Ihr Browser meldet keine Netzverbindung.`;
    case 'timeout':
      return `Das Skript von ${error.host} kam nicht rechtzeitig an (Zeitüberschreitung): Der Server antwortet langsam oder gar nicht.`;
    case 'not_started':
      return `Das Skript von ${error.host} wurde geladen, hat die Chat-Komponente aber nicht gestartet.`;
    default:
      return (
        `Die Anfrage an ${error.host} ist fehlgeschlagen. Den Grund nennt der Browser der Seite nicht: ` +
        'Möglich sind ein Werbe- oder Tracking-Blocker, eine Firewall oder ein Proxy, oder der Server ist nicht erreichbar.'
      );
  }
}

export function scriptErrorMessage(error: ChatKitScriptError): string {
  const hint =
    error.reason === 'failed'
      ? ` Falls Sie einen Blocker nutzen, erlauben Sie ${error.host} für diese Seite; laden Sie die Seite dann neu.`
      : ' Bitte prüfen Sie Ihre Verbindung und laden Sie die Seite neu.';
  return `Die Chat-Komponente von OpenAI ist nicht verfügbar. ${scriptProblem(error)}${hint}`;
}

/** Shown above the built-in chat when `auto` fell back to it. */
export function fallbackNotice(error: ChatKitScriptError): string {
  return `Die Chat-Komponente von OpenAI ist nicht verfügbar, deshalb läuft der eingebaute Chat dieser Seite. ${scriptProblem(error)}`;
}

/** CHATKIT_UI=builtin with the hosted backend: OpenAI's hosted workflow needs OpenAI's component. */
export const BUILTIN_NEEDS_SERVER =
  'Der eingebaute Chat (CHATKIT_UI=builtin) braucht das eigene ChatKit-Backend (CHATKIT_BACKEND=server); ' +
  'ein Agent-Builder-Workflow (hosted) läuft nur in der Chat-Komponente von OpenAI. Der Betreiber muss eine der beiden Einstellungen ändern.';

export function feedbackErrorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return `Das Feedback konnte nicht gespeichert werden: ${text}`;
}

/**
 * Banner when /config says chat is not configured. The server says what is missing (`setup_message`, built
 * from its actual backend and settings, so it never asks for what is set); the page adds no advice of its own.
 */
export function notConfiguredNotice(setupMessage: string | null): string {
  const missing = setupMessage
    ? `${setupMessage.replace(/[.\s]+$/, '')}.`
    : 'Was fehlt, steht im Start-Log des Servers.';
  return `Der Chat ist auf diesem Server noch nicht eingerichtet: ${missing} Bis dahin funktioniert nur das Feedback.`;
}
