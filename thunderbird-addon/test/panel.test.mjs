// The panel for each state of the displayed message, through the real background service and API
// client, with a fake Thunderbird and a fake server.
import test from "node:test";
import assert from "node:assert/strict";
import { setup, textOf, byClass, oneByClass, ALICE_MESSAGE, COLLEAGUE_MESSAGE, STRANGER_MESSAGE, SERVER } from "./support.mjs";

test("known contact with two deals: contact, linked deal first, stage with evidence, reply state, timeline, app link", async () => {
  const t = setup();
  await t.panel.load();
  const v = t.view();
  const text = textOf(v);
  assert.equal(v.props["data-state"], "ready");
  assert.match(text, /Alice Martin — Head of Procurement · Acme Corp/);
  const tabs = byClass(v, "dw-deal-tab");
  assert.deepEqual(tabs.map(textOf), ["Acme — 50 seats ✓", "Acme — support renewal"]);
  assert.equal(tabs[0].props["aria-pressed"], "true");
  assert.equal(textOf(oneByClass(v, "dw-stage")), "Proposal made");
  assert.equal(textOf(oneByClass(v, "dw-evidence")), "Proposal made — you sent Devis_2025-031.pdf on 3 Mar");
  assert.equal(textOf(oneByClass(v, "dw-reply")), "Awaiting reply for 4 days");
  assert.equal(byClass(v, "dw-inactive").length, 0);
  assert.equal(oneByClass(v, "dw-deal-title").props.href, `${SERVER}/#/deals/d-acme-seats`);
  const timeline = oneByClass(v, "dw-timeline");
  assert.equal(timeline.children.length, 3, "the compact panel shows the last three items");
  assert.match(textOf(timeline.children[0]), /^3 Mar → Re: Quote for 50 seats/);
  // the request carried the Message-ID and the sender's address, with the token
  const req = t.fetch.requests.find(r => r.url.includes("/api/context"));
  assert.equal(new URL(req.url).searchParams.get("messageId"), "acme-1@acme.example");
  assert.equal(new URL(req.url).searchParams.get("email"), "alice@acme.example");
  assert.equal(req.init.headers.Authorization, "Bearer dw-test-token");
});

test("several deals: picking the other deal shows its stage, reply state, inactivity and suggestion", async () => {
  const t = setup();
  await t.panel.load();
  byClass(t.view(), "dw-deal-tab")[1].props.on.click();
  const v = t.view();
  assert.equal(textOf(oneByClass(v, "dw-stage")), "Qualified");
  assert.equal(textOf(oneByClass(v, "dw-reply")), "Needs reply — waiting 21 days");
  assert.equal(oneByClass(v, "dw-reply").props["data-kind"], "needs-reply");
  assert.equal(textOf(oneByClass(v, "dw-inactive")), "Inactive — no activity for 21 days");
  assert.match(textOf(oneByClass(v, "dw-suggestions")), /Suggested: Negotiation — can you do better on the price\? on 14 Feb Apply Dismiss$/);
});

test("the popup (full mode) shows every evidence item and is not collapsible", async () => {
  const t = setup({ mode: "full", tabId: 1 });
  await t.panel.load();
  const v = t.view();
  assert.equal(byClass(v, "dw-toggle").length, 0);
  assert.equal(oneByClass(v, "dw-evidence").children.length, 2);
  assert.equal(oneByClass(v, "dw-timeline").children.length, 4);
});

test("collapsing folds the panel to one summary line and back", async () => {
  const t = setup();
  await t.panel.load();
  oneByClass(t.view(), "dw-toggle").props.on.click();
  let v = t.view();
  assert.equal(byClass(v, "dw-body").length, 0);
  assert.equal(textOf(oneByClass(v, "dw-summary")), "Acme Corp · Acme — 50 seats · Proposal made");
  assert.equal(oneByClass(v, "dw-toggle").props["aria-expanded"], "false");
  oneByClass(v, "dw-toggle").props.on.click();
  v = t.view();
  assert.equal(byClass(v, "dw-body").length, 1);
});

test("unknown sender: offers to create the contact or a deal", async () => {
  const t = setup({ messengerOptions: { displayed: { 1: [STRANGER_MESSAGE] } } });
  await t.panel.load();
  const v = t.view();
  assert.match(textOf(v), /Not in Dealwire yet: Zoé Nouvelle <zoe@newco\.example>/);
  assert.equal(byClass(v, "dw-create-contact").length, 1);
  assert.equal(textOf(oneByClass(v, "dw-new-deal-submit")), "Create deal");
  assert.equal(byClass(v, "dw-deal").length, 0);
});

test("internal mail: says so, folded, with no actions", async () => {
  const t = setup({ messengerOptions: { displayed: { 1: [COLLEAGUE_MESSAGE] } } });
  await t.panel.load();
  let v = t.view();
  assert.equal(v.props["data-state"], "internal");
  assert.equal(textOf(oneByClass(v, "dw-summary")), "Internal mail");
  assert.equal(byClass(v, "dw-body").length, 0, "stays out of the way");
  oneByClass(v, "dw-toggle").props.on.click();
  v = t.view();
  assert.match(textOf(v), /Internal mail — nothing for Dealwire here/);
  assert.equal(byClass(v, "dw-stage-select").length + byClass(v, "dw-create-contact").length, 0);
});

test("server down: a clear message and a retry that recovers", async () => {
  const t = setup();
  t.fetch.mode = "down";
  await t.panel.load();
  let v = t.view();
  assert.equal(v.props["data-state"], "error");
  assert.equal(oneByClass(v, "dw-error").props["data-kind"], "offline");
  assert.match(textOf(v), /Cannot reach the Dealwire server at http:\/\/127\.0\.0\.1:18080/);
  t.fetch.mode = "up";
  await oneByClass(v, "dw-retry").props.on.click();
  v = t.view();
  assert.equal(v.props["data-state"], "ready");
  assert.equal(textOf(oneByClass(v, "dw-stage")), "Proposal made");
});

test("bad token (401): says the token was refused and offers the settings", async () => {
  const t = setup({ messengerOptions: { local: { serverUrl: "http://127.0.0.1:18080", token: "wrong" } } });
  await t.panel.load();
  const v = t.view();
  assert.equal(oneByClass(v, "dw-error").props["data-kind"], "unauthorized");
  assert.match(textOf(v), /refused the API token \(401\)/);
  await oneByClass(v, "dw-open-settings").props.on.click();
  assert.ok(t.messenger.calls.some(c => c.name === "runtime.openOptionsPage"));
  assert.equal(byClass(v, "dw-retry").length, 1);
});

test("slow server: gives up after the timeout with a retry, never stays on loading", async () => {
  const t = setup({ timeoutMs: 30 });
  t.fetch.mode = "slow";
  const loading = t.panel.load();
  assert.equal(t.view().props["data-state"], "loading");
  assert.match(textOf(t.view()), /Loading deal context/);
  await loading;
  const v = t.view();
  assert.equal(oneByClass(v, "dw-error").props["data-kind"], "timeout");
  assert.match(textOf(v), /did not answer within/);
  assert.equal(byClass(v, "dw-retry").length, 1);
});

test("a background that never answers still ends in an error with a retry", async () => {
  const views = [];
  const { D } = await import("./support.mjs");
  const panel = D.panel.createPanel({ send: () => new Promise(() => {}), render: v => views.push(v), guardMs: 20 });
  await panel.load();
  assert.equal(views.at(-1).props["data-state"], "error");
  assert.equal(byClass(views.at(-1), "dw-retry").length, 1);
});

test("not configured: asks for the settings instead of calling anything", async () => {
  const t = setup({ messengerOptions: { local: {} } });
  await t.panel.load();
  const v = t.view();
  assert.equal(oneByClass(v, "dw-error").props["data-kind"], "not-configured");
  assert.equal(byClass(v, "dw-open-settings").length, 1);
  assert.equal(t.fetch.requests.length, 0);
});

test("a non-loopback server without granted host permission: explains, calls nothing", async () => {
  const t = setup({ messengerOptions: { local: { serverUrl: "https://crm.example.com", token: "x" } } });
  await t.panel.load();
  assert.equal(oneByClass(t.view(), "dw-error").props["data-kind"], "permission");
  assert.equal(t.fetch.requests.length, 0);
});

test("a non-loopback server with the permission granted is called", async () => {
  const t = setup({ messengerOptions: { local: { serverUrl: "https://crm.example.com/", token: "dw-test-token" }, granted: ["https://crm.example.com/*"] } });
  await t.panel.load();
  assert.equal(t.view().props["data-state"], "ready");
  assert.ok(t.fetch.requests[0].url.startsWith("https://crm.example.com/api/context?"));
});

test("no message or several messages displayed: a quiet note, not an error box", async () => {
  const t = setup({ messengerOptions: { displayed: { 1: [ALICE_MESSAGE, STRANGER_MESSAGE] } } });
  await t.panel.load();
  assert.match(textOf(t.view()), /Several messages are selected/);
  assert.equal(byClass(t.view(), "dw-error").length, 0);
});

test("a folded panel stays folded on the next message; internal mail does not change the choice", async () => {
  const t = setup();
  await t.panel.load();
  oneByClass(t.view(), "dw-toggle").props.on.click();
  await new Promise(r => setTimeout(r, 5));
  assert.equal(t.messenger.store.panelCollapsed, true);
  const next = setup({ messengerOptions: { local: { ...t.messenger.store } } });
  await next.panel.load();
  assert.equal(byClass(next.view(), "dw-body").length, 0, "starts folded");
  assert.equal(textOf(oneByClass(next.view(), "dw-summary")), "Acme Corp · Acme — 50 seats · Proposal made");
  const internal = setup({ messengerOptions: { displayed: { 1: [COLLEAGUE_MESSAGE] } } });
  await internal.panel.load();
  oneByClass(internal.view(), "dw-toggle").props.on.click();
  await new Promise(r => setTimeout(r, 5));
  assert.equal(internal.messenger.store.panelCollapsed, undefined);
});

test("won and lost stages are styled by their kind", async () => {
  const t = setup();
  await t.panel.load();
  await t.panel.on.changeStage("d-acme-seats", "won");
  assert.ok(oneByClass(t.view(), "dw-stage").props.class.includes("dw-stage-won"));
});
