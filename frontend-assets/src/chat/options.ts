// Maps our page settings onto ChatKit's options. Kept apart from React so tests can check the exact shape
// handed to the web component for both backends.
import type { ChatKitOptions } from '@openai/chatkit-react';
import type { PageConfig } from './config';

export interface ChatHandlers {
  getClientSecret: (current: string | null) => Promise<string>;
  onClientTool: NonNullable<ChatKitOptions['onClientTool']>;
}

export function buildChatKitOptions(config: PageConfig, handlers: ChatHandlers): ChatKitOptions {
  const api: ChatKitOptions['api'] =
    config.backend === 'server'
      ? { url: config.chatKitUrl, domainKey: config.domainKey ?? '' }
      : { getClientSecret: handlers.getClientSecret };
  return {
    api,
    // Only the scheme is chosen here; every colour of the page lives in the CSS files.
    theme: { colorScheme: 'dark' },
    startScreen: {
      greeting: config.greeting,
      prompts: config.prompts.map((p) => ({ label: p.label, prompt: p.prompt })),
    },
    composer: {
      placeholder: config.placeholder,
      attachments: { enabled: false },
    },
    // Thumbs up/down reach our server only when it is the ChatKit backend (items.feedback).
    threadItemActions: { feedback: config.backend === 'server' },
    onClientTool: handlers.onClientTool,
  };
}

/** Whether the page asks /classify after each response (the own server classifies by itself). */
export function classifiesAfterResponse(config: PageConfig): boolean {
  return config.backend === 'hosted';
}
