// Nothing from the server becomes markup: snippets keep <mark> and nothing else; subjects, names
// and every other string are text nodes; mount() refuses handlers, styles and script URLs.
import test from "node:test";
import assert from "node:assert/strict";
import { D, FakeDocument, elements, setup, textOf } from "./support.mjs";

const { parseHighlighted, highlighted } = D.highlight;
const { h, mount, safeUrl } = D.vdom;
const mountAll = nodes => mount(h("div", null, nodes), new FakeDocument());

test("a snippet keeps its <mark> highlights as elements and decodes escaped text", () => {
  assert.deepEqual(parseHighlighted("send us a &lt;b&gt;<mark>quote</mark>&lt;/b&gt; &amp; more &#39;ok&#x27;"), [
    { text: "send us a <b>", mark: false }, { text: "quote", mark: true }, { text: "</b> & more 'ok'", mark: false },
  ]);
  const el = mountAll(highlighted("a <mark>quote</mark> b"));
  assert.deepEqual(elements(el).map(e => e.tagName), ["DIV", "MARK"]);
  assert.equal(el.textContent, "a quote b");
});

for (const evil of [
  "<script>alert(1)</script><mark>hit</mark>",
  "<img src=x onerror=alert(1)>",
  "<mark onclick=alert(1)>x</mark>",
  "<MARK><svg onload=alert(1)></MARK>",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "<mark><mark>nested</mark></mark></mark>",
]) {
  test(`snippet ${JSON.stringify(evil)} yields text and <mark> only`, () => {
    const el = mountAll(highlighted(evil));
    const tags = elements(el).map(e => e.tagName).filter(t => t !== "DIV");
    assert.ok(tags.every(t => t === "MARK"), `unexpected elements ${tags}`);
    for (const m of elements(el).filter(e => e.tagName === "MARK")) assert.deepEqual(m.attributes, {});
  });
}

test("an <img onerror> snippet survives as visible text, not as an element", () => {
  const el = mountAll(highlighted("<img src=x onerror=alert(1)>"));
  assert.equal(el.textContent, "<img src=x onerror=alert(1)>");
});

test("search results with hostile subject, sender and snippet render only allowed elements", async () => {
  const hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
  const views = [];
  const search = D.search.createSearch({
    send: async req => req.type === "dealwire:search"
      ? { ok: true, value: { serverUrl: "http://127.0.0.1:1", result: { total: 1, next: null, facets: { company: { [hostile]: 1 } },
        hits: [{ messageId: "m1", conversationId: "c1", subject: hostile, from: hostile, date: "2026-03-01T00:00:00Z", snippet: `${hostile}<mark>hit</mark>`, deal: hostile, stage: hostile, company: hostile }] } } }
      : { ok: true, value: { user: { name: hostile, role: "manager" }, serverUrl: "http://127.0.0.1:1" } },
    render: v => views.push(v),
  });
  await search.init();
  search.on.setQuery("hit");
  await search.on.submit();
  const el = mount(views.at(-1), new FakeDocument());
  const tags = new Set(elements(el).map(e => e.tagName));
  assert.ok(!tags.has("SCRIPT") && !tags.has("IMG"), [...tags].join(","));
  assert.ok(tags.has("MARK"));
  assert.ok(el.textContent.includes("<script>alert(1)</script>"), "shown as text");
  for (const e of elements(el)) for (const k of Object.keys(e.attributes)) assert.ok(!k.startsWith("on"), `attribute ${k}`);
});

test("the panel renders hostile names, titles and timeline text as text", async () => {
  const t = setup();
  const c = t.api.db.contacts[0];
  c.name = "<img src=x onerror=alert(1)>";
  c.title = "<script>alert(2)</script>";
  t.api.db.timeline[0].snippet = "<iframe src=javascript:alert(3)>";
  t.api.db.deals[0].title = "<a href=javascript:alert(4)>deal</a>";
  await t.panel.load();
  const el = mount(t.view(), new FakeDocument());
  const tags = new Set(elements(el).map(e => e.tagName));
  for (const bad of ["IMG", "SCRIPT", "IFRAME"]) assert.ok(!tags.has(bad), `${bad} in ${[...tags]}`);
  assert.ok(textOf(t.view()).includes("<img src=x onerror=alert(1)>"));
  for (const a of elements(el).filter(e => e.tagName === "A")) assert.match(a.attributes.href, /^http:\/\/127\.0\.0\.1:18080\/#\/deals\//);
});

test("mount refuses event-handler attributes, style and unknown tags", () => {
  const doc = new FakeDocument();
  assert.throws(() => mount({ tag: "div", props: { onclick: "alert(1)" }, children: [] }, doc), /attribute onclick is not allowed/);
  assert.throws(() => mount({ tag: "div", props: { style: "x" }, children: [] }, doc), /attribute style/);
  assert.throws(() => h("script", null, "alert(1)"), /tag <script> is not allowed/);
  assert.throws(() => mount({ tag: "iframe", props: {}, children: [] }, doc), /createElement|not allowed|iframe/i);
});

test("links: only http(s) and fragments; javascript: and data: become #", () => {
  assert.equal(safeUrl("https://crm.example.com/#/deals/1"), "https://crm.example.com/#/deals/1");
  assert.equal(safeUrl("javascript:alert(1)"), "#");
  assert.equal(safeUrl(" JaVaScRiPt:alert(1)"), "#");
  assert.equal(safeUrl("data:text/html,<script>"), "#");
  const a = mount(h("a", { href: "javascript:alert(1)" }, "x"), new FakeDocument());
  assert.equal(a.attributes.href, "#");
});
