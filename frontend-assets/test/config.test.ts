import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseConfig } from '../src/chat/config';

describe('parseConfig', () => {
  it('reads greeting, prompts, placeholder, backend and domain key from the contract names', () => {
    const config = parseConfig({
      greeting: 'Willkommen!',
      prompts: [{ label: 'Ablauf', prompt: 'Wie läuft das Interview ab?' }, 'Wer ist beteiligt?'],
      composer_placeholder: 'Ihre Frage …',
      backend: 'server',
      domain_key: 'domain_pk_123',
      feedback_categories: ['out_of_scope', 'wrong_answer'],
    });
    expect(config.greeting).toBe('Willkommen!');
    expect(config.prompts).toEqual([
      { label: 'Ablauf', prompt: 'Wie läuft das Interview ab?' },
      { label: 'Wer ist beteiligt?', prompt: 'Wer ist beteiligt?' },
    ]);
    expect(config.placeholder).toBe('Ihre Frage …');
    expect(config.backend).toBe('server');
    expect(config.domainKey).toBe('domain_pk_123');
    expect(config.feedbackCategories).toEqual(['out_of_scope', 'wrong_answer']);
  });

  it('falls back to the defaults for missing or malformed fields', () => {
    const config = parseConfig({ greeting: 42, prompts: 'nope', backend: 'other', domain_key: '' });
    expect(config).toEqual(DEFAULT_CONFIG);
  });

  it('treats a non-object body as no configuration', () => {
    expect(parseConfig(null)).toEqual(DEFAULT_CONFIG);
    expect(parseConfig('x')).toEqual(DEFAULT_CONFIG);
  });

  it('drops prompt buttons without any text', () => {
    expect(parseConfig({ prompts: [{ icon: 'star' }, '', { prompt: 'Frage' }] }).prompts).toEqual([
      { label: 'Frage', prompt: 'Frage' },
    ]);
  });

  it('reports chat as not configured only when the server says so', () => {
    expect(parseConfig({ chatkit_configured: false }).chatConfigured).toBe(false);
    expect(parseConfig({}).chatConfigured).toBe(true);
  });

  it("keeps the server's setup message, and none when it sends null or nothing", () => {
    const message = 'the own ChatKit server (CHATKIT_BACKEND=server) needs OPENAI_API_KEY';
    expect(parseConfig({ chatkit_configured: false, setup_message: message }).setupMessage).toBe(message);
    expect(parseConfig({ chatkit_configured: true, setup_message: null }).setupMessage).toBeNull();
    expect(parseConfig({ chatkit_configured: false }).setupMessage).toBeNull();
  });
});

describe('endpoint URLs', () => {
  it('defaults to the standard mount path and follows the server when it names its URLs', () => {
    expect(DEFAULT_CONFIG.sessionUrl).toBe('/interview/api/chatkit/session');
    expect(DEFAULT_CONFIG.chatKitUrl).toBe('/interview/api/chatkit');
    const custom = parseConfig({ session_url: '/chat/api/chatkit/session', chatkit_url: '/chat/api/chatkit' });
    expect([custom.sessionUrl, custom.chatKitUrl]).toEqual(['/chat/api/chatkit/session', '/chat/api/chatkit']);
  });
});
