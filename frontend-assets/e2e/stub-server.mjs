// A loopback stand-in for the interview API, for working on the pages without the Java server:
//   node e2e/stub-server.mjs [port] [hosted|server]   (serves target/classes/META-INF/resources/interview as /interview/)
// Implements just enough of the API (docs/integration.md) for the pages: /config, /chatkit/session, /classify, /feedback,
// /feedback/list, /admin/stats, /admin/logs, /admin/feedback/export; admin token "stub-admin-token".
// POST /__control/fail-sessions with body true/false makes the session endpoint fail (502).
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const STUB_ADMIN_TOKEN = 'stub-admin-token';
const root = fileURLToPath(new URL('../target/classes/META-INF/resources', import.meta.url));
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml' };

export function startStubServer(port = 0, { backend = 'hosted', configured = true } = {}) {
  const feedback = [];
  const events = [];
  let failSessions = false;
  let sessions = 0;

  const json = (res, status, body, headers = {}) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const error = (res, status, code, message, headers = {}) => json(res, status, { error: { code, message } }, headers);
  const readBody = (req) =>
    new Promise((resolve) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => resolve(data));
    });
  const admin = (req, res) => {
    if (req.headers.authorization === `Bearer ${STUB_ADMIN_TOKEN}`) return true;
    error(res, 401, 'unauthorized', 'Admin token required (Authorization: Bearer).', { 'WWW-Authenticate': 'Bearer' });
    return false;
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const path = url.pathname;
    const body = req.method === 'POST' ? await readBody(req) : '';
    const api = path.startsWith('/interview/api/') ? path.slice('/interview/api'.length) : null;
    if (path === '/__control/fail-sessions') {
      failSessions = body.trim() === 'true';
      return json(res, 200, { failSessions });
    }
    if (api === '/config') {
      return json(res, 200, {
        backend,
        domain_key: null,
        greeting: 'Willkommen! Fragen Sie mich alles zum Interview.',
        prompts: [
          { label: 'Worum geht es?', prompt: 'Worum geht es im Interview?' },
          { label: 'Ablauf', prompt: 'Wie läuft das Interview ab?' },
        ],
        composer_placeholder: 'Ihre Frage zum Interview …',
        feedback_categories: ['out_of_scope', 'wrong_answer', 'other'],
        chatkit_configured: configured,
      });
    }
    if (api === '/chatkit/session' && req.method === 'POST') {
      if (!configured) return error(res, 503, 'not_configured', 'Chat is not configured: set OPENAI_API_KEY and OPENAI_WORKFLOW_ID.');
      if (failSessions) {
        events.push({ event: 'session.failed', ts: new Date().toISOString(), upstream_status: 401 });
        return error(res, 502, 'upstream_unauthorized', 'ChatKit API error 401: check OPENAI_API_KEY');
      }
      sessions += 1;
      const sessionId = `cksess_stub_${sessions}`;
      events.push({ event: 'session.created', ts: new Date().toISOString(), session_id: sessionId, latency_ms: 42 });
      return json(res, 200, { client_secret: `ek_stub_${sessions}`, expires_at: Math.floor(Date.now() / 1000) + 600, session_id: sessionId });
    }
    if (api === '/chatkit' && req.method === 'POST' && backend === 'server') {
      // A minimal ChatKit server: threads.create streams one out-of-scope answer and a client effect.
      const request = JSON.parse(body || '{}');
      if (request.type !== 'threads.create') return error(res, 400, 'unsupported', `stub handles threads.create only, not ${request.type}`);
      const threadId = `cthr_stub_${Date.now()}`;
      const now = new Date().toISOString();
      const item = { id: 'msg_stub_1', thread_id: threadId, created_at: now, type: 'assistant_message', content: [] };
      const deltas = ['Dazu liegen mir ', 'leider keine ', 'Informationen vor.'];
      const events = [
        { type: 'thread.created', thread: { id: threadId, title: null, created_at: now, status: { type: 'active' }, metadata: {}, items: { data: [], has_more: false } } },
        { type: 'thread.item.added', item },
        ...deltas.map((delta) => ({ type: 'thread.item.updated', item_id: item.id, update: { type: 'assistant_message.content_part.text_delta', content_index: 0, delta } })),
        { type: 'thread.item.done', item: { ...item, content: [{ type: 'output_text', text: deltas.join(''), annotations: [] }] } },
        { type: 'client_effect', name: 'out_of_scope', data: { reason: 'marker', user_question: 'Wie wird das Wetter?', assistant_reply: deltas.join('') } },
      ];
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
      return res.end(events.map((e) => `data: ${JSON.stringify(e)}\n\n`).join(''));
    }
    if (api === '/classify' && req.method === 'POST') {
      const { thread_id: threadId } = JSON.parse(body || '{}');
      const outOfScope = /tool|classify/.test(String(threadId));
      events.push({ event: 'response.classified', ts: new Date().toISOString(), session_id: threadId, out_of_scope: outOfScope, question: 'Q' });
      return json(res, 200, { out_of_scope: outOfScope, source: outOfScope ? 'marker' : 'none', marker: outOfScope ? 'keine Informationen' : null });
    }
    if (api === '/feedback' && req.method === 'POST') {
      const entry = { id: `fb_${feedback.length + 1}`, ts: new Date().toISOString(), kind: 'public', ...JSON.parse(body) };
      feedback.unshift(entry);
      return json(res, 201, { id: entry.id, ts: entry.ts });
    }
    if (api === '/feedback/list') {
      if (!admin(req, res)) return;
      return json(res, 200, { entries: feedback.slice(0, 50), count: Math.min(50, feedback.length) });
    }
    if (api === '/admin/stats') {
      if (!admin(req, res)) return;
      const classified = events.filter((e) => e.event === 'response.classified');
      return json(res, 200, {
        sessions_created: sessions,
        sessions_failed: events.filter((e) => e.event === 'session.failed').length,
        error_rate: 0,
        out_of_scope_rate: classified.length ? classified.filter((e) => e.out_of_scope).length / classified.length : 0,
        feedback_by_category: feedback.reduce((a, f) => ({ ...a, [f.category]: (a[f.category] ?? 0) + 1 }), {}),
        uptime_seconds: Math.round(process.uptime()),
      });
    }
    if (api === '/admin/logs') {
      if (!admin(req, res)) return;
      return json(res, 200, { entries: [...events].reverse().slice(0, Number(url.searchParams.get('limit') ?? 100)) });
    }
    if (api === '/admin/feedback/export') {
      if (!admin(req, res)) return;
      const cell = (v) => `"${String(v ?? '').replace(/"/g, '""')}"`;
      const csv = ['id,ts,category,session_id,user_question,assistant_reply,comment', ...feedback.map((f) => [f.id, f.ts, f.category, f.session_id, f.user_question, f.assistant_reply, f.comment].map(cell).join(','))].join('\n');
      res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="feedback.csv"' });
      return res.end(csv + '\n');
    }
    if (api !== null) return error(res, 404, 'not_found', `No endpoint ${path}`);
    if (path === '/interview' || path === '/interview/dashboard') {
      res.writeHead(301, { Location: `${path}/` });
      return res.end();
    }
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return error(res, 404, 'not_found', 'outside');
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return error(res, 404, 'not_found', `No file ${path}`);
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const server = await startStubServer(Number(process.argv[2] ?? 4173), { backend: process.argv[3] ?? 'hosted' });
  console.log(`stub API and pages on http://127.0.0.1:${server.address().port}/interview/`);
}
