// Loads OpenAI's ChatKit web component from its CDN and reports what the browser let the page know when it
// fails. A page only sees the script's `error` event, not why: an ad or privacy blocker
// (net::ERR_BLOCKED_BY_CLIENT), a failed DNS lookup and a refused connection look the same. So the page
// tells apart only what it can observe: offline, a failed request, no answer in time, a script that loaded
// but did not start — and never claims a blocker it cannot see.

export const CHATKIT_SCRIPT_URL = 'https://cdn.platform.openai.com/deployments/chatkit/chatkit.js';
export const CHATKIT_ELEMENT = 'openai-chatkit';

/**
 * `failed`: the request failed (blocked, unreachable or refused — the browser does not say which);
 * `offline`: it failed while the browser reports no network; `timeout`: neither loaded nor failed in time;
 * `not_started`: the script loaded but did not define the element in time.
 */
export type ScriptFailure = 'failed' | 'offline' | 'timeout' | 'not_started';

export class ChatKitScriptError extends Error {
  readonly reason: ScriptFailure;
  readonly host: string;

  constructor(reason: ScriptFailure, message: string, host = new URL(CHATKIT_SCRIPT_URL).host) {
    super(message);
    this.name = 'ChatKitScriptError';
    this.reason = reason;
    this.host = host;
  }
}

export interface ScriptHost {
  document: Pick<Document, 'createElement' | 'head'>;
  customElements: Pick<CustomElementRegistry, 'get' | 'whenDefined'>;
  setTimeout: (fn: () => void, ms: number) => unknown;
  /** `navigator.onLine`; absent counts as online. */
  online?: () => boolean;
}

/**
 * Appends the ChatKit script once and resolves when `<openai-chatkit>` is defined; rejects with a
 * {@link ChatKitScriptError} saying which of the {@link ScriptFailure}s was observed within `timeoutMs`.
 */
export function loadChatKitScript(host: ScriptHost, url = CHATKIT_SCRIPT_URL, timeoutMs = 15000): Promise<void> {
  if (host.customElements.get(CHATKIT_ELEMENT)) return Promise.resolve();
  const cdn = new URL(url).host;
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    let loaded = false;
    const settle = (error?: ChatKitScriptError) => {
      if (settled) return;
      settled = true;
      if (error) reject(error);
      else resolve();
    };
    const script = host.document.createElement('script');
    script.src = url;
    script.async = true;
    script.addEventListener('load', () => {
      loaded = true;
    });
    script.addEventListener('error', () => {
      const offline = host.online ? !host.online() : false;
      settle(
        offline
          ? new ChatKitScriptError('offline', `The ChatKit script failed while the browser is offline (${cdn}).`, cdn)
          : new ChatKitScriptError('failed', `The request for the ChatKit script to ${cdn} failed.`, cdn),
      );
    });
    host.customElements.whenDefined(CHATKIT_ELEMENT).then(() => settle());
    host.setTimeout(() => {
      const seconds = timeoutMs / 1000;
      settle(
        loaded
          ? new ChatKitScriptError('not_started', `The ChatKit script from ${cdn} loaded but did not start within ${seconds} s.`, cdn)
          : new ChatKitScriptError('timeout', `The ChatKit script from ${cdn} did not arrive within ${seconds} s.`, cdn),
      );
    }, timeoutMs);
    host.document.head.appendChild(script);
  });
}

export function browserScriptHost(): ScriptHost {
  return {
    document,
    customElements,
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    online: () => navigator.onLine,
  };
}
