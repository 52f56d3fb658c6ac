import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseConfig } from '../src/chat/config';
import { buildChatKitOptions, classifiesAfterResponse } from '../src/chat/options';

const handlers = {
  getClientSecret: async () => 'secret',
  onClientTool: async () => ({ ok: true }),
};

describe('buildChatKitOptions', () => {
  it('uses getClientSecret for the hosted backend', () => {
    const options = buildChatKitOptions(DEFAULT_CONFIG, handlers);
    expect(options.api).toEqual({ getClientSecret: handlers.getClientSecret });
    expect(classifiesAfterResponse(DEFAULT_CONFIG)).toBe(true);
  });

  it('points ChatKit at our own server with the domain key for the server backend', () => {
    const options = buildChatKitOptions({ ...DEFAULT_CONFIG, backend: 'server', domainKey: 'domain_pk_x' }, handlers);
    expect(options.api).toEqual({ url: '/interview/api/chatkit', domainKey: 'domain_pk_x' });
    expect(options.threadItemActions).toEqual({ feedback: true });
    expect(classifiesAfterResponse({ ...DEFAULT_CONFIG, backend: 'server' })).toBe(false);
  });

  it('turns attachments off for the hosted backend and carries greeting, prompts and placeholder', () => {
    const options = buildChatKitOptions(
      { ...DEFAULT_CONFIG, greeting: 'Hi', placeholder: 'Frage?', prompts: [{ label: 'A', prompt: 'B' }] },
      handlers,
    );
    expect(options.composer).toEqual({ placeholder: 'Frage?', attachments: { enabled: false } });
    expect(options.startScreen).toEqual({ greeting: 'Hi', prompts: [{ label: 'A', prompt: 'B' }] });
    expect(options.theme).toEqual({ colorScheme: 'dark' });
    expect(options.onClientTool).toBe(handlers.onClientTool);
  });

  it('offers attachments and dictation exactly as the own server\'s /config allows them', () => {
    const config = parseConfig({
      backend: 'server',
      chatkit_url: '/interview/api/chatkit',
      attachments: { enabled: true, max_bytes: 1024, max_per_message: 3, types: ['application/pdf', 'image/png', 'text/x-own'] },
      dictation: { enabled: true, max_bytes: 5, types: ['audio/webm'] },
    });
    const options = buildChatKitOptions(config, handlers);
    expect(options.composer?.attachments).toEqual({
      enabled: true,
      maxSize: 1024,
      maxCount: 3,
      accept: { 'application/pdf': ['.pdf'], 'image/png': ['.png'], 'text/x-own': [] },
    });
    expect(options.composer?.dictation).toEqual({ enabled: true });
    expect(options.api).toEqual({ url: '/interview/api/chatkit', domainKey: '', uploadStrategy: { type: 'two_phase' } });
  });

  it('keeps attachments and dictation off when the own server refuses them', () => {
    const config = parseConfig({ backend: 'server', attachments: { enabled: false }, dictation: { enabled: false } });
    const options = buildChatKitOptions(config, handlers);
    expect(options.composer?.attachments).toEqual({ enabled: false });
    expect(options.composer?.dictation).toBeUndefined();
    expect(options.api).not.toHaveProperty('uploadStrategy');
  });

  it('ignores attachment rules for the hosted backend (OpenAI takes its uploads)', () => {
    const config = parseConfig({
      backend: 'hosted',
      attachments: { enabled: true, max_bytes: 1024, types: ['application/pdf'] },
      dictation: { enabled: true },
    });
    const options = buildChatKitOptions(config, handlers);
    expect(options.composer?.attachments).toEqual({ enabled: false });
    expect(options.composer?.dictation).toBeUndefined();
  });
});
