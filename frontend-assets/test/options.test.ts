import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../src/chat/config';
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

  it('turns attachments off and carries greeting, prompts and placeholder', () => {
    const options = buildChatKitOptions(
      { ...DEFAULT_CONFIG, greeting: 'Hi', placeholder: 'Frage?', prompts: [{ label: 'A', prompt: 'B' }] },
      handlers,
    );
    expect(options.composer).toEqual({ placeholder: 'Frage?', attachments: { enabled: false } });
    expect(options.startScreen).toEqual({ greeting: 'Hi', prompts: [{ label: 'A', prompt: 'B' }] });
    expect(options.theme).toEqual({ colorScheme: 'dark' });
    expect(options.onClientTool).toBe(handlers.onClientTool);
  });
});
