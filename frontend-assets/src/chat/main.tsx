import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { fetchConfig } from './api';
import { ChatKitScriptError, loadChatKitScript } from './chatkitScript';
import { DEFAULT_CONFIG, type PageConfig } from './config';

// Start the CDN request at once, in parallel with /config.
const script = loadChatKitScript({
  document,
  customElements,
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
});

function Root() {
  const [config, setConfig] = useState<PageConfig | null>(null);
  const [configError, setConfigError] = useState<string | null>(null);
  const [scriptError, setScriptError] = useState<ChatKitScriptError | null>(null);

  useEffect(() => {
    fetchConfig(fetch).then(setConfig, (e: Error) => {
      setConfigError(`Die Seiteneinstellungen konnten nicht geladen werden (${e.message}); es gelten Standardwerte.`);
      setConfig(DEFAULT_CONFIG);
    });
    script.catch((e: unknown) =>
      setScriptError(e instanceof ChatKitScriptError ? e : new ChatKitScriptError('blocked', String(e))),
    );
  }, []);

  if (!config) {
    return <p className="loading">Lade …</p>;
  }
  return <App config={config} scriptError={scriptError} configError={configError} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
