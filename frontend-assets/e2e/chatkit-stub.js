// Stand-in for OpenAI's ChatKit web component (cdn.platform.openai.com/…/chatkit.js), which cannot be
// reached from the test machine. The browser tests serve this file in place of the CDN script.
// It covers the contract between our page and the element: setOptions() with the page's options, the
// hosted path (api.getClientSecret, with refresh), the server path (a real threads.create round trip
// against api.url, reading the SSE stream), onClientTool, and the chatkit.* DOM events. It renders a plain
// imitation of the start screen so screenshots show where ChatKit sits; it is NOT OpenAI's UI.
(() => {
  const text = (tag, cls, value) => {
    const el = document.createElement(tag);
    el.className = cls;
    el.textContent = value;
    return el;
  };

  class FakeChatKit extends HTMLElement {
    constructor() {
      super();
      this.options = null;
      this.secret = null;
      this.secrets = [];
      this.messages = [];
      this.started = false;
    }

    setOptions(options) {
      this.options = options;
      window.__chatkit = this;
      this.render();
      if (!this.started) {
        this.started = true;
        void this.start();
      }
    }

    emit(name, detail) {
      this.dispatchEvent(new CustomEvent(name, { detail }));
    }

    async start() {
      const api = this.options.api;
      try {
        if (typeof api.getClientSecret === 'function') {
          this.secret = await api.getClientSecret(null);
          this.secrets.push(this.secret);
        }
        this.setAttribute('data-state', 'ready');
        this.emit('chatkit.ready');
      } catch (error) {
        this.setAttribute('data-state', 'error');
        this.emit('chatkit.error', { error });
      }
      this.render();
    }

    /** What ChatKit does shortly before the client secret expires. */
    async refresh() {
      this.secret = await this.options.api.getClientSecret(this.secret);
      this.secrets.push(this.secret);
      this.render();
      return this.secret;
    }

    /** Simulates one hosted-workflow answer: thread change, response start, optional client tool, end. */
    async respond({ threadId, question, answer, toolCall }) {
      this.emit('chatkit.thread.change', { threadId });
      this.emit('chatkit.response.start');
      this.messages.push({ role: 'user', text: question }, { role: 'assistant', text: answer });
      this.render();
      let toolResult = null;
      if (toolCall) toolResult = await this.options.onClientTool(toolCall);
      this.emit('chatkit.response.end');
      return toolResult;
    }

    /** The `server` backend: posts threads.create to api.url and renders the streamed answer. */
    async sendServerMessage(question) {
      const api = this.options.api;
      const doFetch = api.fetch ?? fetch;
      this.messages.push({ role: 'user', text: question });
      const reply = { role: 'assistant', text: '' };
      this.messages.push(reply);
      this.emit('chatkit.response.start');
      const response = await doFetch(api.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({
          type: 'threads.create',
          params: { input: { content: [{ type: 'input_text', text: question }], attachments: [], inference_options: {} } },
        }),
      });
      const events = [];
      const body = await response.text();
      for (const block of body.split(/\n\n/)) {
        const data = block
          .split('\n')
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.slice(5).trimStart())
          .join('\n');
        if (!data) continue;
        const event = JSON.parse(data);
        events.push(event);
        if (event.type === 'thread.created') this.emit('chatkit.thread.change', { threadId: event.thread.id });
        if (event.type === 'thread.item.updated' && event.update?.type === 'assistant_message.content_part.text_delta') {
          reply.text += event.update.delta;
        }
        if (event.type === 'client_effect') this.emit('chatkit.effect', { name: event.name, data: event.data });
        if (event.type === 'error') this.emit('chatkit.error', { error: new Error(event.message ?? 'error') });
      }
      this.emit('chatkit.response.end');
      this.render();
      return { status: response.status, events };
    }

    render() {
      const o = this.options;
      if (!o) return;
      this.replaceChildren();
      const box = document.createElement('div');
      box.style.cssText = 'display:flex;flex-direction:column;height:100%;padding:18px;gap:12px;font:15px system-ui;color:#e6e9f2;';
      if (this.messages.length === 0) {
        box.append(text('h2', 'stub-greeting', o.startScreen?.greeting ?? ''));
        const prompts = document.createElement('div');
        prompts.style.cssText = 'display:flex;flex-wrap:wrap;gap:8px;';
        for (const p of o.startScreen?.prompts ?? []) {
          const b = text('button', 'stub-prompt', p.label);
          b.style.cssText = 'border:1px solid #ffffff33;background:#ffffff10;color:inherit;border-radius:999px;padding:6px 12px;';
          prompts.append(b);
        }
        box.append(prompts);
      }
      for (const m of this.messages) {
        const bubble = text('p', `stub-msg stub-${m.role}`, m.text);
        bubble.style.cssText = `margin:0;padding:10px 14px;border-radius:14px;max-width:80%;${m.role === 'user' ? 'align-self:flex-end;background:#5b61f0;' : 'background:#ffffff14;'}`;
        box.append(bubble);
      }
      const spacer = document.createElement('div');
      spacer.style.flex = '1';
      box.append(spacer);
      const composer = text('div', 'stub-composer', o.composer?.placeholder ?? '');
      composer.style.cssText = 'border:1px solid #ffffff33;border-radius:14px;padding:12px;color:#9aa4bf;';
      box.append(composer);
      this.append(box);
    }
  }

  customElements.define('openai-chatkit', FakeChatKit);
})();
