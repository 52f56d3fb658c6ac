import { describe, expect, it } from 'vitest';
import { ChatKitScriptError, loadChatKitScript, type ScriptHost } from '../src/chat/chatkitScript';

function fakeHost(opts: { defined?: boolean } = {}) {
  const listeners: Record<string, () => void> = {};
  const appended: { src: string; async: boolean }[] = [];
  let define: () => void = () => {};
  const timers: (() => void)[] = [];
  const script = {
    src: '',
    async: false,
    addEventListener: (type: string, fn: () => void) => {
      listeners[type] = fn;
    },
  };
  const host: ScriptHost = {
    document: {
      createElement: (() => script) as unknown as Document['createElement'],
      head: { appendChild: (s: typeof script) => appended.push({ src: s.src, async: s.async }) } as unknown as HTMLHeadElement,
    },
    customElements: {
      get: (() => (opts.defined ? class {} : undefined)) as unknown as CustomElementRegistry['get'],
      whenDefined: (() => new Promise<void>((resolve) => (define = resolve))) as unknown as CustomElementRegistry['whenDefined'],
    },
    setTimeout: (fn) => timers.push(fn),
  };
  return { host, listeners, appended, define: () => define(), fireTimers: () => timers.forEach((t) => t()) };
}

describe('loadChatKitScript', () => {
  it('resolves at once when the element is already defined', async () => {
    const f = fakeHost({ defined: true });
    await expect(loadChatKitScript(f.host)).resolves.toBeUndefined();
    expect(f.appended).toHaveLength(0);
  });

  it('appends the CDN script async and resolves when the element is defined', async () => {
    const f = fakeHost();
    const loading = loadChatKitScript(f.host, 'https://cdn.example/chatkit.js');
    expect(f.appended).toEqual([{ src: 'https://cdn.example/chatkit.js', async: true }]);
    f.define();
    await expect(loading).resolves.toBeUndefined();
  });

  it('reports a blocked script (ERR_BLOCKED_BY_CLIENT fires the error event)', async () => {
    const f = fakeHost();
    const loading = loadChatKitScript(f.host, 'https://cdn.platform.openai.com/x.js');
    f.listeners.error();
    const error = await loading.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatKitScriptError);
    expect(error).toMatchObject({ reason: 'blocked', message: expect.stringContaining('cdn.platform.openai.com') });
  });

  it('reports a timeout when nothing defines the element', async () => {
    const f = fakeHost();
    const loading = loadChatKitScript(f.host, 'https://cdn.example/x.js', 5000);
    f.fireTimers();
    await expect(loading).rejects.toMatchObject({ reason: 'timeout' });
  });
});
