// The add-on in a real Thunderbird (started by e2e/run.sh): select a customer message in the IMAP
// inbox, check the panel, change the stage from the panel, check the server got it, look at the
// popup and the internal/unknown cases. Screenshots go to $E2E_OUT.
// What the panel must show comes from the fake API's fixtures unless overridden (for a real server):
//   E2E_MESSAGE_ID, E2E_COMPANY, E2E_DEAL, E2E_STAGE, E2E_NEW_STAGE (stage id), E2E_NEW_STAGE_NAME,
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
const PANEL = "#dealwire-panel >>>";
fs.mkdirSync(OUT, { recursive: true });

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
  await tb.openFolder("INBOX", { expect: 3 });
  await tb.selectMessage({ messageId: E.messageId });
  assert.equal(await tb.waitForText({ selector: `${PANEL} .dw-company`, text: E.company }, 20000), E.company);
  assert.equal(await tb.waitForText({ selector: `${PANEL} .dw-deal-title`, text: E.deal }, 5000), E.deal);
  assert.equal(await tb.waitForText({ selector: `${PANEL} .dw-stage`, text: E.stage }, 5000), E.stage);
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
  await tb.waitForText({ selector: `${PANEL} .dw-notice`, text: `Stage changed to ${E.newStageName}` }, 10000);
  await tb.waitForText({ selector: `${PANEL} .dw-stage`, text: E.newStageName }, 10000);
  await tb.screenshot(path.join(OUT, "2-stage-changed.png"));

  // The server's state, asked the way the add-on asks: works against the fake and the real API.
  const ctx = await api(`/api/context?messageId=${encodeURIComponent(E.messageId)}&email=${encodeURIComponent(E.email)}`);
  const deal = ctx.deals.find(d => d.title === E.deal);
  assert.equal(deal && deal.stage.id, E.newStage);
  if (process.env.E2E_FAKE_API) {
    const calls = await (await fetch(`${URL_}/__calls`)).json();
    const post = calls.filter(c => c.method === "POST");
    assert.deepEqual(post.map(c => [c.path, c.body]), [[`/api/deals/${deal.id}/stage`, { stage: E.newStage }]]);
  }
});

test("the popup gives the full deal view", async () => {
  await tb.clickMessageDisplayAction();
  const text = await tb.popupText({ waitFor: E.newStageName });
  assert.match(text, new RegExp(E.company));
  assert.match(text, new RegExp(E.deal));
  await tb.shotWindows(path.join(OUT, "3-popup.png"));
  await tb.closePopup();
});

test("internal mail: the panel says so and stays folded", async () => {
  await tb.selectMessage({ messageId: E.internal });
  await tb.waitForText({ selector: `${PANEL} .dw-summary`, text: "Internal mail" }, 10000);
  await tb.screenshot(path.join(OUT, "4-internal.png"));
});

test("unknown sender: the panel offers to create the contact", async () => {
  await tb.selectMessage({ messageId: E.unknown });
  await tb.waitForText({ selector: `${PANEL} .dw-create-contact`, text: "Create contact" }, 10000);
  await tb.screenshot(path.join(OUT, "5-unknown.png"));
});

test("no errors from the add-on in Thunderbird's log", async () => {
  const lines = (await tb.log()).split("\n").filter(l => /Dealwire/.test(l) && /error/i.test(l));
  assert.deepEqual(lines, []);
});
