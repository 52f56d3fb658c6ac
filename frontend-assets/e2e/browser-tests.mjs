// Browser tests for the chat page and the dashboard, in headless Debian Chromium via playwright-core.
// Run against a live server (the example server in the Maven build, or e2e/stub-server.mjs):
//   BASE_URL=http://127.0.0.1:3001 ADMIN_TOKEN=… CONTROL_URL=… SHOT_DIR=../docs/img node e2e/browser-tests.mjs
// CONTROL_URL points at the test's stand-in for OpenAI; `POST {CONTROL_URL}/fail-sessions` with body
// `true`/`false` makes upstream session creation fail, so the page's error message can be checked.
// SERVER_BACKEND_URL is a second server with CHATKIT_BACKEND=server (own ChatKit protocol endpoint);
// UNCONFIGURED_URL a third one without any OpenAI settings.
// Exit code 0 = all passed; every failure is printed with its step.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHOT_DIR, assert, suite } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const BASE_URL = (process.env.BASE_URL ?? 'http://127.0.0.1:3001').replace(/\/$/, '');
const ADMIN_TOKEN = process.env.ADMIN_TOKEN ?? '';
const CONTROL_URL = process.env.CONTROL_URL ?? '';
const CDN = 'https://cdn.platform.openai.com/**';
const SERVER_BACKEND_URL = (process.env.SERVER_BACKEND_URL ?? '').replace(/\/$/, '');
const UNCONFIGURED_URL = (process.env.UNCONFIGURED_URL ?? '').replace(/\/$/, '');
const SERVER_QUESTION = process.env.SERVER_QUESTION ?? 'Wie wird das Wetter?';
const SERVER_ANSWER = process.env.SERVER_ANSWER ?? 'Dazu liegen mir leider keine Informationen vor.';
const STUB = readFileSync(join(here, 'chatkit-stub.js'), 'utf8');
const TIMEOUT = 10_000;

async function control(path, body) {
  assert(CONTROL_URL, 'CONTROL_URL is not set');
  const r = await fetch(`${CONTROL_URL}${path}`, { method: 'POST', body });
  assert(r.ok, `control ${path} answered ${r.status}`);
}

async function newPage(browser, { blockChatKit = false, viewport = { width: 1280, height: 860 } } = {}) {
  const context = await browser.newContext({ viewport, acceptDownloads: true, deviceScaleFactor: 1 });
  context.setDefaultTimeout(TIMEOUT);
  // The real script is unreachable here; serve the stub, or simulate an ad blocker.
  await context.route(CDN, (route) =>
    blockChatKit ? route.abort('blockedbyclient') : route.fulfill({ status: 200, contentType: 'text/javascript', body: STUB }),
  );
  const page = await context.newPage();
  const calls = [];
  page.on('request', (req) => {
    if (req.url().includes('/interview/api/')) calls.push({ method: req.method(), path: new URL(req.url()).pathname, body: req.postData() });
  });
  page.on('pageerror', (e) => console.error(`  [pageerror] ${e.message}`));
  return { context, page, calls };
}

async function waitForChatKit(page) {
  await page.waitForFunction(() => window.__chatkit && window.__chatkit.getAttribute('data-state'));
  return page.evaluate(() => window.__chatkit.getAttribute('data-state'));
}

const { test, run } = suite();
const shared = { question: process.env.QUESTION ?? "Wie wird das Wetter morgen in Berlin?" };
// The upstream stand-ins answer thread cthr_browser_classify with an out-of-scope reply.
const EXPECT_CLASSIFY_OOS = (process.env.EXPECT_CLASSIFY_OOS ?? 'true') === 'true';

test('chat page gets a client secret from our server and refreshes it with the current one', async (browser) => {
  const { context, page, calls } = await newPage(browser);
  try {
    await page.goto(`${BASE_URL}/interview/`);
    assert((await waitForChatKit(page)) === 'ready', 'ChatKit stub did not get a client secret');
    const first = await page.evaluate(() => window.__chatkit.secret);
    assert(typeof first === 'string' && first.length > 0, 'first client secret is empty');
    const sessionCalls = () => calls.filter((c) => c.path === '/interview/api/chatkit/session');
    assert(sessionCalls().length === 1 && !sessionCalls()[0].body, 'first session call must be a POST without body');
    const second = await page.evaluate(() => window.__chatkit.refresh());
    assert(second && second !== first, `refresh returned the same secret (${second})`);
    const refresh = JSON.parse(sessionCalls()[1].body);
    assert(refresh.current_client_secret === first, `refresh body was ${sessionCalls()[1].body}`);
    // Start screen settings come from /config.
    assert(calls.some((c) => c.path === '/interview/api/config'), 'page did not load /config');
    const options = await page.evaluate(() => ({
      greeting: window.__chatkit.options.startScreen.greeting,
      placeholder: window.__chatkit.options.composer.placeholder,
      attachments: window.__chatkit.options.composer.attachments.enabled,
    }));
    const config = await (await fetch(`${BASE_URL}/interview/api/config`)).json();
    if (typeof config.greeting === 'string') assert(options.greeting === config.greeting, `greeting ${options.greeting}`);
    assert(options.attachments === false, 'attachments must be off');
    assert((await page.locator('[data-testid=session-error]').count()) === 0, 'unexpected session error');
  } finally {
    await context.close();
  }
});

test('an out-of-scope answer (client tool) shows the feedback button and the click stores feedback', async (browser) => {
  const { context, page, calls } = await newPage(browser);
  try {
    await page.goto(`${BASE_URL}/interview/`);
    assert((await waitForChatKit(page)) === 'ready', 'ChatKit stub not ready');
    const toolResult = await page.evaluate((question) =>
      window.__chatkit.respond({
        threadId: 'cthr_browser_tool',
        question,
        answer: 'Dazu habe ich in den Interview-Dokumenten keine Informationen.',
        toolCall: {
          name: 'report_out_of_scope',
          params: { reason: 'weather', user_question: question, assistant_reply: 'Dazu habe ich in den Interview-Dokumenten keine Informationen.' },
        },
      }), shared.question);
    assert(toolResult && toolResult.ok === true, `onClientTool returned ${JSON.stringify(toolResult)}`);
    const button = page.getByTestId('feedback-button');
    await button.waitFor();
    if (SHOT_DIR) await page.screenshot({ path: join(SHOT_DIR, 'chat.png') });
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/interview/api/feedback') && r.request().method() === 'POST'),
      button.click(),
    ]);
    assert(response.status() === 201, `POST /feedback answered ${response.status()}`);
    await page.getByTestId('feedback-done').waitFor();
    const sent = JSON.parse(calls.find((c) => c.path === '/interview/api/feedback').body);
    assert(sent.user_question === shared.question && sent.category === 'out_of_scope', `feedback body ${JSON.stringify(sent)}`);
  } finally {
    await context.close();
  }
});

test('after each response the page asks /classify with the thread id and shows the button when it says out of scope', async (browser) => {
  const { context, page, calls } = await newPage(browser);
  try {
    await page.goto(`${BASE_URL}/interview/`);
    assert((await waitForChatKit(page)) === 'ready', 'ChatKit stub not ready');
    const classified = page.waitForResponse((r) => r.url().endsWith('/interview/api/classify'));
    await page.evaluate(() => window.__chatkit.respond({ threadId: 'cthr_browser_classify', question: 'Q', answer: 'A' }));
    const response = await classified;
    const body = JSON.parse(calls.find((c) => c.path === '/interview/api/classify').body);
    assert(body.thread_id === 'cthr_browser_classify', `classify body ${JSON.stringify(body)}`);
    assert(response.ok(), `POST /classify answered ${response.status()}: ${await response.text()}`);
    const result = await response.json();
    if (EXPECT_CLASSIFY_OOS) {
      assert(result.out_of_scope === true, `classify said ${JSON.stringify(result)}`);
      await page.getByTestId('feedback-button').waitFor();
    }
  } finally {
    await context.close();
  }
});

test('a failing session endpoint shows a clear message', async (browser) => {
  await control('/fail-sessions', 'true');
  const { context, page } = await newPage(browser);
  try {
    await page.goto(`${BASE_URL}/interview/`);
    const banner = page.getByTestId('session-error');
    await banner.waitFor();
    const message = await banner.innerText();
    assert(/Chat-Sitzung konnte nicht gestartet werden|nicht eingerichtet/.test(message), `message was: ${message}`);
  } finally {
    await control('/fail-sessions', 'false');
    await context.close();
  }
});

test('a server without OpenAI settings says on the page what its own backend needs, as /config says', async (browser) => {
  assert(UNCONFIGURED_URL, 'UNCONFIGURED_URL (a server without OpenAI settings) is not set');
  const { context, page } = await newPage(browser);
  try {
    const config = await (await fetch(`${UNCONFIGURED_URL}/interview/api/config`)).json();
    const missing = config.setup_message;
    assert(typeof missing === 'string' && missing.includes('needs OPENAI_API_KEY'), `setup_message was: ${missing}`);
    await page.goto(`${UNCONFIGURED_URL}/interview/`);
    const notice = page.getByTestId('notice');
    await notice.waitFor();
    const text = await notice.innerText();
    assert(text.includes(missing), `notice was: ${text}`);
    // auto without a workflow runs the own server: no advice to set up a (retired) hosted workflow
    assert(!text.includes('OPENAI_WORKFLOW_ID und') && !text.includes('Agent-Builder-Workflow'), `notice was: ${text}`);
    await waitForChatKit(page);
    assert((await page.getByTestId('session-error').count()) === 0, 'the missing setup must be said once, not twice');
  } finally {
    await context.close();
  }
});

test('a blocked ChatKit script (ERR_BLOCKED_BY_CLIENT) names the host and claims no cause the page cannot see', async (browser) => {
  const { context, page } = await newPage(browser, { blockChatKit: true });
  try {
    await page.goto(`${BASE_URL}/interview/`);
    const banner = page.getByTestId('script-error');
    await banner.waitFor();
    const message = await banner.innerText();
    assert(message.includes('cdn.platform.openai.com') && message.includes('Den Grund nennt der Browser der Seite nicht'), `message was: ${message}`);
    assert(!/blockiert ein|ERR_BLOCKED_BY_CLIENT/.test(message), `message claims a blocker: ${message}`);
  } finally {
    await context.close();
  }
});

test('server backend: ChatKit talks the protocol to our api.url, the streamed answer renders, out of scope brings the card instead of the page\'s button', async (browser) => {
  assert(SERVER_BACKEND_URL, 'SERVER_BACKEND_URL (a server with CHATKIT_BACKEND=server) is not set');
  const { context, page, calls } = await newPage(browser);
  try {
    await page.goto(`${SERVER_BACKEND_URL}/interview/`);
    assert((await waitForChatKit(page)) === 'ready', 'ChatKit stub not ready');
    const api = await page.evaluate(() => ({ url: window.__chatkit.options.api.url, secret: typeof window.__chatkit.options.api.getClientSecret }));
    assert(api.url.endsWith('/interview/api/chatkit') && api.secret === 'undefined', `api options ${JSON.stringify(api)}`);
    const result = await page.evaluate((q) => window.__chatkit.sendServerMessage(q), SERVER_QUESTION);
    assert(result.status === 200, `POST api.url answered ${result.status}`);
    const types = result.events.map((e) => e.type);
    assert(types[0] === 'thread.created', `first event ${types[0]}`);
    assert(types.filter((t) => t === 'thread.item.updated').length >= 1, `no streamed deltas in ${types.join(',')}`);
    const rendered = await page.locator('openai-chatkit .stub-assistant').last().innerText();
    assert(rendered.includes(SERVER_ANSWER), `rendered answer was: ${rendered}`);
    assert(types.includes('client_effect'), `no out_of_scope effect in ${types.join(',')}`);
    const card = result.events.find((e) => e.type === 'thread.item.done' && e.item.type === 'widget');
    assert(card && JSON.stringify(card.item.widget).includes('Diese Frage liegt außerhalb der Dokumente'), `no out-of-scope card in ${types.join(',')}`);
    assert((await page.getByTestId('feedback-button').count()) === 0, 'the page offers the report besides the server\'s card');
    assert(!calls.some((c) => c.path.endsWith('/chatkit/session')), 'server backend must not mint client secrets');
  } finally {
    await context.close();
  }
});

test('server backend dashboard: one in-scope and one out-of-scope answer are a 50 % rate, with conversations and answers per hour', async (browser) => {
  assert(SERVER_BACKEND_URL, 'SERVER_BACKEND_URL (a server with CHATKIT_BACKEND=server) is not set');
  const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 1000 } });
  try {
    // the scenario before left one out-of-scope answer; this adds one in scope
    await page.goto(`${SERVER_BACKEND_URL}/interview/`);
    assert((await waitForChatKit(page)) === 'ready', 'ChatKit stub not ready');
    const result = await page.evaluate(() => window.__chatkit.sendServerMessage('Worum geht es in den Interviews?'));
    assert(result.status === 200, `POST api.url answered ${result.status}`);
    await page.goto(`${SERVER_BACKEND_URL}/interview/dashboard/`);
    await page.evaluate((t) => localStorage.setItem('interview.adminToken', t), ADMIN_TOKEN);
    await page.reload();
    await page.getByTestId('stat-out_of_scope_rate').waitFor();
    const rate = await page.getByTestId('stat-out_of_scope_rate').locator('.card-value').innerText();
    assert(rate === '50 %', `out-of-scope rate shows ${rate}`);
    const backend = await page.getByTestId('stat-backend').locator('.card-value').innerText();
    assert(backend === 'server', `backend card shows ${backend}`);
    assert((await page.getByTestId('stat-conversations').locator('.card-value').innerText()) === '2', 'conversations card is not 2');
    assert((await page.getByTestId('stat-classified').locator('.card-value').innerText()) === '2', 'answers card is not 2');
    assert((await page.getByTestId('stat-sessions_created').count()) === 0, 'the server backend mints no sessions, yet a sessions card shows');
    const bars = await page.getByTestId('chart-answers').locator('rect title').allTextContents();
    assert(bars.some((t) => t.endsWith(': 2')), `no hour with 2 answers in ${bars.join(', ')}`);
    assert(await page.getByTestId('chart-conversations').isVisible(), 'conversations chart missing');
    assert(await page.getByTestId('chart-out-of-scope-answers').isVisible(), 'out-of-scope answers chart missing');
  } finally {
    await context.close();
  }
});

test('the dashboard asks for the token, then shows stats, charts, the new feedback and exports CSV', async (browser) => {
  const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 1000 } });
  try {
    await page.goto(`${BASE_URL}/interview/dashboard/`);
    const prompt = page.getByTestId('token-prompt');
    await prompt.waitFor();
    await page.fill('#admin-token', ADMIN_TOKEN);
    await prompt.locator('button[type=submit]').click();
    await prompt.waitFor({ state: 'detached' });
    assert((await page.evaluate(() => localStorage.getItem('interview.adminToken'))) === ADMIN_TOKEN, 'token not kept in localStorage');
    await page.getByTestId('stat-sessions_created').waitFor();
    await page.getByTestId('feedback-table').getByText(shared.question).first().waitFor();
    assert((await page.getByTestId('chart-sessions').locator('rect').count()) === 24, 'sessions chart has no 24 bars');
    assert(await page.getByTestId('chart-out-of-scope').isVisible(), 'out-of-scope chart missing');
    if (SHOT_DIR) await page.screenshot({ path: join(SHOT_DIR, 'dashboard.png'), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    assert(download.suggestedFilename().endsWith('.csv'), `download name ${download.suggestedFilename()}`);
    assert(csv.includes(shared.question), 'CSV does not contain the stored feedback');
    // A reload keeps the token: no prompt again.
    await page.reload();
    await page.getByTestId('stat-sessions_created').waitFor();
    assert((await page.getByTestId('token-prompt').count()) === 0, 'token prompt shown again after reload');
  } finally {
    await context.close();
  }
});

test('the dashboard is usable on a phone', async (browser) => {
  const { context, page } = await newPage(browser, { viewport: { width: 390, height: 844 } });
  try {
    await page.goto(`${BASE_URL}/interview/dashboard/`);
    await page.evaluate((t) => localStorage.setItem('interview.adminToken', t), ADMIN_TOKEN);
    await page.reload();
    await page.getByTestId('stat-sessions_created').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 1, `page scrolls sideways by ${overflow}px on a phone`);
    if (SHOT_DIR) await page.screenshot({ path: join(SHOT_DIR, 'dashboard-phone.png') });
  } finally {
    await context.close();
  }
});

await run();
