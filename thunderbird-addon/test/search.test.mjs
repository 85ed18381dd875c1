// The team search tab: query, facets, paging, opening a hit in Thunderbird or from the server.
import test from "node:test";
import assert from "node:assert/strict";
import { D, fakeMessenger, fakeFetch, textOf, byClass, oneByClass, fakeEvent, ALICE_MESSAGE, SERVER } from "./support.mjs";

function searchPage(messengerOptions) {
  const messenger = fakeMessenger(messengerOptions);
  const fetch = fakeFetch();
  const service = D.service.createService({ messenger, fetch, log: { error() {}, warn() {} } });
  const views = [];
  const page = D.search.createSearch({ send: r => service.handle(r, {}), render: v => views.push(v) });
  return { messenger, fetch, page, view: () => views.at(-1) };
}
const searches = s => s.fetch.requests.filter(r => r.url.includes("/api/search")).map(r => Object.fromEntries(new URL(r.url).searchParams));

test("a query shows the total, highlighted hits and facets with counts", async () => {
  const s = searchPage();
  await s.page.init();
  assert.match(textOf(s.view()), /Marie Dupont \(manager\)/);
  oneByClass(s.view(), "dw-query").props.on.input(fakeEvent("quote"));
  await oneByClass(s.view(), "dw-search-form").props.on.submit(fakeEvent());
  assert.deepEqual(searches(s), [{ q: "quote", limit: "20" }]);
  const v = s.view();
  assert.equal(textOf(oneByClass(v, "dw-total")), "2 messages");
  const hits = byClass(v, "dw-hit");
  assert.deepEqual(hits.map(h => h.props["data-id"]), ["acme-1@acme.example", "globex-9@globex.example"]);
  const snippet = byClass(hits[0], "dw-snippet")[0];
  assert.equal(textOf(snippet), "Could you send us a <b>quote</b> for 50 seats?");
  assert.deepEqual(snippet.children.filter(c => c.tag).map(c => [c.tag, textOf(c)]), [["mark", "quote"]]);
  assert.deepEqual(byClass(v, "dw-facet").map(textOf).slice(0, 2), ["Acme Corp (1)", "Globex (1)"]);
});

test("a facet narrows the query and searches again", async () => {
  const s = searchPage();
  await s.page.init();
  s.page.on.setQuery("quote");
  await s.page.on.submit();
  await byClass(s.view(), "dw-facet").find(b => b.props["data-id"] === "company:Acme Corp").props.on.click();
  assert.deepEqual(searches(s).at(-1), { q: 'quote company:"Acme Corp"', limit: "20" });
  assert.deepEqual(byClass(s.view(), "dw-hit").map(h => h.props["data-id"]), ["acme-1@acme.example"]);
  assert.equal(oneByClass(s.view(), "dw-query").props.value, 'quote company:"Acme Corp"');
});

test("more results follow the cursor and append", async () => {
  const s = searchPage();
  s.fetch.api.db.searchHits = Array.from({ length: 25 }, (_, i) => ({ messageId: `m${i}@x`, conversationId: `c${i}`, subject: `quote ${i}`, from: "x", date: "2026-01-01T00:00:00Z", snippet: "<mark>quote</mark>", company: "X" }));
  await s.page.init();
  s.page.on.setQuery("quote");
  await s.page.on.submit();
  assert.equal(byClass(s.view(), "dw-hit").length, 20);
  await oneByClass(s.view(), "dw-load-more").props.on.click();
  assert.deepEqual(searches(s).at(-1), { q: "quote", limit: "20", cursor: "20" });
  assert.equal(byClass(s.view(), "dw-hit").length, 25);
  assert.equal(byClass(s.view(), "dw-load-more").length, 0);
});

test("a hit this profile has opens in Thunderbird by Message-ID", async () => {
  const s = searchPage({ library: [ALICE_MESSAGE] });
  await s.page.init();
  s.page.on.setQuery("quote");
  await s.page.on.submit();
  await byClass(s.view(), "dw-hit")[0].props.on.click();
  assert.deepEqual(s.messenger.calls.find(c => c.name === "messages.query").args[0], { headerMessageId: "acme-1@acme.example" });
  assert.deepEqual(s.messenger.calls.find(c => c.name === "messageDisplay.open").args[0], { messageId: ALICE_MESSAGE.id, location: "tab" });
  assert.match(textOf(oneByClass(s.view(), "dw-notice")), /Opened "Quote for 50 seats" in Thunderbird/);
});

test("a hit this profile lacks is shown from the server with a link to the web app", async () => {
  const s = searchPage({ library: [] });
  await s.page.init();
  s.page.on.setQuery("quote");
  await s.page.on.submit();
  await byClass(s.view(), "dw-hit")[1].props.on.click();
  const v = s.view();
  const detail = oneByClass(v, "dw-detail");
  assert.match(textOf(detail), /not in your Thunderbird.*Quote request/s);
  assert.equal(byClass(v, "dw-hit").length, 0);
  const link = detail.children.at(-1).children[0];
  assert.equal(link.props.href, `${SERVER}/#/conversations/cv-globex`);
  oneByClass(v, "dw-close-detail").props.on.click();
  assert.equal(byClass(s.view(), "dw-hit").length, 2);
});

test("no hits, server down and 401 each say so, with a retry", async () => {
  const s = searchPage();
  await s.page.init();
  s.page.on.setQuery("nothingmatches");
  await s.page.on.submit();
  assert.match(textOf(oneByClass(s.view(), "dw-no-hits")), /Nothing found for "nothingmatches"/);
  s.fetch.mode = "down";
  await s.page.on.submit();
  assert.equal(oneByClass(s.view(), "dw-error").props["data-kind"], "offline");
  s.fetch.mode = "up";
  await oneByClass(s.view(), "dw-retry").props.on.click();
  assert.equal(s.view().props["data-state"], "ready");
  s.messenger.store.token = "bad";
  await s.page.on.submit();
  assert.equal(oneByClass(s.view(), "dw-error").props["data-kind"], "unauthorized");
});
