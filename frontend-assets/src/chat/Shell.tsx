// The page around either chat: the drifting backdrop, the glass panel, the title and the banners.
import type { ReactNode } from 'react';
import './App.css';

export interface Banner {
  kind: 'info' | 'error';
  text: string;
  testId: string;
}

interface Props {
  banners: Banner[];
  actions?: ReactNode;
  children: ReactNode;
}

export function Shell({ banners, actions, children }: Props) {
  return (
    <div className="page">
      <div className="backdrop" aria-hidden="true">
        <span className="orb orb-a" />
        <span className="orb orb-b" />
        <span className="orb orb-c" />
      </div>
      <main className="glass">
        <header className="glass-header">
          <div className="glass-title">
            <h1>Interview-Assistent</h1>
            <p className="subtitle">Fragen zum Interview, beantwortet aus den Dokumenten</p>
          </div>
          {actions && <div className="glass-actions">{actions}</div>}
        </header>
        {banners.map((b) => (
          <p
            className={`banner banner-${b.kind}`}
            role={b.kind === 'error' ? 'alert' : 'status'}
            key={`${b.testId}:${b.text}`}
            data-testid={b.testId}
          >
            {b.text}
          </p>
        ))}
        {children}
      </main>
    </div>
  );
}
