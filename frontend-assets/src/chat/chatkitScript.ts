// Loads OpenAI's ChatKit web component from its CDN and reports why it failed, so the page can tell the
// user instead of showing an empty box. Ad and privacy blockers cancel the request
// (net::ERR_BLOCKED_BY_CLIENT); the script's `error` event is how a page sees that.

export const CHATKIT_SCRIPT_URL = 'https://cdn.platform.openai.com/deployments/chatkit/chatkit.js';
export const CHATKIT_ELEMENT = 'openai-chatkit';

export type ScriptFailure = 'blocked' | 'timeout';

export class ChatKitScriptError extends Error {
  readonly reason: ScriptFailure;

  constructor(reason: ScriptFailure, message: string) {
    super(message);
    this.name = 'ChatKitScriptError';
    this.reason = reason;
  }
}

export interface ScriptHost {
  document: Pick<Document, 'createElement' | 'head'>;
  customElements: Pick<CustomElementRegistry, 'get' | 'whenDefined'>;
  setTimeout: (fn: () => void, ms: number) => unknown;
}

/**
 * Appends the ChatKit script once and resolves when `<openai-chatkit>` is defined. Rejects with
 * {@link ChatKitScriptError}: `blocked` when the request fails, `timeout` when nothing defines the element
 * within `timeoutMs`.
 */
export function loadChatKitScript(host: ScriptHost, url = CHATKIT_SCRIPT_URL, timeoutMs = 15000): Promise<void> {
  if (host.customElements.get(CHATKIT_ELEMENT)) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const settle = (error?: ChatKitScriptError) => {
      if (settled) return;
      settled = true;
      if (error) reject(error);
      else resolve();
    };
    const script = host.document.createElement('script');
    script.src = url;
    script.async = true;
    script.addEventListener('error', () =>
      settle(new ChatKitScriptError('blocked', `The ChatKit script could not be loaded from ${new URL(url).host}.`)),
    );
    host.customElements.whenDefined(CHATKIT_ELEMENT).then(() => settle());
    host.setTimeout(
      () => settle(new ChatKitScriptError('timeout', `The ChatKit script did not start within ${timeoutMs / 1000} s.`)),
      timeoutMs,
    );
    host.document.head.appendChild(script);
  });
}
