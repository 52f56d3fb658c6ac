import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/chat/config';
import { planUi } from '../src/chat/ui';

describe('planUi (CHATKIT_UI)', () => {
  it('builtin shows the built-in chat with the own server and explains why not with the hosted backend', () => {
    expect(planUi({ ui: 'builtin', backend: 'server' })).toEqual({ kind: 'builtin' });
    expect(planUi({ ui: 'builtin', backend: 'hosted' })).toEqual({ kind: 'builtin_unavailable' });
  });

  it('auto tries OpenAI\'s component first only where the built-in chat can take over', () => {
    expect(planUi({ ui: 'auto', backend: 'server' })).toEqual({ kind: 'try_chatkit' });
    expect(planUi({ ui: 'auto', backend: 'hosted' })).toEqual({ kind: 'chatkit' });
    expect(planUi({ ui: 'chatkit', backend: 'server' })).toEqual({ kind: 'chatkit' });
  });

  it('reads ui from /config and falls back to auto for anything else', () => {
    expect(parseConfig({ ui: 'builtin' }).ui).toBe('builtin');
    expect(parseConfig({ ui: 'chatkit' }).ui).toBe('chatkit');
    expect(parseConfig({ ui: 'iframe' }).ui).toBe('auto');
    expect(parseConfig({}).ui).toBe('auto');
  });
});
