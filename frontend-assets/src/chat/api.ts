// Calls from the chat page to our server. All functions take the fetch to use, so unit tests pass a fake.
import { API_BASE, type FetchLike, postJson, requestJson } from '../shared/http';
import { type PageConfig, parseConfig } from './config';

export interface SessionSecret {
  client_secret: string;
  expires_at?: number;
  session_id?: string;
}

export interface ClassifyResult {
  out_of_scope: boolean;
  source: 'structured' | 'marker' | 'none' | string;
  marker?: string | null;
  user_question?: string;
  assistant_reply?: string;
}

export interface FeedbackInput {
  session_id: string;
  user_question: string;
  assistant_reply: string;
  category: string;
  comment: string;
}

export async function fetchConfig(fetchFn: FetchLike): Promise<PageConfig> {
  const json = await requestJson<unknown>(fetchFn, `${API_BASE}/config`, { credentials: 'same-origin' });
  return parseConfig(json);
}

/**
 * Mints a ChatKit client secret. The first call sends no body (like the quick test's curl probe); a refresh sends
 * `{"current_client_secret": …}` so the server can tie the new session to the old one.
 */
export async function createSession(
  fetchFn: FetchLike,
  currentClientSecret: string | null,
  url = `${API_BASE}/chatkit/session`,
): Promise<SessionSecret> {
  const init: RequestInit =
    currentClientSecret === null
      ? { method: 'POST', credentials: 'same-origin' }
      : postJson({ current_client_secret: currentClientSecret });
  const secret = await requestJson<SessionSecret>(fetchFn, url, init);
  if (!secret || typeof secret.client_secret !== 'string' || secret.client_secret === '') {
    throw new Error('The session endpoint answered without a client_secret.');
  }
  return secret;
}

export function classifyThread(fetchFn: FetchLike, threadId: string): Promise<ClassifyResult> {
  return requestJson<ClassifyResult>(fetchFn, `${API_BASE}/classify`, postJson({ thread_id: threadId }));
}

export function sendFeedback(fetchFn: FetchLike, input: FeedbackInput): Promise<{ id: string; ts: string }> {
  return requestJson(fetchFn, `${API_BASE}/feedback`, postJson(input));
}
