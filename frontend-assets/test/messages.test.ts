import { describe, expect, it } from 'vitest';
import { ChatKitScriptError } from '../src/chat/chatkitScript';
import { notConfiguredNotice, scriptErrorMessage, sessionErrorMessage } from '../src/chat/messages';
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

  it('explains a blocked script with the host to allow', () => {
    const text = scriptErrorMessage(new ChatKitScriptError('blocked', 'x'));
    expect(text).toContain('ERR_BLOCKED_BY_CLIENT');
    expect(text).toContain('cdn.platform.openai.com');
    expect(scriptErrorMessage(new ChatKitScriptError('timeout', 'x'))).toContain('Zeitüberschreitung');
  });
});
