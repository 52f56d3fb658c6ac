import { describe, expect, it } from 'vitest';
import { classifyThread, createSession, fetchConfig, sendFeedback } from '../src/chat/api';
import { ApiError } from '../src/shared/http';

interface Call {
  url: string;
  init?: RequestInit;
}

function fakeFetch(status: number, body: unknown, calls: Call[] = []) {
  return async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  };
}

describe('createSession', () => {
  it('posts without a body the first time', async () => {
    const calls: Call[] = [];
    const secret = await createSession(fakeFetch(200, { client_secret: 'ek_1', session_id: 'cksess_1' }, calls), null);
    expect(secret.client_secret).toBe('ek_1');
    expect(calls[0].url).toBe('/interview/api/chatkit/session');
    expect(calls[0].init?.method).toBe('POST');
    expect(calls[0].init?.body).toBeUndefined();
  });

  it('sends the current secret as JSON when refreshing', async () => {
    const calls: Call[] = [];
    await createSession(fakeFetch(200, { client_secret: 'ek_2' }, calls), 'ek_1');
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({ current_client_secret: 'ek_1' });
    expect((calls[0].init?.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('turns the error body into an ApiError with code and message', async () => {
    const error = await createSession(
      fakeFetch(503, { error: { code: 'not_configured', message: 'Set OPENAI_API_KEY and OPENAI_WORKFLOW_ID.' } }),
      null,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, code: 'not_configured', message: 'Set OPENAI_API_KEY and OPENAI_WORKFLOW_ID.' });
  });

  it('keeps the status line when the error body is not JSON', async () => {
    const error = await createSession(fakeFetch(502, '<html>Bad Gateway</html>'), null).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'http_502' });
  });

  it('rejects an answer without a client secret', async () => {
    await expect(createSession(fakeFetch(200, { session_id: 'x' }), null)).rejects.toThrow(/client_secret/);
  });

  it('reports an unreachable server as status 0', async () => {
    const failing = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(createSession(failing, null)).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });
});

describe('other chat calls', () => {
  it('classifies by thread id', async () => {
    const calls: Call[] = [];
    const result = await classifyThread(fakeFetch(200, { out_of_scope: true, source: 'marker', marker: 'keine Informationen' }, calls), 'cthr_1');
    expect(result.out_of_scope).toBe(true);
    expect(calls[0].url).toBe('/interview/api/classify');
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({ thread_id: 'cthr_1' });
  });

  it('posts feedback in the original FastAPI format', async () => {
    const calls: Call[] = [];
    const input = { session_id: 's', user_question: 'Q?', assistant_reply: 'A', category: 'out_of_scope', comment: 'c' };
    await sendFeedback(fakeFetch(201, { id: 'fb_1', ts: 'now' }, calls), input);
    expect(calls[0].url).toBe('/interview/api/feedback');
    expect(JSON.parse(String(calls[0].init?.body))).toEqual(input);
  });

  it('loads the page config', async () => {
    const config = await fetchConfig(fakeFetch(200, { greeting: 'Hallo' }));
    expect(config.greeting).toBe('Hallo');
  });
});

describe('apiBase', () => {
  it('follows an absolute base (dev server, tests)', async () => {
    const { apiBase } = await import('../src/shared/http');
    expect(apiBase('/interview/', 'http://h/src/shared/http.ts')).toBe('/interview/api');
  });

  it('finds the API next to the bundle folder under any context path', async () => {
    const { apiBase } = await import('../src/shared/http');
    expect(apiBase('./', 'https://h/shop/interview/assets/index-Dk3-x_9Q.js')).toBe('/shop/interview/api');
    expect(apiBase('./', 'https://h/interview/assets/dashboard-a1B2c3D4.js')).toBe('/interview/api');
  });
});
