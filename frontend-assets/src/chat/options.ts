// Maps our page settings onto ChatKit's options. Kept apart from React so tests can check the exact shape
// handed to the web component for both backends.
import type { ChatKitOptions } from '@openai/chatkit-react';
import type { AttachmentRules, PageConfig } from './config';

export interface ChatHandlers {
  getClientSecret: (current: string | null) => Promise<string>;
  onClientTool: NonNullable<ChatKitOptions['onClientTool']>;
}

export function buildChatKitOptions(config: PageConfig, handlers: ChatHandlers): ChatKitOptions {
  const files = config.backend === 'server' && config.attachments.enabled;
  const api: ChatKitOptions['api'] =
    config.backend === 'server'
      ? {
          url: config.chatKitUrl,
          domainKey: config.domainKey ?? '',
          // attachments.create answers with an upload_descriptor, the bytes follow in a second request
          ...(files ? { uploadStrategy: { type: 'two_phase' as const } } : {}),
        }
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
      // the hosted backend keeps attachments off (its sessions say file_upload: false); the own server
      // offers exactly what its /config reports, so the component refuses early what the server would refuse
      attachments: files ? composerAttachments(config.attachments) : { enabled: false },
      ...(config.backend === 'server' && config.dictation ? { dictation: { enabled: true } } : {}),
    },
    // Thumbs up/down reach our server only when it is the ChatKit backend (items.feedback).
    threadItemActions: { feedback: config.backend === 'server' },
    onClientTool: handlers.onClientTool,
  };
}

/** Typical file name endings of the accepted types, for the file picker's `accept`. */
const EXTENSIONS: Record<string, string[]> = {
  'application/pdf': ['.pdf'],
  'text/plain': ['.txt'],
  'text/markdown': ['.md', '.markdown'],
  'text/csv': ['.csv'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/webp': ['.webp'],
  'image/gif': ['.gif'],
};

/** The file name endings of `type` the picker should offer (none known: the type alone). */
export function extensionsOf(type: string): string[] {
  return EXTENSIONS[type] ?? [];
}

function composerAttachments(rules: AttachmentRules): NonNullable<NonNullable<ChatKitOptions['composer']>['attachments']> {
  return {
    enabled: true,
    maxSize: rules.maxBytes,
    maxCount: rules.maxPerMessage,
    accept: Object.fromEntries(rules.types.map((t) => [t, extensionsOf(t)])),
  };
}

/** Whether the page asks /classify after each response (the own server classifies by itself). */
export function classifiesAfterResponse(config: PageConfig): boolean {
  return config.backend === 'hosted';
}
