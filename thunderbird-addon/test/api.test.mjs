// The API client on its own: URLs, headers, bodies, and every failure mapped to a kind.
import test from "node:test";
import assert from "node:assert/strict";
import { D } from "./support.mjs";

const { createApi, refineQuery } = D.api;

function recorder(respond) {
  const f = async (url, init) => { f.calls.push({ url, init }); return respond(url, init); };
  f.calls = [];
  return f;
}
const json = (status, body, type = "application/json") => new Response(JSON.stringify(body), { status, headers: { "Content-Type": type } });

test("requests carry the bearer token, JSON bodies and encoded path and query parts", async () => {
  const fetch = recorder(() => json(200, { ok: 1 }));
  const api = createApi({ baseUrl: "http://127.0.0.1:8080/", token: "T", fetch });
  await api.context({ messageId: "a+b@x.example", email: "a@x.example" });
  await api.setStage("deal/1", "won");
  await api.search({ q: 'quote company:"Acme"', cursor: "c2" });
  assert.equal(fetch.calls[0].url, "http://127.0.0.1:8080/api/context?messageId=a%2Bb%40x.example&email=a%40x.example");
  assert.equal(fetch.calls[0].init.headers.Authorization, "Bearer T");
  assert.equal(fetch.calls[1].url, "http://127.0.0.1:8080/api/deals/deal%2F1/stage");
  assert.equal(fetch.calls[1].init.method, "POST");
  assert.equal(fetch.calls[1].init.body, '{"stage":"won"}');
  assert.equal(fetch.calls[1].init.headers["Content-Type"], "application/json");
  assert.equal(fetch.calls[2].url, "http://127.0.0.1:8080/api/search?q=quote+company%3A%22Acme%22&limit=20&cursor=c2");
});

test("problem+json errors keep title and detail; 401, 403, 404 get their own kinds", async () => {
  for (const [status, kind] of [[401, "unauthorized"], [403, "forbidden"], [404, "not-found"], [409, "http"], [500, "http"]]) {
    const api = createApi({ baseUrl: "http://h", token: "T", fetch: async () => json(status, { type: "about:blank", title: "Nope", status, detail: `because ${status}` }, "application/problem+json") });
    await assert.rejects(api.me(), e => e.kind === kind && e.status === status && e.detail === `because ${status}` && e.title === "Nope");
  }
});

test("a non-JSON answer is a bad response, a non-JSON error keeps a short detail", async () => {
  const html = createApi({ baseUrl: "http://h", token: "T", fetch: async () => new Response("<html>proxy</html>", { status: 200 }) });
  await assert.rejects(html.me(), e => e.kind === "bad-response" && /did not answer with JSON/.test(e.message));
  const bad = createApi({ baseUrl: "http://h", token: "T", fetch: async () => new Response("Bad Gateway", { status: 502 }) });
  await assert.rejects(bad.me(), e => e.kind === "http" && e.detail === "Bad Gateway" && /answered 502/.test(e.message));
});

test("network failure is offline; no answer in time is a timeout; both name the server", async () => {
  const down = createApi({ baseUrl: "http://h:1", token: "T", fetch: async () => { throw new TypeError("NetworkError"); } });
  await assert.rejects(down.me(), e => e.kind === "offline" && e.message.includes("http://h:1"));
  const slow = createApi({ baseUrl: "http://h:1", token: "T", timeoutMs: 20, fetch: (url, init) => new Promise((_, reject) => init.signal.addEventListener("abort", () => reject(new Error("aborted")))) });
  await assert.rejects(slow.me(), e => e.kind === "timeout" && /did not answer within/.test(e.message));
});

test("a body that stalls after the headers is a timeout too", async () => {
  const api = createApi({ baseUrl: "http://h", token: "T", timeoutMs: 20, fetch: async (url, init) => ({
    ok: true, status: 200, text: () => new Promise((_, reject) => init.signal.addEventListener("abort", () => reject(new Error("aborted")))),
  }) });
  await assert.rejects(api.me(), e => e.kind === "timeout");
});

test("no server or no token: not-configured before any request; health needs no token", async () => {
  const fetch = recorder(() => json(200, { status: "ok" }));
  await assert.rejects(createApi({ baseUrl: "", token: "T", fetch }).me(), e => e.kind === "not-configured");
  await assert.rejects(createApi({ baseUrl: "http://h", token: "", fetch }).me(), e => e.kind === "not-configured");
  assert.equal(fetch.calls.length, 0);
  assert.deepEqual(await createApi({ baseUrl: "http://h", token: "", fetch }).health(), { status: "ok" });
  assert.equal(fetch.calls[0].init.headers.Authorization, undefined);
});

test("each action hits its endpoint with the contract's body", async () => {
  const fetch = recorder(() => json(200, {}));
  const api = createApi({ baseUrl: "http://h", token: "T", fetch });
  await api.linkToDeal("c1", "d2");
  await api.linkToNewDeal("c1", "New");
  await api.ignoreEmail("a@x");
  await api.ignoreDomain("x");
  await api.setPrivate("c1", true);
  await api.createContact({ name: "A", email: "a@x" });
  await api.createDeal({ title: "T", contactEmail: "a@x" });
  assert.deepEqual(fetch.calls.map(c => [new URL(c.url).pathname, JSON.parse(c.init.body)]), [
    ["/api/conversations/c1/link", { dealId: "d2" }],
    ["/api/conversations/c1/link", { newDeal: { title: "New" } }],
    ["/api/ignores", { email: "a@x" }],
    ["/api/ignores", { domain: "x" }],
    ["/api/conversations/c1/private", { private: true }],
    ["/api/contacts", { name: "A", email: "a@x" }],
    ["/api/deals", { title: "T", contactEmail: "a@x" }],
  ]);
});

test("facet refinement appends a quoted field term once", () => {
  assert.equal(refineQuery("quote", "company", "Acme"), 'quote company:"Acme"');
  assert.equal(refineQuery('quote company:"Acme"', "company", "Acme"), 'quote company:"Acme"');
  assert.equal(refineQuery("", "deal", 'Say "hi"'), 'deal:"Say \\"hi\\""');
});
