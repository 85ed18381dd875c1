// The panel's actions: each calls its endpoint with the right body, is reflected at once, and an
// error from the API is shown in the panel without losing what it showed.
import test from "node:test";
import assert from "node:assert/strict";
import { setup, textOf, byClass, oneByClass, fakeEvent, STRANGER_MESSAGE } from "./support.mjs";

const posts = t => t.api.actions().map(c => [c.path, c.body]);

test("changing the stage posts it, shows the new stage at once and a confirmation", async () => {
  const t = setup();
  await t.panel.load();
  const pending = oneByClass(t.view(), "dw-stage-select").props.on.change(fakeEvent("negotiation"));
  assert.match(textOf(t.view()), /saving…/, "busy while the server works");
  await pending;
  assert.deepEqual(posts(t), [["/api/deals/d-acme-seats/stage", { stage: "negotiation" }]]);
  const v = t.view();
  assert.equal(textOf(oneByClass(v, "dw-stage")), "Negotiation");
  assert.equal(textOf(oneByClass(v, "dw-notice")), "Stage changed to Negotiation.");
  assert.equal(oneByClass(v, "dw-stage-select").props.value, "negotiation");
});

test("choosing the stage the deal already has calls nothing", async () => {
  const t = setup();
  await t.panel.load();
  await oneByClass(t.view(), "dw-stage-select").props.on.change(fakeEvent("proposal"));
  assert.deepEqual(posts(t), []);
});

test("a refused stage change shows the API's problem detail and keeps the old stage", async () => {
  const t = setup();
  await t.panel.load();
  // the fake API answers 422 problem+json for a stage the pipeline does not have
  t.view(); // current view
  await t.panel.on.changeStage("d-acme-seats", "shipped");
  const v = t.view();
  assert.equal(textOf(oneByClass(v, "dw-stage")), "Proposal made");
  const err = oneByClass(v, "dw-action-error");
  assert.match(textOf(err), /422: Unknown stage: No stage "shipped" in this pipeline\./);
  assert.equal(v.props["data-state"], "ready", "the panel keeps its content");
});

test("applying a suggestion accepts it: the deal moves to the suggested stage and the suggestion goes", async () => {
  const t = setup();
  await t.panel.load();
  t.panel.on.selectDeal("d-acme-support");
  await oneByClass(t.view(), "dw-apply-suggestion").props.on.click();
  assert.deepEqual(posts(t), [["/api/deals/d-acme-support/suggestions/sg-1/accept", {}]]);
  assert.equal(textOf(oneByClass(t.view(), "dw-stage")), "Negotiation");
  assert.equal(byClass(t.view(), "dw-suggestions").length, 0);
});

test("dismissing a suggestion keeps the stage and removes the suggestion", async () => {
  const t = setup();
  await t.panel.load();
  t.panel.on.selectDeal("d-acme-support");
  await oneByClass(t.view(), "dw-dismiss-suggestion").props.on.click();
  assert.deepEqual(posts(t), [["/api/deals/d-acme-support/suggestions/sg-1/dismiss", {}]]);
  assert.equal(textOf(oneByClass(t.view(), "dw-stage")), "Qualified");
  assert.equal(byClass(t.view(), "dw-suggestions").length, 0);
});

test("a stage answer without a stage object still shows the new stage at once", async () => {
  const t = setup();
  await t.panel.load();
  // a server whose deal representation carries the stage as a plain id
  const handle = t.api.handle;
  t.api.handle = req => {
    const out = handle(req);
    return req.method === "POST" ? { status: 200, body: { id: "d-acme-seats", stage: "won" } } : out;
  };
  const before = t.views.length;
  await t.panel.on.changeStage("d-acme-seats", "won");
  const stagesShown = t.views.slice(before).map(v => byClass(v, "dw-stage").map(textOf)[0]);
  assert.ok(stagesShown.includes("Won"), stagesShown.join(","));
});

test("linking the conversation to another deal posts the deal id and marks it linked", async () => {
  const t = setup();
  await t.panel.load();
  oneByClass(t.view(), "dw-more").props.on.click();
  const v = t.view();
  assert.deepEqual(byClass(v, "dw-link-select")[0].children.map(textOf), ["Acme — support renewal"]);
  await oneByClass(v, "dw-link").props.on.click();
  assert.deepEqual(posts(t), [["/api/conversations/cv-acme-seats/link", { dealId: "d-acme-support" }]]);
  const after = t.view();
  assert.equal(oneByClass(after, "dw-deal").props["data-id"], "d-acme-support");
  assert.deepEqual(byClass(after, "dw-deal-tab").map(textOf), ["Acme — 50 seats", "Acme — support renewal ✓"]);
});

test("linking to a new deal posts its title; an empty title is refused locally", async () => {
  const t = setup();
  await t.panel.load();
  oneByClass(t.view(), "dw-more").props.on.click();
  await t.panel.on.linkToNewDeal("   ");
  assert.match(textOf(oneByClass(t.view(), "dw-action-error")), /Give the new deal a title/);
  assert.deepEqual(posts(t), []);
  oneByClass(t.view(), "dw-new-deal-title").props.on.input(fakeEvent("Acme — training"));
  await oneByClass(t.view(), "dw-new-deal").props.on.submit(fakeEvent());
  assert.deepEqual(posts(t), [["/api/conversations/cv-acme-seats/link", { newDeal: { title: "Acme — training" } }]]);
  const v = t.view();
  assert.ok(byClass(v, "dw-deal-tab").some(b => textOf(b) === "Acme — training ✓"), textOf(v));
});

test("ignoring the sender posts the address and folds the panel", async () => {
  const t = setup();
  await t.panel.load();
  oneByClass(t.view(), "dw-more").props.on.click();
  await oneByClass(t.view(), "dw-ignore").props.on.click();
  assert.deepEqual(posts(t), [["/api/ignores", { email: "alice@acme.example" }]]);
  const v = t.view();
  assert.match(textOf(v), /Dealwire ignores alice@acme\.example from now on\./);
  assert.equal(byClass(v, "dw-deal").length, 0);
});

test("ignoring the domain posts the domain", async () => {
  const t = setup();
  await t.panel.load();
  oneByClass(t.view(), "dw-more").props.on.click();
  await oneByClass(t.view(), "dw-ignore-domain").props.on.click();
  assert.deepEqual(posts(t), [["/api/ignores", { domain: "acme.example" }]]);
});

test("marking the conversation private posts it and shows the badge", async () => {
  const t = setup();
  await t.panel.load();
  oneByClass(t.view(), "dw-more").props.on.click();
  await oneByClass(t.view(), "dw-mark-private").props.on.click();
  assert.deepEqual(posts(t), [["/api/conversations/cv-acme-seats/private", { private: true }]]);
  const v = t.view();
  assert.equal(textOf(oneByClass(v, "dw-private-badge")), "Private conversation");
  assert.equal(oneByClass(v, "dw-mark-private").props.disabled, true);
});

test("unknown sender: creating the contact posts name and address and shows the contact", async () => {
  const t = setup({ messengerOptions: { displayed: { 1: [STRANGER_MESSAGE] } } });
  await t.panel.load();
  await oneByClass(t.view(), "dw-create-contact").props.on.click();
  assert.deepEqual(posts(t), [["/api/contacts", { name: "Zoé Nouvelle", email: "zoe@newco.example" }]]);
  const v = t.view();
  assert.equal(textOf(oneByClass(v, "dw-contact-name")), "Zoé Nouvelle");
  assert.equal(byClass(v, "dw-create-contact").length, 0);
});

test("unknown sender: creating a deal posts title and contact address and shows the deal", async () => {
  const t = setup({ messengerOptions: { displayed: { 1: [STRANGER_MESSAGE] } } });
  await t.panel.load();
  t.panel.on.setField("newDealTitle", "NewCo partnership");
  await oneByClass(t.view(), "dw-new-deal").props.on.submit(fakeEvent());
  assert.deepEqual(posts(t), [["/api/deals", { title: "NewCo partnership", contactEmail: "zoe@newco.example" }]]);
  const v = t.view();
  assert.equal(textOf(oneByClass(v, "dw-deal-title")), "NewCo partnership");
  assert.equal(textOf(oneByClass(v, "dw-stage")), "Lead");
});

test("an action while the server is down shows why, and the panel keeps its content", async () => {
  const t = setup();
  await t.panel.load();
  t.fetch.mode = "down";
  await t.panel.on.markPrivate();
  const v = t.view();
  assert.equal(oneByClass(v, "dw-action-error").props["data-kind"], "offline");
  assert.equal(textOf(oneByClass(v, "dw-stage")), "Proposal made");
  assert.equal(byClass(v, "dw-private-badge").length, 0, "not marked private when the server did not take it");
});

test("an action answered 401 says the token was refused", async () => {
  const t = setup();
  await t.panel.load();
  t.messenger.store.token = "revoked";
  await t.panel.on.changeStage("d-acme-seats", "won");
  assert.equal(oneByClass(t.view(), "dw-action-error").props["data-kind"], "unauthorized");
  assert.equal(textOf(oneByClass(t.view(), "dw-stage")), "Proposal made");
});

test("the deal link opens in the browser through the background", async () => {
  const t = setup();
  await t.panel.load();
  let prevented = false;
  oneByClass(t.view(), "dw-deal-title").props.on.click({ preventDefault: () => { prevented = true; } });
  await new Promise(r => setTimeout(r, 5));
  assert.ok(prevented);
  assert.deepEqual(t.messenger.calls.filter(c => c.name === "windows.openDefaultBrowser").map(c => c.args[0]), ["http://127.0.0.1:18080/#/deals/d-acme-seats"]);
});
