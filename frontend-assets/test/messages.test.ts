import { describe, expect, it } from 'vitest';
import { ChatKitScriptError } from '../src/chat/chatkitScript';
import { fallbackNotice, notConfiguredNotice, scriptErrorMessage, sessionErrorMessage } from '../src/chat/messages';
import { ApiError } from '../src/shared/http';

describe('messages', () => {
  it('names the variables of both backends, the configured one first', () => {
    const hosted = notConfiguredNotice('hosted');
    expect(hosted).toContain('OPENAI_API_KEY und OPENAI_WORKFLOW_ID');
    expect(hosted.indexOf('OPENAI_WORKFLOW_ID')).toBeLessThan(hosted.indexOf('OPENAI_VECTOR_STORE_ID'));
    const server = notConfiguredNotice('server');
    expect(server.indexOf('OPENAI_VECTOR_STORE_ID')).toBeLessThan(server.indexOf('OPENAI_WORKFLOW_ID'));
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
