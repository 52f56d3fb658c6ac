import { describe, expect, it } from 'vitest';
import { AdminApi, TOKEN_KEY, filenameFrom } from '../src/dashboard/adminApi';
import { backendOf, feedbackByCategory, formatDuration, hourlySeries, outOfScopeRates, parseFeedback, parseLogs, statCards, toMillis } from '../src/dashboard/data';

class MemoryStorage {
  private readonly map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

const HOUR = 3600_000;
const NOW = Date.UTC(2026, 10, 26, 12, 30);

describe('AdminApi', () => {
  it('sends the stored token as a bearer header', async () => {
    const storage = new MemoryStorage();
    storage.setItem(TOKEN_KEY, 'tok');
    let headers: Record<string, string> = {};
    const api = new AdminApi(async (_url, init) => {
      headers = init?.headers as Record<string, string>;
      return new Response('{}', { status: 200 });
    }, storage);
    await api.stats();
    expect(headers.Authorization).toBe('Bearer tok');
  });

  it('surfaces 401 as an ApiError so the page can ask for the token', async () => {
    const api = new AdminApi(
      async () => new Response(JSON.stringify({ error: { code: 'unauthorized', message: 'Admin token required.' } }), { status: 401 }),
      new MemoryStorage(),
    );
    await expect(api.chatLogs()).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('stores a trimmed token and forgets an empty one', () => {
    const storage = new MemoryStorage();
    const api = new AdminApi(async () => new Response('{}'), storage);
    api.setToken('  abc ');
    expect(storage.getItem(TOKEN_KEY)).toBe('abc');
    api.setToken('');
    expect(api.token).toBeNull();
  });

  it('asks the endpoints with the documented limits', async () => {
    const urls: string[] = [];
    const api = new AdminApi(async (url) => {
      urls.push(url);
      return new Response('{"entries":[]}');
    }, new MemoryStorage());
    await api.chatLogs(100);
    await api.feedback(50);
    expect(urls).toEqual(['/interview/api/admin/logs?type=chat&limit=100', '/interview/api/feedback/list?limit=50']);
  });

  it('downloads the CSV export with the server file name', async () => {
    const api = new AdminApi(
      async () => new Response('id,ts\n', { headers: { 'Content-Disposition': 'attachment; filename="feedback-2026.csv"' } }),
      new MemoryStorage(),
    );
    const download = await api.exportCsv();
    expect(download.filename).toBe('feedback-2026.csv');
    expect(await download.blob.text()).toBe('id,ts\n');
  });

  it('parses Content-Disposition variants', () => {
    expect(filenameFrom(null)).toBe('feedback.csv');
    expect(filenameFrom("attachment; filename*=UTF-8''f%C3%BC.csv")).toBe('fü.csv');
    expect(filenameFrom('attachment; filename=plain.csv')).toBe('plain.csv');
  });
});

describe('dashboard data', () => {
  it('accepts ISO strings, epoch seconds and epoch millis', () => {
    expect(toMillis('2026-11-26T12:00:00Z')).toBe(Date.UTC(2026, 10, 26, 12));
    expect(toMillis(1_700_000_000)).toBe(1_700_000_000_000);
    expect(toMillis(1_700_000_000_123)).toBe(1_700_000_000_123);
    expect(toMillis('garbage')).toBeNull();
  });

  it('builds stat cards from flat or nested stats', () => {
    const flat = statCards({ sessions_created: 12, sessions_failed: 3, error_rate: 0.2, out_of_scope_rate: 0.25, uptime_seconds: 7260, feedback_by_category: { out_of_scope: 4, other: 1 } });
    expect(flat.map((c) => [c.key, c.value])).toEqual([
      ['sessions_created', '12'],
      ['sessions_failed', '3'],
      ['error_rate', '20 %'],
      ['out_of_scope_rate', '25 %'],
      ['feedback_total', '5'],
      ['uptime', '2 h 1 min'],
    ]);
    const nested = statCards({ sessions: { created: 7, failed: 0 }, feedback: { total: 2 } });
    expect(nested.map((c) => c.key)).toEqual(['sessions_created', 'sessions_failed', 'feedback_total']);
  });

  it('shows conversations and answers, not sessions, for the server backend, and names the backend', () => {
    const stats = { backend: 'server', sessions_created: 0, sessions_failed: 0, error_rate: 0, conversations: 2, classified: 2, out_of_scope: 1, out_of_scope_rate: 0.5 };
    expect(backendOf(stats)).toBe('server');
    expect(statCards(stats).map((c) => [c.key, c.value])).toEqual([
      ['backend', 'server'],
      ['conversations', '2'],
      ['classified', '2'],
      ['out_of_scope', '1'],
      ['out_of_scope_rate', '50 %'],
    ]);
    expect(statCards({ backend: 'hosted', sessions_created: 3 }).map((c) => c.key)).toEqual(['backend', 'sessions_created']);
    expect(backendOf({})).toBe('hosted');
  });

  it('counts conversations per hour from the server series or from thread.created events', () => {
    const fromSeries = hourlySeries({ hourly: [{ hour: NOW, conversations: 2, classified: 2, out_of_scope: 1 }] }, [], NOW);
    expect(fromSeries[23]).toMatchObject({ conversations: 2, classified: 2, outOfScope: 1, sessions: 0 });
    const fromLogs = hourlySeries(null, parseLogs([{ type: 'thread.created', ts: NOW }, { type: 'response.classified', ts: NOW, out_of_scope: false }]), NOW);
    expect(fromLogs[23]).toMatchObject({ conversations: 1, classified: 1, outOfScope: 0 });
    expect(outOfScopeRates(fromSeries)[23]).toBe(0.5);
  });

  it('sorts feedback categories by count', () => {
    expect(feedbackByCategory({ feedback_by_category: { a: 1, b: 5 } })).toEqual([['b', 5], ['a', 1]]);
  });

  it('formats durations', () => {
    expect(formatDuration(59)).toBe('0 min 59 s');
    expect(formatDuration(90061)).toBe('1 d 1 h');
  });

  it('counts chat events into hourly buckets', () => {
    const logs = parseLogs({
      entries: [
        { event: 'session.created', ts: NOW - 10_000 },
        { event: 'session.created', ts: new Date(NOW - HOUR).toISOString() },
        { event: 'session.failed', ts: NOW },
        { event: 'response.classified', ts: NOW, out_of_scope: true },
        { event: 'response.classified', ts: NOW, out_of_scope: false },
        { event: 'session.created', ts: NOW - 48 * HOUR },
      ],
    });
    const series = hourlySeries(null, logs, NOW);
    expect(series).toHaveLength(24);
    const last = series[23];
    expect(last).toMatchObject({ sessions: 1, failed: 1, classified: 2, outOfScope: 1 });
    expect(series[22].sessions).toBe(1);
    expect(series.reduce((a, b) => a + b.sessions, 0)).toBe(2);
    const rates = outOfScopeRates(series);
    expect(rates[23]).toBe(0.5);
    expect(rates[0]).toBeNull();
  });

  it('prefers the server hourly series when stats carry one', () => {
    const series = hourlySeries({ hourly: [{ hour: NOW - HOUR, sessions_created: 9, classified: 4, out_of_scope: 1 }] }, [], NOW);
    expect(series[22]).toMatchObject({ sessions: 9, classified: 4, outOfScope: 1 });
  });

  it('reads the server series as /admin/stats sends it (48 ISO hours, oldest first)', () => {
    const start = Math.floor(NOW / HOUR) * HOUR;
    const hourly = Array.from({ length: 48 }, (_, i) => ({
      hour: new Date(start - (47 - i) * HOUR).toISOString(),
      sessions_created: 2,
      sessions_failed: 1,
      classified: 4,
      out_of_scope: i === 47 ? 3 : 1,
    }));
    const series = hourlySeries({ hourly }, [], NOW);
    expect(series).toHaveLength(24);
    expect(series[23]).toMatchObject({ start, sessions: 2, failed: 1, classified: 4, outOfScope: 3 });
    expect(series.reduce((a, b) => a + b.sessions, 0)).toBe(48); // only the last 24 of the 48 hours are drawn
    expect(outOfScopeRates(series)[22]).toBe(0.25);
  });

  it('reads feedback entries in the original FastAPI format', () => {
    const rows = parseFeedback({ entries: [{ id: 'fb_1', ts: '2026-11-26T10:00:00Z', category: 'out_of_scope', session_id: 's', user_question: 'Q?', assistant_reply: 'A', comment: 'c' }], count: 1 });
    expect(rows).toEqual([{ id: 'fb_1', ts: Date.UTC(2026, 10, 26, 10), category: 'out_of_scope', sessionId: 's', question: 'Q?', reply: 'A', comment: 'c' }]);
  });

  it('describes a log event by its question or its status', () => {
    const rows = parseLogs([{ event: 'session.failed', upstream_status: 401, latency_ms: 12 }, { event: 'response.classified', question: 'Wetter?', out_of_scope: true }]);
    expect(rows[0].detail).toBe('status 401 · 12 ms');
    expect(rows[1]).toMatchObject({ detail: 'Wetter?', outOfScope: true });
  });
});
