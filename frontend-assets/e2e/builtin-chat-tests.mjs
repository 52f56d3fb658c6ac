// Browser tests of the built-in chat (src/builtin) in headless Debian Chromium, against real example servers
// with CHATKIT_BACKEND=server; nothing of the chat is stubbed, only OpenAI's Responses API behind the server.
//   BUILTIN_URL=… (CHATKIT_UI=builtin)  AUTO_URL=… (CHATKIT_UI=auto)  SHOT_DIR=…  node e2e/builtin-chat-tests.mjs
// ANSWER / SOURCE_FILE / OUT_OF_SCOPE_ANSWER / SLOW_START are what the stand-in answers (OpenAiStandIn): any
// question → ANSWER citing SOURCE_FILE; "Wetter" → OUT_OF_SCOPE_ANSWER; "langsam" → SLOW_START, then nothing
// until the call is closed; "Fehler" → an upstream error the first time, ANSWER on the retry; "Zugspitze" → the
// model calls report_out_of_scope, then writes TOOL_OUT_OF_SCOPE_ANSWER.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHOT_DIR, assert, suite } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const BUILTIN_URL = (process.env.BUILTIN_URL ?? 'http://127.0.0.1:3001').replace(/\/$/, '');
const AUTO_URL = (process.env.AUTO_URL ?? '').replace(/\/$/, '');
const HOSTED_BUILTIN_URL = (process.env.HOSTED_BUILTIN_URL ?? '').replace(/\/$/, '');
const ANSWER = process.env.ANSWER ?? 'Die Interviews handeln von **Arbeit** und Zukunft.';
const SOURCE_FILE = process.env.SOURCE_FILE ?? 'leitfaden.pdf';
const OUT_OF_SCOPE_ANSWER = process.env.OUT_OF_SCOPE_ANSWER ?? 'Dazu liegen mir leider keine Informationen vor.';
const SLOW_START = process.env.SLOW_START ?? 'Die Antwort beginnt';
const TOOL_OUT_OF_SCOPE_ANSWER = process.env.TOOL_OUT_OF_SCOPE_ANSWER ?? 'Die Höhe von Bergen steht nicht in den Interview-Dokumenten.';
const CARD_TITLE = 'Diese Frage liegt außerhalb der Dokumente';
const THANKS = 'Danke! Ihr Hinweis wurde gespeichert.';
const CDN = 'https://cdn.platform.openai.com/**';
const STUB = readFileSync(join(here, 'chatkit-stub.js'), 'utf8');
const SHOWN_ANSWER = ANSWER.replace(/\*\*/g, '');
const TIMEOUT = 10_000;

const { test, run } = suite();

/**
 * A fresh browser context on `base`: every request is recorded; requests to any other origin are refused
 * (and recorded as foreign) unless `cdn` says what to do with OpenAI's script.
 */
async function open(browser, base, { viewport = { width: 1280, height: 860 }, cdn } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  context.setDefaultTimeout(TIMEOUT);
  const origin = new URL(base).origin;
  const foreign = [];
  const protocol = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    foreign.push(url);
    if (cdn && url.startsWith(CDN.slice(0, -2))) return cdn(route);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('request', (req) => {
    if (req.url().endsWith('/interview/api/chatkit') && req.method() === 'POST') protocol.push(JSON.parse(req.postData()));
  });
  page.on('pageerror', (e) => console.error(`  [pageerror] ${e.message}`));
  await page.goto(`${base}/interview/`);
  return { context, page, foreign, protocol };
}

const input = (page) => page.getByRole('textbox', { name: 'Ihre Frage' });
const button = (page, name) => page.getByRole('button', { name, exact: true });
const answers = (page) => page.getByTestId('answer');

/** Types a question, sends it with the Senden button, and waits until its answer is complete. */
async function ask(page, question, expected = SHOWN_ANSWER) {
  const before = await answers(page).count();
  await input(page).fill(question);
  await button(page, 'Senden').click();
  await page.getByTestId('question').filter({ hasText: question }).last().waitFor();
  const answer = answers(page).nth(before);
  await answer.filter({ hasText: expected }).waitFor();
  await button(answer, 'Hilfreich').waitFor(); // thumbs appear once the answer is complete
}

test('builtin: a question gets a streamed answer with its source, and the page contacts no other host', async (browser) => {
  const { context, page, foreign, protocol } = await open(browser, BUILTIN_URL);
  try {
    const config = await (await fetch(`${BUILTIN_URL}/interview/api/config`)).json();
    assert(config.ui === 'builtin', `/config ui was ${config.ui}`);
    await page.getByTestId('start-screen').getByText(config.greeting).waitFor();
    assert((await input(page).getAttribute('placeholder')) === config.composer_placeholder, 'placeholder not from /config');
    for (const p of config.prompts) await button(page, p.label).waitFor();
    await ask(page, 'Worum geht es in den Interviews?');
    const answer = answers(page).first();
    assert((await answer.locator('strong').innerText()) === 'Arbeit', 'Markdown bold not rendered');
    assert((await answer.getByTestId('sources').innerText()).includes(SOURCE_FILE), 'source file name missing');
    assert(protocol[0].type === 'threads.create', `first request was ${protocol[0].type}`);
    assert(foreign.length === 0, `requests to other hosts: ${foreign.join(', ')}`);
    assert((await page.locator('openai-chatkit').count()) === 0, 'OpenAI component present in builtin mode');
  } finally {
    await context.close();
  }
});

test('builtin: thumbs down on an answer is sent as items.feedback and stored', async (browser) => {
  const { context, page, protocol } = await open(browser, BUILTIN_URL);
  try {
    await ask(page, 'Was sagen die Interviews über Arbeit?');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/interview/api/chatkit') && r.request().postData().includes('items.feedback')),
      button(page, 'Nicht hilfreich').click(),
    ]);
    assert(response.status() === 200, `items.feedback answered ${response.status()}`);
    await page.getByText('Danke für Ihre Bewertung.').waitFor();
    assert((await button(page, 'Nicht hilfreich').getAttribute('aria-pressed')) === 'true', 'thumb not pressed');
    const sent = protocol.find((r) => r.type === 'items.feedback');
    assert(sent.params.kind === 'negative' && sent.params.item_ids.length === 1, `feedback ${JSON.stringify(sent)}`);
  } finally {
    await context.close();
  }
});

/** Clicks the card's "Als Feedback melden" and returns the threads.custom_action request and its SSE answer. */
async function report(page, card) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/interview/api/chatkit') && r.request().postData().includes('threads.custom_action')),
    button(card, 'Als Feedback melden').click(),
  ]);
  return { status: response.status(), request: JSON.parse(response.request().postData()), body: await response.text() };
}

test('builtin: an out-of-scope answer (marker) is followed by the card, whose button stores the report', async (browser) => {
  const { context, page } = await open(browser, BUILTIN_URL);
  try {
    await ask(page, 'Worum geht es in den Interviews?');
    await ask(page, 'Wie wird das Wetter morgen?', OUT_OF_SCOPE_ANSWER);
    const card = page.getByTestId('widget').last();
    await card.getByText(CARD_TITLE).waitFor();
    await button(card, 'Als Feedback melden').waitFor();
    if (SHOT_DIR) await page.screenshot({ path: join(SHOT_DIR, 'chat-builtin.png') });
    const sent = await report(page, card);
    assert(sent.status === 200, `threads.custom_action answered ${sent.status}`);
    assert(sent.request.params.action.type === 'out_of_scope.report', `action ${JSON.stringify(sent.request)}`);
    assert(sent.body.includes('"widget.root.updated"'), `no widget update in ${sent.body.slice(0, 200)}`);
    await card.getByText(THANKS).waitFor();
    assert((await button(card, 'Als Feedback melden').count()) === 0, 'the thanked card still offers the button');
  } finally {
    await context.close();
  }
});

test('builtin: the model\'s report_out_of_scope brings the card; the report is stored once and the thanks survive a reload', async (browser) => {
  const { context, page, protocol } = await open(browser, BUILTIN_URL);
  try {
    await ask(page, 'Wie hoch ist die Zugspitze?', TOOL_OUT_OF_SCOPE_ANSWER);
    const card = page.getByTestId('widget').last();
    await card.getByText(CARD_TITLE).waitFor();
    await card.getByText('Melden Sie sie als Feedback').waitFor();
    assert((await page.getByTestId('answer').count()) === 1, 'the card is not its own entry after the answer');
    const sent = await report(page, card);
    assert(sent.status === 200, `threads.custom_action answered ${sent.status}`);
    const create = protocol.find((r) => r.type === 'threads.create');
    assert(create, 'no threads.create was sent');
    const itemId = sent.request.params.item_id;
    assert(typeof itemId === 'string' && itemId.startsWith('wgt_'), `item_id ${itemId}`);
    await card.getByText(THANKS).waitFor();
    await card.getByText('Gemeldet').waitFor();
    // a second click (e.g. from another tab that still shows the offer) stores nothing more: the server answers
    // with the thank-you state again
    const again = await page.evaluate(async (request) => {
      const r = await fetch('/interview/api/chatkit', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request) });
      return { status: r.status, body: await r.text() };
    }, sent.request);
    assert(again.status === 200 && again.body.includes('out_of_scope.thanks'), `second click: ${again.status} ${again.body.slice(0, 200)}`);
    // an action type nobody handles ends as chatkit-python's base action() does: stream_options, then a
    // retryable stream.error, and the card stays thanked
    const unknown = await page.evaluate(async (request) => {
      const r = await fetch('/interview/api/chatkit', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request) });
      return { status: r.status, body: await r.text() };
    }, { ...sent.request, params: { ...sent.request.params, action: { type: 'delete_everything' } } });
    const events = unknown.body.split('\n\n').filter((frame) => frame.startsWith('data: ')).map((frame) => JSON.parse(frame.slice(6)));
    assert(unknown.status === 200 && events.map((e) => e.type).join(',') === 'stream_options,error'
      && events[1].code === 'stream.error' && events[1].allow_retry === true, `unknown action: ${unknown.status} ${unknown.body.slice(0, 300)}`);
    await page.reload();
    await button(page, 'Verlauf').click();
    await page.getByTestId('history').getByRole('button', { name: 'Wie hoch ist die Zugspitze?' }).click();
    const stored = page.getByTestId('widget').filter({ hasText: THANKS });
    await stored.waitFor();
    assert((await button(page, 'Als Feedback melden').count()) === 0, 'the reopened thread offers the report again');
  } finally {
    await context.close();
  }
});

// a 1×1 PNG and a one-page PDF: real signatures, since the server checks the bytes against the type
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');
const attachInput = (page) => page.getByTestId('attach-input');
const pendingFile = (page, name) => page.getByTestId('pending-attachment').filter({ hasText: name });
const isUpload = (url) => /\/interview\/api\/chatkit\/attachments\/[^/]+\/upload$/.test(url);

test('builtin: an image and a PDF are uploaded with progress, shown in the question and sent with it', async (browser) => {
  const { context, page, protocol } = await open(browser, BUILTIN_URL);
  try {
    const config = await (await fetch(`${BUILTIN_URL}/interview/api/config`)).json();
    assert(config.attachments.enabled === true, `/config attachments ${JSON.stringify(config.attachments)}`);
    // the PDF's upload is held until the page has shown its progress bar
    let releasePdf;
    const pdfHeld = new Promise((resolve) => (releasePdf = resolve));
    await page.route((url) => isUpload(url.toString()), async (route) => {
      if (route.request().postDataBuffer()?.includes('lebenslauf.pdf')) await pdfHeld;
      await route.continue();
    });
    await button(page, 'Datei anhängen').waitFor();
    await attachInput(page).setInputFiles([
      { name: 'foto.png', mimeType: 'image/png', buffer: PNG },
      { name: 'lebenslauf.pdf', mimeType: 'application/pdf', buffer: PDF },
      { name: 'notiz.txt', mimeType: 'text/plain', buffer: Buffer.from('Entwurf, nicht senden') },
    ]);
    await page.getByRole('progressbar', { name: 'lebenslauf.pdf wird hochgeladen' }).waitFor();
    await input(page).fill('Was steht in meinen Anhängen?');
    assert(await button(page, 'Senden').isDisabled(), 'Senden enabled while an upload runs');
    releasePdf();
    for (const name of ['foto.png', 'lebenslauf.pdf', 'notiz.txt']) await pendingFile(page, name).getByText('bereit').waitFor();
    // a pending file can be removed again, by keyboard too: the server deletes it
    const [deleted] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/interview/api/chatkit') && r.request().postData().includes('attachments.delete')),
      button(page, 'Anhang entfernen: notiz.txt').press('Enter'),
    ]);
    assert(deleted.status() === 200, `attachments.delete answered ${deleted.status()}`);
    await pendingFile(page, 'notiz.txt').waitFor({ state: 'detached' });
    await button(page, 'Senden').click();
    const question = page.getByTestId('question').filter({ hasText: 'Was steht in meinen Anhängen?' });
    await answers(page).filter({ hasText: SHOWN_ANSWER }).waitFor();
    const image = question.getByRole('img', { name: 'foto.png' });
    await image.waitFor();
    await page.waitForFunction((img) => img.complete && img.naturalWidth === 1, await image.elementHandle());
    await question.getByTestId('message-attachment').filter({ hasText: 'lebenslauf.pdf' }).waitFor();
    assert((await question.getByTestId('message-attachment').count()) === 2, 'the question does not show exactly two attachments');
    assert((await page.getByTestId('pending-attachment').count()) === 0, 'the composer still holds the sent files');
    const creates = protocol.filter((r) => r.type === 'attachments.create');
    assert(creates.length === 3, `attachments.create sent ${creates.length} times`);
    const sent = protocol.find((r) => r.type === 'threads.create');
    const notiz = protocol.find((r) => r.type === 'attachments.delete').params.attachment_id;
    assert(sent.params.input.attachments.length === 2 && !sent.params.input.attachments.includes(notiz),
      `threads.create attachments ${JSON.stringify(sent.params.input.attachments)}`);
    if (SHOT_DIR) await page.screenshot({ path: join(SHOT_DIR, 'chat-builtin-attachments.png') });
    // after a reload the stored question still shows them (the server's user_message carries the attachments)
    await page.reload();
    await button(page, 'Verlauf').click();
    await page.getByTestId('history').getByRole('button', { name: 'Was steht in meinen Anhängen?' }).click();
    await page.getByTestId('question').filter({ hasText: 'Was steht in meinen Anhängen?' }).getByRole('img', { name: 'foto.png' }).waitFor();
  } finally {
    await context.close();
  }
});

test('builtin: a file that is too large or whose bytes are not its type is refused with the reason, and not sent', async (browser) => {
  const { context, page, protocol } = await open(browser, BUILTIN_URL);
  try {
    const { attachments } = await (await fetch(`${BUILTIN_URL}/interview/api/config`)).json();
    // from disk: a buffer this large would crawl through the browser protocol
    const big = join(mkdtempSync(join(tmpdir(), 'upload-')), 'gross.pdf');
    writeFileSync(big, Buffer.alloc(attachments.max_bytes + 1, 0x25));
    await attachInput(page).setInputFiles(big);
    const error = page.getByTestId('attach-error');
    await error.filter({ hasText: '„gross.pdf“ wurde nicht angehängt' }).filter({ hasText: 'höchstens 10 MB' }).waitFor();
    assert(!protocol.some((r) => r.type === 'attachments.create'), 'a file over the limit was offered to the server');
    // declared PNG, but text: the server's content check refuses the upload (415)
    const [refused] = await Promise.all([
      page.waitForResponse((r) => isUpload(r.url())),
      attachInput(page).setInputFiles({ name: 'falsch.png', mimeType: 'image/png', buffer: Buffer.from('kein Bild') }),
    ]);
    assert(refused.status() === 415, `the upload of a false PNG answered ${refused.status()}`);
    await error.filter({ hasText: '„falsch.png“ wurde nicht angehängt' }).filter({ hasText: 'Inhalt passt nicht' }).waitFor();
    await pendingFile(page, 'falsch.png').waitFor({ state: 'detached' });
    await ask(page, 'Frage ohne die abgelehnten Dateien');
    const sent = protocol.find((r) => r.type === 'threads.create');
    assert(sent.params.input.attachments.length === 0, `refused files were sent: ${JSON.stringify(sent.params.input.attachments)}`);
    assert((await page.getByTestId('message-attachment').count()) === 0, 'a refused file is shown in the question');
  } finally {
    await context.close();
  }
});

test('builtin: Stopp ends a streaming answer, keeps what was written, and the chat goes on', async (browser) => {
  const { context, page } = await open(browser, BUILTIN_URL);
  try {
    await input(page).fill('Bitte langsam und ausführlich antworten');
    await page.keyboard.press('Enter');
    await answers(page).first().filter({ hasText: SLOW_START }).waitFor();
    await button(page, 'Stopp').click();
    await page.getByText('Antwort angehalten.').waitFor();
    assert((await button(page, 'Stopp').count()) === 0, 'Stopp still shown after stopping');
    assert((await answers(page).first().innerText()).includes(SLOW_START), 'the written part vanished');
    await ask(page, 'Und worum geht es?');
  } finally {
    await context.close();
  }
});

test('builtin: a failed answer shows a clear message and "Erneut versuchen" retries it', async (browser) => {
  const { context, page, protocol } = await open(browser, BUILTIN_URL);
  try {
    await input(page).fill('Einen Fehler bitte');
    await button(page, 'Senden').click();
    const error = page.getByTestId('chat-error');
    await error.waitFor();
    assert((await error.getAttribute('role')) === 'alert', 'error is not announced');
    assert((await error.innerText()).includes('Die Antwort konnte nicht erzeugt werden'), `error said ${await error.innerText()}`);
    await button(page, 'Erneut versuchen').click();
    await answers(page).first().filter({ hasText: SHOWN_ANSWER }).waitFor();
    assert((await error.count()) === 0, 'error still shown after a successful retry');
    const retry = protocol.find((r) => r.type === 'threads.retry_after_item');
    assert(retry && retry.params.item_id && retry.params.thread_id, `retry request ${JSON.stringify(retry)}`);
  } finally {
    await context.close();
  }
});

test('builtin: "Neues Gespräch" starts over and the next question opens a new thread', async (browser) => {
  const { context, page, protocol } = await open(browser, BUILTIN_URL);
  try {
    await ask(page, 'Erste Frage zum Interview');
    await ask(page, 'Zweite Frage zum Interview');
    await button(page, 'Neues Gespräch').click();
    await page.getByTestId('start-screen').waitFor();
    assert((await answers(page).count()) === 0, 'old answers still shown');
    await ask(page, 'Frage im neuen Gespräch');
    const types = protocol.map((r) => r.type);
    assert(types.join() === 'threads.create,threads.add_user_message,threads.create', `requests ${types.join()}`);
  } finally {
    await context.close();
  }
});

test('builtin: after a reload the conversation is in "Verlauf" and reopens with its answer and source', async (browser) => {
  const { context, page, protocol } = await open(browser, BUILTIN_URL);
  try {
    const question = 'Was erzählt die dritte Person im Interview?';
    await ask(page, question);
    await page.reload();
    await page.getByTestId('start-screen').waitFor();
    await button(page, 'Verlauf').click();
    assert((await button(page, 'Verlauf').getAttribute('aria-expanded')) === 'true', 'Verlauf not expanded');
    const entry = page.getByTestId('history').getByRole('button', { name: question });
    await entry.focus();
    await page.keyboard.press('Escape');
    await page.getByTestId('history').waitFor({ state: 'detached' });
    assert(await button(page, 'Verlauf').evaluate((b) => b === document.activeElement), 'Escape did not return focus to Verlauf');
    await page.keyboard.press('Enter');
    await entry.click();
    await page.getByTestId('question').filter({ hasText: question }).waitFor();
    await answers(page).first().filter({ hasText: SHOWN_ANSWER }).waitFor();
    assert((await answers(page).first().getByTestId('sources').innerText()).includes(SOURCE_FILE), 'source lost on reopen');
    assert(protocol.some((r) => r.type === 'threads.list') && protocol.some((r) => r.type === 'threads.get_by_id'), 'history requests missing');
    await ask(page, 'Und was noch?');
    assert(protocol.at(-1).type === 'threads.add_user_message', 'reopened thread did not continue');
  } finally {
    await context.close();
  }
});

test('builtin: a long conversation reopens in full (threads.get_by_id, then items.list)', async (browser) => {
  const { context, page, protocol } = await open(browser, BUILTIN_URL);
  try {
    // 11 questions and answers are 22 items: more than the first page of threads.get_by_id (20)
    for (let i = 1; i <= 11; i++) await ask(page, `Frage Nummer ${i} zum Interview`);
    await page.reload();
    await button(page, 'Verlauf').click();
    await page.getByTestId('history').getByRole('button', { name: 'Frage Nummer 1 zum Interview' }).click();
    await page.getByTestId('question').filter({ hasText: 'Frage Nummer 11 zum Interview' }).waitFor();
    assert((await answers(page).count()) === 11, `reopened with ${await answers(page).count()} answers`);
    const list = protocol.find((r) => r.type === 'items.list');
    assert(list && list.params.after && list.params.order === 'asc', `items.list request ${JSON.stringify(list)}`);
  } finally {
    await context.close();
  }
});

test('builtin: keyboard only — Tab reaches the input, Shift+Enter adds a line, Enter sends, prompts work by Enter', async (browser) => {
  const { context, page } = await open(browser, BUILTIN_URL);
  try {
    await page.getByTestId('start-screen').waitFor();
    const labels = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent);
      labels.push(label);
      if (label === 'Ihre Frage') break;
    }
    assert(labels.at(-1) === 'Ihre Frage', `Tab order never reached the input: ${labels.join(' | ')}`);
    await page.keyboard.type('Zeile eins');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('Zeile zwei');
    assert((await input(page).inputValue()) === 'Zeile eins\nZeile zwei', 'Shift+Enter did not add a line');
    await page.keyboard.press('Enter');
    await answers(page).first().filter({ hasText: SHOWN_ANSWER }).waitFor();
    assert((await page.getByTestId('question').first().innerText()) === 'Zeile eins\nZeile zwei', 'question lost its line break');
    assert((await input(page).inputValue()) === '', 'input not cleared');
    // a prompt button of a new conversation, by keyboard
    await button(page, 'Neues Gespräch').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('start-screen').waitFor();
    const config = await (await fetch(`${BUILTIN_URL}/interview/api/config`)).json();
    await button(page, config.prompts[0].label).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('question').filter({ hasText: config.prompts[0].prompt }).waitFor();
  } finally {
    await context.close();
  }
});

test('builtin: the transcript is a polite log and every control has its name', async (browser) => {
  const { context, page } = await open(browser, BUILTIN_URL);
  try {
    const log = page.getByRole('log');
    assert((await log.getAttribute('aria-live')) === 'polite', 'transcript is not a polite live region');
    for (const name of ['Senden', 'Neues Gespräch', 'Verlauf']) await button(page, name).waitFor();
    await input(page).fill('Bitte langsam erzählen');
    await button(page, 'Senden').click();
    await button(page, 'Stopp').waitFor();
    await button(page, 'Stopp').click();
    await ask(page, 'Worum geht es?');
    for (const name of ['Hilfreich', 'Nicht hilfreich']) await button(page, name).last().waitFor();
    assert(await log.getByText(SHOWN_ANSWER).isVisible(), 'answer is not inside the log');
  } finally {
    await context.close();
  }
});

test('builtin: fits a 390 px phone without sideways scroll', async (browser) => {
  const { context, page } = await open(browser, BUILTIN_URL, { viewport: { width: 390, height: 844 } });
  try {
    await ask(page, 'Worum geht es in den Interviews?');
    await ask(page, 'Wie wird das Wetter morgen?', OUT_OF_SCOPE_ANSWER);
    await button(page, 'Als Feedback melden').waitFor();
    const overflow = () => page.evaluate(() => ({
      page: document.documentElement.scrollWidth - window.innerWidth,
      log: (() => { const l = document.querySelector('[role=log]'); return l.scrollWidth - l.clientWidth; })(),
    }));
    let o = await overflow();
    assert(o.page <= 1 && o.log <= 1, `sideways scroll on a phone: ${JSON.stringify(o)}`);
    if (SHOT_DIR) await page.screenshot({ path: join(SHOT_DIR, 'chat-builtin-phone.png') });
    await button(page, 'Verlauf').click();
    await page.getByTestId('history').getByRole('button').first().waitFor();
    o = await overflow();
    assert(o.page <= 1, `history panel scrolls sideways: ${JSON.stringify(o)}`);
  } finally {
    await context.close();
  }
});

test('auto: with the CDN blocked the built-in chat takes over and a whole conversation works', async (browser) => {
  assert(AUTO_URL, 'AUTO_URL (a server with CHATKIT_UI=auto) is not set');
  const { context, page, foreign } = await open(browser, AUTO_URL, { cdn: (route) => route.abort('blockedbyclient') });
  try {
    const notice = page.getByTestId('fallback-notice');
    await notice.waitFor();
    const text = await notice.innerText();
    assert(text.includes('eingebaute Chat') && text.includes('cdn.platform.openai.com'), `notice was: ${text}`);
    assert(text.includes('Den Grund nennt der Browser der Seite nicht') && !/blockiert ein/.test(text), `notice claims a cause: ${text}`);
    await ask(page, 'Worum geht es in den Interviews?');
    assert((await answers(page).first().getByTestId('sources').innerText()).includes(SOURCE_FILE), 'source missing');
    await button(page, 'Hilfreich').first().click();
    await page.getByText('Danke für Ihre Bewertung.').waitFor();
    await ask(page, 'Wer wurde befragt?');
    if (SHOT_DIR) await page.screenshot({ path: join(SHOT_DIR, 'chat-fallback.png') });
    await page.reload();
    await button(page, 'Verlauf').click();
    await page.getByTestId('history').getByRole('button', { name: 'Worum geht es in den Interviews?' }).click();
    await page.getByTestId('question').filter({ hasText: 'Wer wurde befragt?' }).waitFor();
    assert(foreign.every((u) => u.startsWith('https://cdn.platform.openai.com/')), `other foreign requests: ${foreign.join(', ')}`);
  } finally {
    await context.close();
  }
});

test('auto: a CDN that does not answer is reported as a timeout, then the built-in chat runs', async (browser) => {
  assert(AUTO_URL, 'AUTO_URL is not set');
  const { context, page } = await open(browser, AUTO_URL, { cdn: () => new Promise(() => {}) });
  try {
    const notice = page.getByTestId('fallback-notice');
    await notice.waitFor();
    const text = await notice.innerText();
    assert(text.includes('Zeitüberschreitung') && !text.includes('Blocker'), `notice was: ${text}`);
    await ask(page, 'Worum geht es?');
  } finally {
    await context.close();
  }
});

test('auto: an unreachable CDN host gets the same honest notice as a blocked one (the page cannot tell them apart)', async (browser) => {
  assert(AUTO_URL, 'AUTO_URL is not set');
  const notices = [];
  for (const reason of ['blockedbyclient', 'namenotresolved', 'connectionrefused']) {
    const { context, page } = await open(browser, AUTO_URL, { cdn: (route) => route.abort(reason) });
    try {
      notices.push(await page.getByTestId('fallback-notice').innerText());
      await page.getByTestId('builtin-chat').waitFor();
    } finally {
      await context.close();
    }
  }
  assert(new Set(notices).size === 1, `notices differ: ${notices.join(' / ')}`);
});

test('builtin with the hosted backend explains that a workflow needs OpenAI\'s component, and loads nothing from elsewhere', async (browser) => {
  assert(HOSTED_BUILTIN_URL, 'HOSTED_BUILTIN_URL (hosted backend, CHATKIT_UI=builtin) is not set');
  const { context, page, foreign } = await open(browser, HOSTED_BUILTIN_URL);
  try {
    const text = await page.getByTestId('ui-error').innerText();
    assert(text.includes('CHATKIT_BACKEND=server') && text.includes('CHATKIT_UI=builtin'), `explanation was: ${text}`);
    assert(foreign.length === 0, `requests to other hosts: ${foreign.join(', ')}`);
  } finally {
    await context.close();
  }
});

test("auto: OpenAI's component is used when its script loads", async (browser) => {
  assert(AUTO_URL, 'AUTO_URL is not set');
  const { context, page } = await open(browser, AUTO_URL, {
    cdn: (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: STUB }),
  });
  try {
    await page.locator('openai-chatkit').waitFor({ state: 'attached' });
    assert((await page.getByTestId('builtin-chat').count()) === 0, 'built-in chat shown although the script loaded');
    assert((await page.getByTestId('fallback-notice').count()) === 0, 'fallback notice without a failure');
  } finally {
    await context.close();
  }
});

await run();
