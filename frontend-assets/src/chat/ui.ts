// Which chat the page shows (CHATKIT_UI from /config, see docs/frontend.md). Kept apart from React so the
// rule is unit-tested.
import type { PageConfig } from './config';

/** How long `auto` waits for OpenAI's script before it shows the built-in chat. */
export const AUTO_SCRIPT_TIMEOUT_MS = 4000;
/** How long `chatkit` waits before it says the script did not come. */
export const CHATKIT_SCRIPT_TIMEOUT_MS = 15000;

export type UiPlan =
  /** the built-in chat */
  | { kind: 'builtin' }
  /** OpenAI's component, rendered at once while its script loads */
  | { kind: 'chatkit' }
  /** `auto` with the own server: wait for the script, then decide */
  | { kind: 'try_chatkit' }
  /** builtin asked for, but the hosted backend only works in OpenAI's component */
  | { kind: 'builtin_unavailable' };

export function planUi(config: Pick<PageConfig, 'ui' | 'backend'>): UiPlan {
  if (config.ui === 'builtin') return { kind: config.backend === 'server' ? 'builtin' : 'builtin_unavailable' };
  if (config.ui === 'auto' && config.backend === 'server') return { kind: 'try_chatkit' };
  return { kind: 'chatkit' };
}

