import { StrictMode, Suspense, lazy, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { fetchConfig } from './api';
import { ChatKitScriptError, browserScriptHost, loadChatKitScript } from './chatkitScript';
import { DEFAULT_CONFIG, type PageConfig } from './config';
import { BUILTIN_NEEDS_SERVER, fallbackNotice, notConfiguredNotice } from './messages';
import { type Banner, Shell } from './Shell';
import { AUTO_SCRIPT_TIMEOUT_MS, CHATKIT_SCRIPT_TIMEOUT_MS, planUi } from './ui';

// Each chat is its own chunk (same origin); `builtin` never loads OpenAI's component or its script.
const App = lazy(() => import('./App').then((m) => ({ default: m.App })));
const BuiltinChat = lazy(() => import('../builtin/BuiltinChat').then((m) => ({ default: m.BuiltinChat })));

type View =
  | { kind: 'loading' }
  | { kind: 'chatkit'; scriptError: ChatKitScriptError | null }
  | { kind: 'builtin'; fallback: ChatKitScriptError | null }
  | { kind: 'builtin_unavailable' };

function asScriptError(e: unknown): ChatKitScriptError {
  return e instanceof ChatKitScriptError ? e : new ChatKitScriptError('failed', String(e));
}

function Root() {
  const [config, setConfig] = useState<PageConfig | null>(null);
  const [configError, setConfigError] = useState<string | null>(null);
  const [view, setView] = useState<View>({ kind: 'loading' });

  useEffect(() => {
    fetchConfig(fetch)
      .catch((e: Error) => {
        setConfigError(`Die Seiteneinstellungen konnten nicht geladen werden (${e.message}); es gelten Standardwerte.`);
        return DEFAULT_CONFIG;
      })
      .then((c) => {
        setConfig(c);
        const plan = planUi(c);
        if (plan.kind === 'builtin' || plan.kind === 'builtin_unavailable') {
          setView(plan.kind === 'builtin' ? { kind: 'builtin', fallback: null } : plan);
        } else if (plan.kind === 'chatkit') {
          setView({ kind: 'chatkit', scriptError: null });
          loadChatKitScript(browserScriptHost(), undefined, CHATKIT_SCRIPT_TIMEOUT_MS).catch((e: unknown) =>
            setView({ kind: 'chatkit', scriptError: asScriptError(e) }),
          );
        } else {
          loadChatKitScript(browserScriptHost(), undefined, AUTO_SCRIPT_TIMEOUT_MS).then(
            () => setView({ kind: 'chatkit', scriptError: null }),
            (e: unknown) => setView({ kind: 'builtin', fallback: asScriptError(e) }),
          );
        }
      });
  }, []);

  if (!config || view.kind === 'loading') {
    return <p className="loading">Lade …</p>;
  }
  const notices = [!config.chatConfigured ? notConfiguredNotice(config.setupMessage) : null, config.notice, configError];
  const banners: Banner[] = notices
    .filter((n): n is string => !!n)
    .map((text) => ({ kind: 'info' as const, text, testId: 'notice' }));
  const loading = <p className="loading">Lade …</p>;
  switch (view.kind) {
    case 'builtin':
      if (view.fallback) banners.unshift({ kind: 'info', text: fallbackNotice(view.fallback), testId: 'fallback-notice' });
      return (
        <Suspense fallback={loading}>
          <BuiltinChat config={config} banners={banners} />
        </Suspense>
      );
    case 'builtin_unavailable':
      return <Shell banners={[...banners, { kind: 'error', text: BUILTIN_NEEDS_SERVER, testId: 'ui-error' }]}>{null}</Shell>;
    default:
      return (
        <Suspense fallback={loading}>
          <App config={config} scriptError={view.scriptError} configError={configError} />
        </Suspense>
      );
  }
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
