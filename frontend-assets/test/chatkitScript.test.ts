import { describe, expect, it } from 'vitest';
import { ChatKitScriptError, loadChatKitScript, type ScriptHost } from '../src/chat/chatkitScript';

function fakeHost(opts: { defined?: boolean; online?: boolean } = {}) {
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
    online: () => opts.online ?? true,
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

  it('reports a failed request as failed, naming the host but no cause the page cannot see', async () => {
    const f = fakeHost();
    const loading = loadChatKitScript(f.host, 'https://cdn.platform.openai.com/x.js');
    f.listeners.error();
    const error = await loading.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatKitScriptError);
    expect(error).toMatchObject({ reason: 'failed', host: 'cdn.platform.openai.com' });
  });

  it('reports a failure while the browser is offline as offline', async () => {
    const f = fakeHost({ online: false });
    const loading = loadChatKitScript(f.host, 'https://cdn.example/x.js');
    f.listeners.error();
    await expect(loading).rejects.toMatchObject({ reason: 'offline' });
  });

  it('reports a timeout when the script neither loads nor fails in time', async () => {
    const f = fakeHost();
    const loading = loadChatKitScript(f.host, 'https://cdn.example/x.js', 5000);
    f.fireTimers();
    await expect(loading).rejects.toMatchObject({ reason: 'timeout', message: expect.stringContaining('5 s') });
  });

  it('reports a script that loaded but never defined the element as not started', async () => {
    const f = fakeHost();
    const loading = loadChatKitScript(f.host, 'https://cdn.example/x.js', 5000);
    f.listeners.load();
    f.fireTimers();
    await expect(loading).rejects.toMatchObject({ reason: 'not_started' });
  });
});
