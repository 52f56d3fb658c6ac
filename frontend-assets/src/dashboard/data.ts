// Turns the admin endpoints' JSON into what the dashboard shows: stat cards, table rows and hourly series.
// Tolerant of extra or missing fields: the dashboard must keep working while the server grows.

export interface LogRow {
  ts: number | null;
  event: string;
  sessionId: string;
  detail: string;
  outOfScope: boolean | null;
  raw: Record<string, unknown>;
}

export interface FeedbackRow {
  id: string;
  ts: number | null;
  category: string;
  sessionId: string;
  question: string;
  reply: string;
  comment: string;
}

export interface StatCard {
  key: string;
  label: string;
  value: string;
}

export interface HourBucket {
  start: number;
  sessions: number;
  failed: number;
  /** Finished answers (`response.classified`). */
  classified: number;
  outOfScope: number;
  /** Conversations of the `server` backend (`thread.created`). */
  conversations: number;
}

/** The chat backend the stats come from: `server` counts conversations and answers, `hosted` sessions. */
export function backendOf(stats: Record<string, unknown> | null): 'server' | 'hosted' {
  return stats?.backend === 'server' ? 'server' : 'hosted';
}

const HOUR = 3600_000;

/** Accepts ISO strings, epoch seconds and epoch milliseconds. */
export function toMillis(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value < 1e12 ? value * 1000 : value;
  if (typeof value === 'string' && value) {
    const parsed = Date.parse(value);
    if (!Number.isNaN(parsed)) return parsed;
    const n = Number(value);
    if (Number.isFinite(n)) return toMillis(n);
  }
  return null;
}

function text(obj: Record<string, unknown>, ...keys: string[]): string {
  for (const k of keys) {
    const v = obj[k];
    if (typeof v === 'string' && v) return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  }
  return '';
}

function entriesOf(json: unknown): Record<string, unknown>[] {
  if (Array.isArray(json)) return json.filter((e) => e && typeof e === 'object');
  if (json && typeof json === 'object') {
    const j = json as Record<string, unknown>;
    for (const key of ['entries', 'events', 'logs', 'items']) {
      if (Array.isArray(j[key])) return (j[key] as unknown[]).filter((e) => e && typeof e === 'object') as Record<string, unknown>[];
    }
  }
  return [];
}

export function parseLogs(json: unknown): LogRow[] {
  return entriesOf(json).map((e) => {
    const event = text(e, 'event', 'type', 'kind') || 'unknown';
    const oos = e.out_of_scope;
    const status = text(e, 'upstream_status', 'status');
    const latency = text(e, 'latency_ms');
    const detail =
      text(e, 'question', 'user_question') ||
      [status && `status ${status}`, latency && `${latency} ms`, text(e, 'error', 'error_code', 'message')]
        .filter(Boolean)
        .join(' · ');
    return {
      ts: toMillis(e.ts ?? e.time ?? e.timestamp),
      event,
      sessionId: text(e, 'session_id', 'thread_id'),
      detail,
      outOfScope: typeof oos === 'boolean' ? oos : null,
      raw: e,
    };
  });
}

export function parseFeedback(json: unknown): FeedbackRow[] {
  return entriesOf(json).map((e) => ({
    id: text(e, 'id'),
    ts: toMillis(e.ts ?? e.time ?? e.timestamp),
    category: text(e, 'category', 'kind') || '—',
    sessionId: text(e, 'session_id'),
    question: text(e, 'user_question', 'question'),
    reply: text(e, 'assistant_reply', 'answer'),
    comment: text(e, 'comment', 'reason'),
  }));
}

function percent(v: number): string {
  const p = v <= 1 ? v * 100 : v;
  return `${p.toFixed(p < 10 ? 1 : 0)} %`;
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  return `${m} min ${s % 60} s`;
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function pick(obj: Record<string, unknown>, path: string[]): unknown {
  let cur: unknown = obj;
  for (const p of path) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

/** The headline numbers of GET /admin/stats, flat (`sessions_created`) or nested (`sessions.created`). */
export function statCards(stats: Record<string, unknown>): StatCard[] {
  const first = (...paths: string[][]) => {
    for (const p of paths) {
      const v = num(pick(stats, p));
      if (v !== null) return v;
    }
    return null;
  };
  const cards: StatCard[] = [];
  const add = (key: string, label: string, v: number | null, fmt: (n: number) => string = (n) => n.toLocaleString('en')) => {
    if (v !== null) cards.push({ key, label, value: fmt(v) });
  };
  if (typeof stats.backend === 'string') cards.push({ key: 'backend', label: 'Chat backend', value: stats.backend });
  if (backendOf(stats) === 'server') {
    // the own ChatKit server mints no sessions: conversations and answers are what happened
    add('conversations', 'Conversations', first(['conversations']));
    add('classified', 'Answers', first(['classified']));
    add('out_of_scope', 'Out-of-scope answers', first(['out_of_scope']));
  } else {
    add('sessions_created', 'Sessions created', first(['sessions_created'], ['sessions', 'created']));
    add('sessions_failed', 'Sessions failed', first(['sessions_failed'], ['sessions', 'failed']));
    add('error_rate', 'Error rate', first(['error_rate'], ['sessions', 'error_rate']), percent);
  }
  add('out_of_scope_rate', 'Out-of-scope rate', first(['out_of_scope_rate'], ['out_of_scope', 'rate'], ['classified', 'out_of_scope_rate']), percent);
  const byCategory = (stats.feedback_by_category ?? pick(stats, ['feedback', 'by_category'])) as Record<string, unknown> | undefined;
  const total =
    first(['feedback_total'], ['feedback', 'total']) ??
    (byCategory && typeof byCategory === 'object'
      ? Object.values(byCategory).reduce<number>((a, v) => a + (num(v) ?? 0), 0)
      : null);
  add('feedback_total', 'Feedback', total);
  add('uptime', 'Uptime', first(['uptime_seconds'], ['uptime_s'], ['uptime']), formatDuration);
  return cards;
}

export function feedbackByCategory(stats: Record<string, unknown>): [string, number][] {
  const byCategory = (stats.feedback_by_category ?? pick(stats, ['feedback', 'by_category'])) as Record<string, unknown> | undefined;
  if (!byCategory || typeof byCategory !== 'object') return [];
  return Object.entries(byCategory)
    .map(([k, v]) => [k, num(v) ?? 0] as [string, number])
    .sort((a, b) => b[1] - a[1]);
}

/**
 * Hourly buckets for the last `hours` hours ending with the hour of `now`. Uses the server's own series
 * (`stats.hourly`) when it sends one; otherwise counts the chat-log events.
 */
export function hourlySeries(stats: Record<string, unknown> | null, logs: LogRow[], now: number, hours = 24): HourBucket[] {
  const lastStart = Math.floor(now / HOUR) * HOUR;
  const firstStart = lastStart - (hours - 1) * HOUR;
  const buckets: HourBucket[] = Array.from({ length: hours }, (_, i) => ({
    start: firstStart + i * HOUR,
    sessions: 0,
    failed: 0,
    classified: 0,
    outOfScope: 0,
    conversations: 0,
  }));
  const at = (ts: number | null) => {
    if (ts === null || ts < firstStart || ts >= lastStart + HOUR) return null;
    return buckets[Math.floor((ts - firstStart) / HOUR)];
  };
  const serverSeries = stats && Array.isArray(stats.hourly) ? (stats.hourly as Record<string, unknown>[]) : null;
  if (serverSeries) {
    for (const h of serverSeries) {
      const b = at(toMillis(h.hour ?? h.start ?? h.ts));
      if (!b) continue;
      b.sessions += num(h.sessions_created) ?? num(h.sessions) ?? 0;
      b.failed += num(h.sessions_failed) ?? num(h.failed) ?? 0;
      b.classified += num(h.classified) ?? 0;
      b.outOfScope += num(h.out_of_scope) ?? 0;
      b.conversations += num(h.conversations) ?? 0;
    }
    return buckets;
  }
  for (const row of logs) {
    const b = at(row.ts);
    if (!b) continue;
    if (row.event === 'session.created') b.sessions += 1;
    else if (row.event === 'session.failed') b.failed += 1;
    else if (row.event === 'thread.created') b.conversations += 1;
    else if (row.event === 'response.classified') {
      b.classified += 1;
      if (row.outOfScope) b.outOfScope += 1;
    }
  }
  return buckets;
}

/** Out-of-scope share per bucket, or null where nothing was classified (a gap, not a zero). */
export function outOfScopeRates(buckets: HourBucket[]): (number | null)[] {
  return buckets.map((b) => (b.classified > 0 ? b.outOfScope / b.classified : null));
}
