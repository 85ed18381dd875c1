import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { seed, base, openBrowser, login, shot, apiGet, WAIT } from './browser.mjs';

let browser;
let page;
let loggedIn = false;

/** The tests after the login need its session: without it they are skipped, not left to time out one by one. */
function needsLogin(t) {
  if (!loggedIn) t.skip('the login failed');
  return !loggedIn;
}

before(async () => {
  browser = await openBrowser();
  page = browser.page;
});

after(async () => {
  await browser?.close();
});

test('a person logs in with a password and the board shows the seeded deals with value and owner', async () => {
  // The API must accept the session cookie: say so plainly when it does not, rather than time out in the page.
  const session = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: seed.adminEmail, password: seed.adminPassword }) });
  assert.equal(session.status, 200, await session.text());
  const cookie = session.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const me = await fetch(`${base}/api/me`, { headers: { Cookie: cookie } });
  assert.equal(me.status, 200, 'the API refuses the session cookie: AuthHandler must accept SessionAuth.fromCookie '
    + '(CrmRoutes.sessionAuth()) for requests without a bearer token');
  await login(page, seed.adminEmail, seed.adminPassword);
  loggedIn = true;
  for (const d of seed.deals) {
    const card = page.locator(`.column[data-stage="${d.stage}"] .card[data-deal-id="${d.id}"]`);
    await card.waitFor({ timeout: WAIT });
    assert.match(await card.innerText(), new RegExp(d.title.replace(/[–]/g, '.')));
  }
  const globex = page.locator(`.card[data-deal-id="${seed.deals[0].id}"]`);
  assert.match(await globex.innerText(), /48[,. \u202f\u00a0]?000/);
  assert.match(await globex.innerText(), /Administrator/);
  await shot(page, '01-board');
});

test('dragging a card to another column changes its stage, and it stays there after a reload', async (t) => {
  if (needsLogin(t)) return;
  const deal = seed.deals[1];
  const card = page.locator(`.card[data-deal-id="${deal.id}"]`);
  const saved = page.waitForResponse((r) => r.url().endsWith(`/api/deals/${encodeURIComponent(deal.id)}/stage`) && r.request().method() === 'POST');
  await card.dragTo(page.locator('.column[data-stage="won"] .column-body'));
  const response = await saved;
  assert.equal(response.status(), 200, await response.text());
  await page.reload();
  await page.locator(`.column[data-stage="won"] .card[data-deal-id="${deal.id}"]`).waitFor({ timeout: WAIT });
  const stored = await apiGet(`/api/deals/${encodeURIComponent(deal.id)}`);
  assert.equal(stored.deal.stage.id, 'won');
  assert.equal(stored.history.at(-1).mode, 'person');
  await shot(page, '02-board-after-drag');
});

test('the deal page shows the stage history set by a person', async (t) => {
  if (needsLogin(t)) return;
  const deal = seed.deals[1];
  await page.goto(`${base}/#/deals/${encodeURIComponent(deal.id)}`);
  await page.locator('#history').waitFor();
  assert.match(await page.locator('#history').innerText(), /Won/);
  assert.match(await page.locator('#history').innerText(), /set by a person/);
  await shot(page, '03-deal');

  // A deal made from mail: both directions on its timeline and the evidence of its inferred stage.
  await page.goto(`${base}/#/board`);
  await page.locator('.card', { hasText: 'Request for a quote' }).first().click();
  await page.locator('#timeline').waitFor();
  assert.equal(await page.locator('#timeline .dir-inbound').count(), 1);
  assert.equal(await page.locator('#timeline .dir-outbound').count(), 1);
  assert.ok(await page.locator('#history .evidence').count() > 0, 'the inferred stage cites its evidence');
  assert.match(await page.locator('#people').innerText(), /Dana Smith/);
  await shot(page, '03-deal-from-mail');
});

test('search shows highlighted snippets and facets, and opens a message', async (t) => {
  if (needsLogin(t)) return;
  await page.goto(`${base}/#/search?q=licences`);
  await page.locator('#hits .hit').first().waitFor({ timeout: WAIT });
  const marks = await page.locator('#hits mark').allInnerTexts();
  assert.ok(marks.length > 0, 'matches are highlighted');
  assert.ok(marks.every((m) => /licen/i.test(m)), `highlighted: ${marks}`);
  assert.ok(await page.locator('#facets .facet').count() > 0, 'facets are shown');
  await shot(page, '04-search');
  await page.locator('#hits .hit-subject', { hasText: 'Request for a quote' }).first().click();
  await page.locator('article.message').waitFor();
  assert.match(await page.locator('article.message h1').innerText(), /Request for a quote on 40 licences/);
});

test('hostile subjects and bodies are shown as text and never run, anywhere', async (t) => {
  if (needsLogin(t)) return;
  await page.goto(`${base}/#/search?q=${encodeURIComponent('pricing OR devis')}`);
  await page.locator('#hits .hit').first().waitFor({ timeout: WAIT });
  const subjects = await page.locator('#hits .hit-subject').allInnerTexts();
  assert.ok(subjects.some((s) => s.includes('<img src=x onerror=alert(1)>')), `the subject is shown literally: ${subjects}`);
  assert.equal(await page.locator('#hits img').count(), 0, 'no image element comes from a subject or snippet');
  await shot(page, '05-search-hostile');

  await page.locator('#hits .hit-subject', { hasText: 'onerror' }).first().click();
  await page.locator('article.message iframe.mail-frame').waitFor();
  const frame = page.frameLocator('iframe.mail-frame');
  await frame.locator('body').waitFor();
  assert.equal(await frame.locator('script').count(), 0, 'no script survives sanitizing');
  assert.equal(await frame.locator('[onerror], [onclick]').count(), 0, 'no event handler survives');
  assert.equal(await frame.locator('a[href^="javascript"]').count(), 0);
  assert.equal(await frame.locator('img[src^="https://tracker"]').count(), 0, 'remote images are left out unless asked');
  await page.locator('#show-images').waitFor();
  await shot(page, '06-message-hostile');

  // Every list that shows subjects: board, deal pages, timelines.
  await page.goto(`${base}/#/board`);
  await page.locator('#board').waitFor();
  for (const link of await page.locator('.card').evaluateAll((cards) => cards.map((c) => c.getAttribute('href')))) {
    await page.goto(`${base}/${link}`);
    await page.locator('#history').waitFor();
  }
  await page.waitForTimeout(500);
  assert.deepEqual(browser.dialogs, [], 'no dialog was opened by injected markup');
});

test('an admin adds a mailbox and watches its sync progress reach 100 %', async (t) => {
  if (needsLogin(t)) return;
  await page.goto(`${base}/#/admin/mailboxes`);
  const form = page.locator('#add-mailbox');
  await form.waitFor();
  await form.locator('input[name=name]').fill('Support');
  await form.locator('input[name=host]').fill('127.0.0.1');
  await form.locator('input[name=port]').fill(String(seed.imapPort));
  await form.locator('select[name=security]').selectOption('none');
  await form.locator('input[name=username]').fill(seed.support.username);
  await form.locator('input[name=password]').fill(seed.support.password);
  await form.locator('input[name=folders]').fill('INBOX');
  await page.click('#test-mailbox');
  await page.locator('#mailbox-result', { hasText: 'Connection works' }).waitFor({ timeout: WAIT });
  await form.locator('button[type=submit]').click();
  const row = page.locator('#mailbox-rows tr', { hasText: 'Support' });
  await row.waitFor({ timeout: WAIT });
  await shot(page, '07-mailbox-added');
  const seen = new Set();
  const deadline = Date.now() + 180_000;
  for (;;) {
    const now = await row.locator('[role=progressbar]').getAttribute('aria-valuenow').catch(() => null);
    if (now !== null) seen.add(now);
    const label = await row.locator('.progress-label').innerText().catch(() => '');
    if (now === '100' && label.includes(`${seed.support.messages} messages`)) break;
    assert.ok(Date.now() < deadline, `the sync did not reach 100 % in 180 s; progress seen: ${[...seen]}, last: ${label}`);
    await page.waitForTimeout(250);
  }
  assert.match(await row.locator('.progress-label').innerText(), new RegExp(`100 % · ${seed.support.messages} messages`));
  await shot(page, '08-mailbox-synced');
});

test('metrics draw the funnel in SVG with the numbers against a target, and reminders are grouped', async (t) => {
  if (needsLogin(t)) return;
  await page.goto(`${base}/#/metrics?pipeline=default&target=100000`);
  await page.locator('#funnel svg').waitFor();
  assert.ok(await page.locator('#funnel svg rect').count() >= 5, 'one bar per open or won stage');
  const kpis = await page.locator('#kpis').innerText();
  for (const label of ['Win rate', 'Sales cycle', 'Velocity', 'RTV', 'GAP', 'Funnel factor']) assert.match(kpis, new RegExp(label));
  assert.doesNotMatch(kpis, /set a target/, 'the target gives a GAP');
  await shot(page, '09-metrics');
  await page.goto(`${base}/#/reminders?owner=all`);
  await page.locator('section[data-kind="needs-reply"]').waitFor();
  assert.match(await page.locator('section[data-kind="needs-reply"]').innerText(), /Demande de devis/);
  await shot(page, '10-reminders');
});

test('no page raised a script error and no dialog ever opened', () => {
  assert.deepEqual(browser.dialogs, []);
  assert.deepEqual(browser.pageErrors, []);
});
