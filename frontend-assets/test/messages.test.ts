import { describe, expect, it } from 'vitest';
import { ChatKitScriptError } from '../src/chat/chatkitScript';
import { fallbackNotice, notConfiguredNotice, scriptErrorMessage, sessionErrorMessage } from '../src/chat/messages';
import { ApiError } from '../src/shared/http';

describe('messages', () => {
  it("says what the server's setup message says is missing, and nothing of its own", () => {
    // what /config sends per backend and settings (SetupMessagesTest checks the server side)
    const cases: Record<string, string> = {
      server: 'the own ChatKit server (CHATKIT_BACKEND=server) needs OPENAI_API_KEY',
      serverNoVectors:
        'the own ChatKit server (CHATKIT_BACKEND=server) needs OPENAI_API_KEY (and OPENAI_VECTOR_STORE_ID for file_search)',
      hostedWithKey:
        'the hosted backend (CHATKIT_BACKEND=hosted) needs OPENAI_WORKFLOW_ID; Agent Builder, which ran hosted ' +
        'workflows, shut down on 2026-11-30: use the own ChatKit server with CHATKIT_BACKEND=server',
    };
    for (const message of Object.values(cases)) {
      const text = notConfiguredNotice(message);
      expect(text).toBe(`Der Chat ist auf diesem Server noch nicht eingerichtet: ${message}. Bis dahin funktioniert nur das Feedback.`);
    }
    // the server's words only: a server with the vector store set is never asked for it again
    expect(notConfiguredNotice(cases.server)).not.toContain('OPENAI_VECTOR_STORE_ID');
    expect(notConfiguredNotice(cases.server)).not.toContain('OPENAI_WORKFLOW_ID');
    expect(notConfiguredNotice(cases.hostedWithKey)).not.toMatch(/OPENAI_API_KEY/);
  });

  it('advises no setting when the server did not say what is missing', () => {
    const text = notConfiguredNotice(null);
    expect(text).toContain('noch nicht eingerichtet');
    expect(text).toContain('Start-Log');
    expect(text).not.toMatch(/OPENAI_|CHATKIT_/);
  });

  it('shows the server message and code of a failed session', () => {
    const text = sessionErrorMessage(new ApiError(502, 'upstream_unauthorized', 'ChatKit API error 401: check OPENAI_API_KEY'));
    expect(text).toContain('ChatKit API error 401: check OPENAI_API_KEY');
    expect(text).toContain('upstream_unauthorized');
  });

  it('tells apart an unreachable server, a missing setup and a rate limit', () => {
    expect(sessionErrorMessage(new ApiError(0, 'network_error', 'x'))).toContain('nicht erreichbar');
    expect(sessionErrorMessage(new ApiError(503, 'not_configured', 'Set OPENAI_API_KEY'))).toContain('Set OPENAI_API_KEY');
    expect(sessionErrorMessage(new ApiError(429, 'rate_limited', 'slow down'))).toContain('Zu viele Anfragen');
  });

  it('says what the page observed about the script and never claims a blocker it cannot see', () => {
    const failed = scriptErrorMessage(new ChatKitScriptError('failed', 'x'));
    expect(failed).toContain('cdn.platform.openai.com');
    expect(failed).toContain('Den Grund nennt der Browser der Seite nicht');
    expect(failed).not.toMatch(/blockiert ein|ERR_BLOCKED_BY_CLIENT/);
    const timeout = scriptErrorMessage(new ChatKitScriptError('timeout', 'x'));
    expect(timeout).toContain('Zeitüberschreitung');
    expect(timeout).not.toContain('Blocker');
    expect(scriptErrorMessage(new ChatKitScriptError('offline', 'x'))).toContain('keine Netzverbindung');
    expect(scriptErrorMessage(new ChatKitScriptError('not_started', 'x'))).toContain('nicht gestartet');
  });

  it('says why the built-in chat runs when auto fell back to it', () => {
    const text = fallbackNotice(new ChatKitScriptError('timeout', 'x'));
    expect(text).toContain('eingebaute Chat');
    expect(text).toContain('Zeitüberschreitung');
  });
});
