// The add-on in a real Thunderbird (started by e2e/run.sh): select a customer message in the IMAP
// inbox, check the panel, change the stage from the panel, check the server got it, look at the
// popup, the internal case and a message the server never saw (Local Folders "Not in Dealwire").
// Screenshots go to $E2E_OUT. What the panel must show: run.sh sets it for the real service (what it
// must make of the fixture mail); with the fake API (E2E_FAKE_API) the defaults below are its fixtures.
//   E2E_MESSAGE_ID, E2E_EMAIL, E2E_COMPANY, E2E_DEAL, E2E_STAGE, E2E_NEW_STAGE (stage id), E2E_NEW_STAGE_NAME,
//   E2E_INTERNAL_MESSAGE_ID, E2E_UNKNOWN_MESSAGE_ID
import test from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import fs from "node:fs";
import { pathToFileURL, fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const HARNESS = process.env.TB_HARNESS || path.join(HERE, "..", "..", "..", "shared", "tools", "thunderbird");
const tb = await import(pathToFileURL(path.join(HARNESS, "helpers.mjs")).href);
const OUT = process.env.E2E_OUT || path.join(HERE, "out");
const URL_ = process.env.DEALWIRE_URL;
const TOKEN = process.env.DEALWIRE_TOKEN;
const env = (k, d) => process.env[k] || d;
const E = {
  messageId: env("E2E_MESSAGE_ID", "acme-1@acme.example"),
  email: env("E2E_EMAIL", "alice@acme.example"),
  company: env("E2E_COMPANY", "Acme Corp"),
  deal: env("E2E_DEAL", "Acme — 50 seats"),
  stage: env("E2E_STAGE", "Proposal made"),
  newStage: env("E2E_NEW_STAGE", "negotiation"),
  newStageName: env("E2E_NEW_STAGE_NAME", "Negotiation"),
  internal: env("E2E_INTERNAL_MESSAGE_ID", "int-1@dealwire-demo.example"),
  unknown: env("E2E_UNKNOWN_MESSAGE_ID", "x-1@newco.example"),
};
const FAKE = Boolean(process.env.E2E_FAKE_API);
const UNSYNCED_FOLDER = "Not in Dealwire";
const PANEL = "#dealwire-panel >>>";
// How long the UI may take to show something: generous, the deadline only catches what never comes
// (CI machines can be loaded, and a Thunderbird under Xvfb is slow to paint there).
const WAIT = 60000;
fs.mkdirSync(OUT, { recursive: true });

/** The IMAP inbox with every thread expanded: the reply is threaded under the inquiry, and selecting a
 *  collapsed thread shows Thunderbird's thread summary instead of the message. */
async function showInbox() {
  await tb.openFolder("INBOX", { timeoutMs: WAIT });
  await tb.run(async function () {
    const a3 = await about3Pane();
    a3.gViewWrapper.showUnthreaded = true;
    await waitFor("an unthreaded view", () => a3.gDBView && !a3.gViewWrapper.showThreaded, 30000);
  });
}

async function api(p) {
  const r = await fetch(URL_ + p, { headers: { Authorization: `Bearer ${TOKEN}` } });
  assert.equal(r.status, 200, `GET ${p} answered ${r.status}`);
  return r.json();
}

test.before(async () => {
  assert.ok(URL_ && TOKEN, "DEALWIRE_URL and DEALWIRE_TOKEN are set by e2e/run.sh");
  await tb.connect();
});
test.after(() => tb.close());

test("the panel shows company, deal and stage of a customer message from the IMAP inbox", async () => {
  if (!FAKE) {
    // The server's reading of the fixture mail first, so a linking or inference change is reported as such.
    const ctx = await api(`/api/context?messageId=${encodeURIComponent(E.messageId)}&email=${encodeURIComponent(E.email)}`);
    const deal = (ctx.deals || []).find(d => d.id === ctx.linkedDealId) || (ctx.deals || [])[0];
    assert.deepEqual([ctx.company?.name, deal?.title, deal?.stage?.name], [E.company, E.deal, E.stage],
      `the server's context of <${E.messageId}>: ${JSON.stringify({ company: ctx.company, deals: ctx.deals })}`);
  }
  await showInbox();
  await tb.selectMessage({ messageId: E.messageId }, { timeoutMs: WAIT });
  assert.equal(await tb.waitForText({ selector: `${PANEL} .dw-company`, text: E.company }, WAIT), E.company);
  assert.equal(await tb.waitForText({ selector: `${PANEL} .dw-deal-title`, text: E.deal }, WAIT), E.deal);
  assert.equal(await tb.waitForText({ selector: `${PANEL} .dw-stage`, text: E.stage }, WAIT), E.stage);
  await tb.screenshot(path.join(OUT, "1-panel.png"));
});

test("changing the stage in the panel reaches the server and shows at once", async () => {
  const dispatched = await tb.run(async function (stage) {
    const doc = messageDocument();
    const select = deepQuery(doc, "#dealwire-panel >>> .dw-stage-select");
    if (!select) throw new Error("no stage selector in the panel");
    select.value = stage;
    select.dispatchEvent(new doc.defaultView.Event("change", { bubbles: true }));
    return select.value;
  }, [E.newStage]);
  assert.equal(dispatched, E.newStage);
  await tb.waitForText({ selector: `${PANEL} .dw-notice`, text: `Stage changed to ${E.newStageName}` }, WAIT);
  await tb.waitForText({ selector: `${PANEL} .dw-stage`, text: E.newStageName }, WAIT);
  await tb.screenshot(path.join(OUT, "2-stage-changed.png"));

  // The server's state, asked the way the add-on asks: works against the fake and the real API.
  const ctx = await api(`/api/context?messageId=${encodeURIComponent(E.messageId)}&email=${encodeURIComponent(E.email)}`);
  const deal = ctx.deals.find(d => d.title === E.deal);
  assert.equal(deal && deal.stage.id, E.newStage);
  if (!FAKE) {
    // The deal itself, as the web app reads it: a person's change, in the stage history.
    const detail = await api(`/api/deals/${encodeURIComponent(deal.id)}`);
    assert.equal(detail.deal.stage.id, E.newStage);
    assert.equal(detail.deal.stageSetByPerson, true);
    assert.ok(detail.history.some(h => h.toStage === E.newStage), `no change to ${E.newStage} in ${JSON.stringify(detail.history)}`);
  }
  if (FAKE) {
    const calls = await (await fetch(`${URL_}/__calls`)).json();
    const post = calls.filter(c => c.method === "POST");
    assert.deepEqual(post.map(c => [c.path, c.body]), [[`/api/deals/${deal.id}/stage`, { stage: E.newStage }]]);
  }
});

test("the popup gives the full deal view", async () => {
  await tb.clickMessageDisplayAction(undefined, { timeoutMs: WAIT });
  const text = await tb.popupText({ waitFor: E.newStageName, timeoutMs: WAIT });
  assert.match(text, new RegExp(E.company));
  assert.match(text, new RegExp(E.deal));
  await tb.shotWindows(path.join(OUT, "3-popup.png"));
  await tb.closePopup();
});

test("internal mail: the panel says so and stays folded", async () => {
  await tb.selectMessage({ messageId: E.internal }, { timeoutMs: WAIT });
  await tb.waitForText({ selector: `${PANEL} .dw-summary`, text: "Internal mail" }, WAIT);
  await tb.screenshot(path.join(OUT, "4-internal.png"));
});

test("unknown sender: the panel offers to create the contact", async () => {
  await tb.openFolder(UNSYNCED_FOLDER, { expect: 1, timeoutMs: WAIT });
  await tb.selectMessage({ messageId: E.unknown }, { timeoutMs: WAIT });
  await tb.waitForText({ selector: `${PANEL} .dw-create-contact`, text: "Create contact" }, WAIT);
  await tb.screenshot(path.join(OUT, "5-unknown.png"));
});

test("dark theme: the panel follows prefers-color-scheme", async () => {
  await tb.run(async function () { Services.prefs.setIntPref("ui.systemUsesDarkTheme", 1); });
  try {
    await showInbox();
    await tb.selectMessage({ messageId: E.messageId }, { timeoutMs: WAIT });
    await tb.waitForText({ selector: `${PANEL} .dw-stage`, text: E.newStageName }, WAIT);
    const background = await tb.run(async function () {
      const doc = messageDocument();
      return doc.defaultView.getComputedStyle(deepQuery(doc, "#dealwire-panel >>> .dw")).backgroundColor;
    });
    assert.equal(background, "rgb(30, 36, 44)");
    await tb.screenshot(path.join(OUT, "6-dark.png"));
  } finally {
    await tb.run(async function () { Services.prefs.clearUserPref("ui.systemUsesDarkTheme"); });
  }
});

test("server down: the panel says so and its retry recovers once the server is back", { skip: !FAKE && "needs the fake API" }, async () => {
  await fetch(`${URL_}/__down`, { method: "POST" });
  try {
    await tb.selectMessage({ messageId: E.internal }, { timeoutMs: WAIT });
    await tb.selectMessage({ messageId: E.messageId }, { timeoutMs: WAIT });
    await tb.waitForText({ selector: `${PANEL} .dw-error`, text: "Cannot reach the Dealwire server" }, WAIT);
    await tb.screenshot(path.join(OUT, "7-server-down.png"));
  } finally {
    await fetch(`${URL_}/__up`, { method: "POST" });
  }
  await tb.run(async function () { deepQuery(messageDocument(), "#dealwire-panel >>> .dw-retry").click(); });
  await tb.waitForText({ selector: `${PANEL} .dw-stage`, text: E.newStageName }, WAIT);
});

/** Opens the team search space, searches, clicks the first hit; the search page runs in the extension
 *  process, so it is driven with a frame script. → {found: what the results showed, done: the end state} */
async function searchAndOpenFirstHit(query) {
  return tb.run(async function (query, wait) {
    const tm = tabmail();
    mainWindow().document.querySelector('[id$="-spacesButton-dealwire_search"]').click();
    const browser = await waitFor("the search tab", () => {
      const b = tm.currentTabInfo?.browser;
      return b && b.currentURI?.spec.endsWith("/src/search.html") && !b.webProgress?.isLoadingDocument ? b : null;
    }, wait);
    const mm = browser.messageManager;
    const reply = new Promise(resolve => {
      const listener = msg => { mm.removeMessageListener("dw:search", listener); resolve(msg.data); };
      mm.addMessageListener("dw:search", listener);
    });
    const script = `(${function (q, wait) {
      const doc = content.document;
      const deadline = Date.now() + wait;
      let clicked = false;
      const step = () => {
        const input = doc.querySelector(".dw-query");
        const hits = doc.querySelectorAll(".dw-hit");
        const notice = doc.querySelector(".dw-notice");
        if (notice) return sendAsyncMessage("dw:search", { notice: notice.textContent, text: doc.body.innerText });
        const detail = doc.querySelector(".dw-detail");  // the hit was not found in Thunderbird
        if (clicked && detail) return sendAsyncMessage("dw:search", { detail: detail.innerText, text: doc.body.innerText });
        if (hits.length && !clicked) {
          clicked = true;
          const found = { hits: hits.length, marks: [...doc.querySelectorAll(".dw-snippet mark")].map(m => m.textContent),
            snippetTags: [...new Set([...doc.querySelectorAll(".dw-snippet *")].map(e => e.localName))], text: doc.body.innerText,
            facets: [...doc.querySelectorAll(".dw-facet")].map(b => b.textContent) };
          sendAsyncMessage("dw:found", found);
          hits[0].click();
        }
        if (Date.now() > deadline) return sendAsyncMessage("dw:search", { error: "timed out", text: doc.body.innerText });
        if (input && !input.dataset.sent && !doc.querySelector(".dw-loading")) {
          input.value = q;
          input.dispatchEvent(new content.Event("input", { bubbles: true }));
          input.dataset.sent = "1";
          input.form.requestSubmit();
        }
        content.setTimeout(step, 100);
      };
      step();
    }})(${JSON.stringify(query)}, ${wait})`;
    let found = null;
    mm.addMessageListener("dw:found", msg => { found = msg.data; });
    mm.loadFrameScript("data:," + encodeURIComponent(script), false);
    const done = await reply;
    return { found, done };
  }, [query, WAIT], { timeoutMs: 3 * WAIT });
}

async function openedMessageTab() {
  const opened = await tb.run(async function (wait) {
    return waitFor("a message tab", () => {
      const info = tabmail().tabInfo.find(t => t.mode.name === "mailMessageTab");
      return info?.message?.messageId;
    }, wait).catch(() => null);
  }, [WAIT], { timeoutMs: 2 * WAIT });
  await tb.run(async function () { const tm = tabmail(); tm.switchToTab(0); });
  return opened;
}

test("team search: the spaces tab finds messages with highlights, and a hit opens in Thunderbird", { skip: !FAKE && "needs the fake API's search fixtures" }, async () => {
  const result = await searchAndOpenFirstHit("quote");
  assert.ok(result.found, `no hits: ${JSON.stringify(result.done)}`);
  assert.equal(result.found.hits, 2);
  assert.deepEqual(result.found.marks, ["quote", "quote"]);
  assert.deepEqual(result.found.snippetTags, ["mark"], "the escaped <b> in the snippet stays text");
  assert.match(result.found.text, /Could you send us a <b>quote<\/b> for 50 seats\?/);
  assert.match(result.done.notice || "", /Opened "Quote for 50 seats" in Thunderbird/, JSON.stringify(result.done));
  await tb.shotWindows(path.join(OUT, "8-search.png"));
  assert.equal(await openedMessageTab(), E.messageId);
});

// Against the real service: its index of the synced fixture mailbox ("quote" is in the inquiry and the reply).
let realSearch = null;
test("team search on the real service: both fixture messages found, highlighted, with their deal and company", { skip: FAKE && "the fake's search is tested above" }, async () => {
  realSearch = await searchAndOpenFirstHit("quote");
  const { found } = realSearch;
  assert.ok(found, `no hits: ${JSON.stringify(realSearch.done)}`);
  await tb.shotWindows(path.join(OUT, "8-search.png"));
  assert.equal(found.hits, 2, found.text);
  assert.deepEqual(found.marks.map(m => m.toLowerCase()), ["quote", "quote"]);
  assert.deepEqual(found.snippetTags, ["mark"]);
  assert.match(found.text, new RegExp(E.deal));
  assert.match(found.text, new RegExp(E.company));
});

// Known mismatches of the real API with the add-on, kept visible until the API changes (see README).
test("team search on the real service: a hit opens the message in Thunderbird", { skip: FAKE && "tested above" }, async () => {
  assert.ok(realSearch, "the search above ran");
  assert.match(realSearch.done.notice || "", /in Thunderbird/, JSON.stringify(realSearch.done));
  assert.ok([E.messageId, "acme-2@dealwire-demo.example"].includes(await openedMessageTab()));
});

test("team search on the real service: facets show names, not record ids", { skip: FAKE && "tested above" }, async () => {
  assert.ok(realSearch?.found, "the search above found something");
  const ids = realSearch.found.facets.filter(f => /^(company|deal)-[0-9a-f-]{36}|^[0-9a-f]{24}\b/.test(f));
  assert.deepEqual(ids, []);
});

test("no errors from the add-on in Thunderbird's log", async () => {
  const lines = (await tb.log()).split("\n").filter(l => /Dealwire/.test(l) && /error/i.test(l));
  assert.deepEqual(lines, []);
});
