import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../shared/http';
import type { AdminApi } from './adminApi';
import { BarChart, RateChart } from './charts';
import {
  type FeedbackRow,
  type HourBucket,
  type LogRow,
  backendOf,
  feedbackByCategory,
  hourlySeries,
  outOfScopeRates,
  parseFeedback,
  parseLogs,
  statCards,
} from './data';
import './dashboard.css';

export const REFRESH_MS = 30_000;

interface CountChart {
  testId: string;
  label: string;
  value: (b: HourBucket) => number;
}

/** `hosted` mints a session per chat; the own ChatKit server (`server`) mints none, it counts conversations and answers. */
const HOSTED_CHARTS: CountChart[] = [{ testId: 'chart-sessions', label: 'Sessions per hour', value: (b) => b.sessions }];
const SERVER_CHARTS: CountChart[] = [
  { testId: 'chart-conversations', label: 'Conversations per hour', value: (b) => b.conversations },
  { testId: 'chart-answers', label: 'Answers per hour', value: (b) => b.classified },
  { testId: 'chart-out-of-scope-answers', label: 'Out-of-scope answers per hour', value: (b) => b.outOfScope },
];

type Section<T> = { data: T | null; error: string | null };

const empty = <T,>(): Section<T> => ({ data: null, error: null });

function time(ms: number | null): string {
  return ms === null ? '—' : new Date(ms).toLocaleString('de-DE');
}

function errorText(e: unknown): string {
  return e instanceof ApiError ? `${e.message} (${e.code})` : String((e as Error)?.message ?? e);
}

export function Dashboard({ api }: { api: AdminApi }) {
  const [stats, setStats] = useState<Section<Record<string, unknown>>>(empty);
  const [logs, setLogs] = useState<Section<LogRow[]>>(empty);
  const [feedback, setFeedback] = useState<Section<FeedbackRow[]>>(empty);
  const [needToken, setNeedToken] = useState(false);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const [exportState, setExportState] = useState<string | null>(null);
  const tokenInput = useRef<HTMLInputElement>(null);

  const load = useCallback(async () => {
    const [s, l, f] = await Promise.allSettled([api.stats(), api.chatLogs(100), api.feedback(50)]);
    const unauthorized = [s, l, f].some((r) => r.status === 'rejected' && r.reason instanceof ApiError && r.reason.status === 401);
    setNeedToken(unauthorized);
    const section = <T,>(r: PromiseSettledResult<unknown>, parse: (v: unknown) => T): Section<T> =>
      r.status === 'fulfilled' ? { data: parse(r.value), error: null } : { data: null, error: errorText(r.reason) };
    setStats(section(s, (v) => (v ?? {}) as Record<string, unknown>));
    setLogs(section(l, parseLogs));
    setFeedback(section(f, parseFeedback));
    setUpdatedAt(Date.now());
  }, [api]);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  useEffect(() => {
    if (needToken) tokenInput.current?.focus();
  }, [needToken]);

  const saveToken = (e: FormEvent) => {
    e.preventDefault();
    api.setToken(tokenInput.current?.value ?? '');
    void load();
  };

  const exportCsv = async () => {
    setExportState('Exporting …');
    try {
      const { filename, blob } = await api.exportCsv();
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      document.body.appendChild(a);
      a.click();
      a.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setExportState(`Downloaded ${filename}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setNeedToken(true);
      setExportState(`Export failed: ${errorText(e)}`);
    }
  };

  const series = useMemo(() => hourlySeries(stats.data, logs.data ?? [], updatedAt ?? Date.now()), [stats.data, logs.data, updatedAt]);
  const cards = stats.data ? statCards(stats.data) : [];
  const counts = backendOf(stats.data) === 'server' ? SERVER_CHARTS : HOSTED_CHARTS;
  const categories = stats.data ? feedbackByCategory(stats.data) : [];

  return (
    <div className="dash">
      <header className="dash-header">
        <div>
          <h1>Interview-Assistent · Dashboard</h1>
          <p className="muted" data-testid="updated">
            {updatedAt ? `Updated ${new Date(updatedAt).toLocaleTimeString('de-DE')} · refreshes every 30 s` : 'Loading …'}
          </p>
        </div>
        <div className="dash-actions">
          <button type="button" onClick={() => void load()}>
            Refresh
          </button>
          <button type="button" onClick={() => void exportCsv()} data-testid="export-csv">
            Export CSV
          </button>
          {api.token && (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                api.clearToken();
                void load();
              }}
            >
              Forget token
            </button>
          )}
        </div>
      </header>
      {exportState && (
        <p className="muted" data-testid="export-state">
          {exportState}
        </p>
      )}

      {needToken && (
        <form className="token-prompt" onSubmit={saveToken} data-testid="token-prompt">
          <label htmlFor="admin-token">
            {api.token ? 'The saved admin token was rejected. Enter the current ADMIN_TOKEN:' : 'This dashboard needs the ADMIN_TOKEN of the server:'}
          </label>
          <div className="token-row">
            <input id="admin-token" ref={tokenInput} type="password" autoComplete="current-password" placeholder="ADMIN_TOKEN" />
            <button type="submit">Save and load</button>
          </div>
          <p className="muted">Kept in this browser's localStorage and sent as Authorization: Bearer.</p>
        </form>
      )}

      <section className="cards" data-testid="stats">
        {cards.map((c) => (
          <div className="card" key={c.key} data-testid={`stat-${c.key}`}>
            <span className="card-label">{c.label}</span>
            <span className="card-value">{c.value}</span>
          </div>
        ))}
        {categories.length > 0 && (
          <div className="card card-wide" data-testid="stat-categories">
            <span className="card-label">Feedback by category</span>
            <ul className="categories">
              {categories.map(([k, v]) => (
                <li key={k}>
                  <span>{k}</span>
                  <b>{v}</b>
                </li>
              ))}
            </ul>
          </div>
        )}
        {stats.error && !needToken && <p className="error">Stats: {stats.error}</p>}
      </section>

      <section className="charts">
        {counts.map((c) => (
          <figure className="panel" key={c.testId}>
            <figcaption>{c.label} (last 24 h)</figcaption>
            <BarChart starts={series.map((b) => b.start)} values={series.map(c.value)} label={c.label} testId={c.testId} />
          </figure>
        ))}
        <figure className="panel">
          <figcaption>Out-of-scope rate per hour</figcaption>
          <RateChart starts={series.map((b) => b.start)} rates={outOfScopeRates(series)} label="Out-of-scope rate per hour" />
        </figure>
      </section>

      <section className="panel">
        <h2>Feedback (newest 50)</h2>
        {feedback.error && !needToken && <p className="error">{feedback.error}</p>}
        <div className="table-wrap">
          <table data-testid="feedback-table">
            <thead>
              <tr>
                <th>Time</th>
                <th>Category</th>
                <th>Session</th>
                <th>Question</th>
                <th>Answer</th>
                <th>Comment</th>
              </tr>
            </thead>
            <tbody>
              {(feedback.data ?? []).map((r, i) => (
                <tr key={r.id || i}>
                  <td data-label="Time">{time(r.ts)}</td>
                  <td data-label="Category">{r.category}</td>
                  <td data-label="Session" className="mono">{r.sessionId}</td>
                  <td data-label="Question">{r.question}</td>
                  <td data-label="Answer">{r.reply}</td>
                  <td data-label="Comment">{r.comment}</td>
                </tr>
              ))}
              {feedback.data?.length === 0 && (
                <tr>
                  <td colSpan={6} className="muted">No feedback yet.</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </section>

      <section className="panel">
        <h2>Chat log (newest 100)</h2>
        {logs.error && !needToken && <p className="error">{logs.error}</p>}
        <div className="table-wrap">
          <table data-testid="log-table">
            <thead>
              <tr>
                <th>Time</th>
                <th>Event</th>
                <th>Session</th>
                <th>Out of scope</th>
                <th>Detail</th>
              </tr>
            </thead>
            <tbody>
              {(logs.data ?? []).map((r, i) => (
                <tr key={i} className={r.outOfScope ? 'row-flagged' : undefined}>
                  <td data-label="Time">{time(r.ts)}</td>
                  <td data-label="Event">{r.event}</td>
                  <td data-label="Session" className="mono">{r.sessionId}</td>
                  <td data-label="Out of scope">{r.outOfScope === null ? '' : r.outOfScope ? 'yes' : 'no'}</td>
                  <td data-label="Detail">{r.detail}</td>
                </tr>
              ))}
              {logs.data?.length === 0 && (
                <tr>
                  <td colSpan={5} className="muted">No chat events yet.</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
