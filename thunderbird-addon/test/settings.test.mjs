// Where the server URL and token come from (policy over user), and the options page's save/test.
import test from "node:test";
import assert from "node:assert/strict";
import { D, fakeMessenger, fakeFetch, textOf, oneByClass, byClass, fakeEvent, SERVER, TOKEN } from "./support.mjs";

const S = D.settings;

test("policy values win over the user's and are locked; the rest comes from the user", () => {
  const s = S.resolveSettings({ serverUrl: "https://crm.example.com/" }, { serverUrl: "http://127.0.0.1:9", token: "mine" });
  assert.deepEqual(s, { serverUrl: "https://crm.example.com", token: "mine", locked: { serverUrl: true, token: false }, problems: [] });
});

test("a policy can preset both; an empty policy value does not override the user", () => {
  assert.deepEqual(S.resolveSettings({ serverUrl: "http://127.0.0.1:8080", token: "team" }, { token: "mine" }).token, "team");
  const s = S.resolveSettings({ serverUrl: "  ", token: "" }, { serverUrl: "http://localhost:8080", token: "mine" });
  assert.deepEqual([s.serverUrl, s.token, s.locked.serverUrl, s.locked.token], ["http://localhost:8080", "mine", false, false]);
});

test("without any policy (storage.managed rejects) the user's settings are used", async () => {
  const messenger = fakeMessenger({ managed: null, local: { serverUrl: "http://127.0.0.1:7000/", token: "t" } });
  const s = await S.readSettings(messenger);
  assert.deepEqual([s.serverUrl, s.token, s.locked.serverUrl], ["http://127.0.0.1:7000", "t", false]);
});

test("with a policy, readSettings takes it from storage.managed", async () => {
  const messenger = fakeMessenger({ managed: { serverUrl: "https://crm.example.com", token: "team" }, local: { serverUrl: "http://127.0.0.1:1", token: "mine" } });
  const s = await S.readSettings(messenger);
  assert.deepEqual([s.serverUrl, s.token, s.locked.serverUrl, s.locked.token], ["https://crm.example.com", "team", true, true]);
});

test("a malformed policy URL is reported, not silently replaced by the user's", () => {
  const s = S.resolveSettings({ serverUrl: "crm.example.com" }, { serverUrl: "http://127.0.0.1:1" });
  assert.equal(s.serverUrl, "");
  assert.match(s.problems[0], /^Policy server URL: "crm.example.com" is not a URL/);
});

test("server URLs: normalised, http(s) only, no credentials; loopback and permission patterns", () => {
  assert.equal(S.normalizeServerUrl(" http://127.0.0.1:8080/ "), "http://127.0.0.1:8080");
  assert.equal(S.normalizeServerUrl("https://crm.example.com/dealwire/"), "https://crm.example.com/dealwire");
  assert.throws(() => S.normalizeServerUrl("ftp://x"), /must start with http/);
  assert.throws(() => S.normalizeServerUrl("http://u:p@x"), /token field/);
  assert.ok(S.isLoopback("http://localhost:8080") && S.isLoopback("http://127.0.0.1") && !S.isLoopback("https://crm.example.com"));
  assert.equal(S.originPattern("https://crm.example.com:8443/x"), "https://crm.example.com/*");
});

function options(messengerOptions, { fetchMode } = {}) {
  const messenger = fakeMessenger(messengerOptions);
  const fetch = fakeFetch();
  if (fetchMode) fetch.mode = fetchMode;
  const service = D.service.createService({ messenger, fetch, log: { error() {}, warn() {} } });
  const views = [];
  const page = D.options.createOptions({ messenger, send: r => service.handle(r, {}), render: v => views.push(v) });
  return { messenger, fetch, page, view: () => views.at(-1) };
}

test("options: save stores the values, tests health then /api/me, and says who is connected", async () => {
  const o = options({ local: {} });
  await o.page.init();
  oneByClass(o.view(), "dw-body").children[0].children[1].props.on.input(fakeEvent(`${SERVER}/`));
  o.page.on.set("token", TOKEN);
  await oneByClass(o.view(), "dw-body").props.on.submit(fakeEvent());
  assert.deepEqual(o.messenger.store, { serverUrl: SERVER, token: TOKEN });
  assert.deepEqual(o.fetch.requests.map(r => new URL(r.url).pathname), ["/api/health", "/api/me"]);
  assert.equal(o.fetch.requests[0].init.headers.Authorization, undefined, "health needs no token");
  assert.equal(textOf(oneByClass(o.view(), "dw-notice")), `Connected to ${SERVER} as Marie Dupont (manager).`);
  assert.equal(o.messenger.calls.filter(c => c.name === "permissions.request").length, 0, "loopback needs no extra permission");
});

test("options: a wrong token is saved but the test reports the 401", async () => {
  const o = options({ local: {} });
  await o.page.init();
  o.page.on.set("serverUrl", SERVER);
  o.page.on.set("token", "wrong");
  await o.page.save();
  assert.equal(oneByClass(o.view(), "dw-error").props["data-kind"], "unauthorized");
});

test("options: an unreachable server is reported as such", async () => {
  const o = options({ local: {} }, { fetchMode: "down" });
  await o.page.init();
  o.page.on.set("serverUrl", SERVER);
  o.page.on.set("token", TOKEN);
  await o.page.save();
  assert.equal(oneByClass(o.view(), "dw-error").props["data-kind"], "offline");
});

test("options: a non-loopback server asks for its host permission first; refused → nothing saved", async () => {
  const o = options({ local: {}, grantOnRequest: false });
  await o.page.init();
  o.page.on.set("serverUrl", "https://crm.example.com");
  o.page.on.set("token", TOKEN);
  await o.page.save();
  assert.deepEqual(o.messenger.calls.find(c => c.name === "permissions.request").args[0], ["https://crm.example.com/*"]);
  assert.equal(oneByClass(o.view(), "dw-error").props["data-kind"], "permission");
  assert.deepEqual(o.messenger.store, {});
});

test("options: policy-set fields are shown locked and never saved over", async () => {
  const o = options({ managed: { serverUrl: SERVER }, local: {} });
  await o.page.init();
  const v = o.view();
  assert.equal(byClass(v, "dw-locked").length, 1);
  const urlInput = oneByClass(v, "dw-body").children[0].children[1];
  assert.equal(urlInput.props.disabled, true);
  assert.equal(urlInput.props.value, SERVER);
  o.page.on.set("token", TOKEN);
  await o.page.save();
  assert.deepEqual(o.messenger.store, { token: TOKEN });
  assert.equal(oneByClass(o.view(), "dw-notice").props.role, "status");
});

test("options: input mistakes are explained without calling anything", async () => {
  const o = options({ local: {} });
  await o.page.init();
  o.page.on.set("serverUrl", "crm.example.com");
  o.page.on.set("token", TOKEN);
  await o.page.save();
  assert.match(textOf(oneByClass(o.view(), "dw-error")), /is not a URL/);
  o.page.on.set("serverUrl", SERVER);
  o.page.on.set("token", " ");
  await o.page.save();
  assert.match(textOf(oneByClass(o.view(), "dw-error")), /Enter your API token/);
  assert.equal(o.fetch.requests.length, 0);
});
