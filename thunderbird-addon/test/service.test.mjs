// The background's start-up and routing: the panel is registered once and drawn into messages
// already open; managers get the team search space; unknown requests are answered, not dropped.
import test from "node:test";
import assert from "node:assert/strict";
import { D, fakeMessenger, fakeFetch, ALICE_MESSAGE } from "./support.mjs";

const quiet = { error() {}, warn() {} };

test("start registers the display script once and injects it into tabs already showing one message", async () => {
  const messenger = fakeMessenger({
    displayed: { 1: [ALICE_MESSAGE], 2: [], 3: [ALICE_MESSAGE], 4: [ALICE_MESSAGE, ALICE_MESSAGE] },
    tabs: [{ id: 1, type: "mail" }, { id: 2, type: "mail" }, { id: 3, type: "messageDisplay" }, { id: 4, type: "mail" }, { id: 5, type: "addressBook" }],
  });
  const service = D.service.createService({ messenger, fetch: fakeFetch(), log: quiet });
  await service.start();
  await service.start(); // a restart of the background must not register twice
  const registered = messenger.calls.filter(c => c.name === "registerScripts");
  assert.equal(registered.length, 1);
  assert.equal(registered[0].args[0][0].js.at(-1), "src/display.js");
  const injected = messenger.calls.filter(c => c.name === "executeScript").map(c => c.args[0].target.tabId);
  assert.deepEqual(injected, [1, 3, 1, 3]);
});

test("every script the panel needs is in the registration, display.js last", () => {
  const js = D.service.DISPLAY_SCRIPT.js;
  for (const f of ["vdom", "format", "styles", "panel-view", "panel"]) assert.ok(js.includes(`src/lib/${f}.js`), f);
  assert.equal(js.at(-1), "src/display.js");
});

test("the search space is created for a manager and removed when the role changes", async () => {
  const messenger = fakeMessenger();
  const fetch = fakeFetch();
  const service = D.service.createService({ messenger, fetch, log: quiet });
  await service.start();
  assert.deepEqual(messenger.spaceList.map(s => [s.name, s.url]), [["dealwire_search", "src/search.html"]]);
  fetch.api.db.me.role = "rep";
  await service.handle({ type: "dealwire:me" }, {});
  assert.deepEqual(messenger.spaceList, []);
});

test("a rep gets no search space; an unreachable server at start-up is not fatal", async () => {
  const messenger = fakeMessenger();
  const fetch = fakeFetch();
  fetch.api.db.me.role = "rep";
  await D.service.createService({ messenger, fetch, log: quiet }).start();
  assert.deepEqual(messenger.spaceList, []);
  const down = fakeFetch();
  down.mode = "down";
  await D.service.createService({ messenger: fakeMessenger(), fetch: down, log: quiet }).start();
});

test("requests: foreign messages are ignored, unknown dealwire requests and actions answered with an error", async () => {
  const service = D.service.createService({ messenger: fakeMessenger(), fetch: fakeFetch(), log: quiet });
  assert.equal(service.handle({ type: "something-else" }, {}), undefined);
  assert.equal(service.handle(null, {}), undefined);
  const unknown = await service.handle({ type: "dealwire:nope" }, {});
  assert.equal(unknown.ok, false);
  assert.match(unknown.error.message, /Unknown request dealwire:nope/);
  const badAction = await service.handle({ type: "dealwire:action", name: "dropTables", args: {} }, {});
  assert.match(badAction.error.message, /Unknown action dropTables/);
});

test("openUrl refuses anything but http(s)", async () => {
  const messenger = fakeMessenger();
  const service = D.service.createService({ messenger, fetch: fakeFetch(), log: quiet });
  const r = await service.handle({ type: "dealwire:openUrl", url: "javascript:alert(1)" }, {});
  assert.equal(r.ok, false);
  assert.equal(messenger.calls.filter(c => c.name === "windows.openDefaultBrowser").length, 0);
});
