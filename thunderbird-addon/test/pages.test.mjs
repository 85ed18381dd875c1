// Each page boots from its own HTML's script list (popup, search tab, options, display script),
// in a fresh context like the browser's, against the background service; and static safety checks
// on the shipped sources and the manifest.
import test from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { fileURLToPath } from "node:url";
import { D, FakeDocument, fakeMessenger, fakeFetch, flush } from "./support.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "manifest.json"), "utf8"));

function scriptsOf(page) {
  const html = fs.readFileSync(path.join(ROOT, page), "utf8");
  assert.ok(!/<script(?![^>]*\bsrc=)[^>]*>/i.test(html), `${page} has an inline script (blocked by the CSP)`);
  assert.ok(!/\son[a-z]+=/i.test(html), `${page} has an inline event handler`);
  return [...html.matchAll(/<script src="([^"]+)"><\/script>/g)].map(m => path.join(path.dirname(page), m[1]));
}

/** Runs files in a fresh global with a fake document and a messenger whose sendMessage reaches the background service. */
async function boot(files, { messengerOptions, document = new FakeDocument(), body } = {}) {
  const messenger = fakeMessenger(messengerOptions);
  const service = D.service.createService({ messenger, fetch: fakeFetch(), log: { error() {}, warn() {} } });
  const pageMessenger = { ...messenger, runtime: { ...messenger.runtime, sendMessage: m => service.handle(m, { tab: { id: 1 } }) },
    tabs: { query: async () => [{ id: 1, type: "mail", active: true }] } };
  if (body) body(document);
  const context = vm.createContext({ document, messenger: pageMessenger, browser: pageMessenger, console, URL, setTimeout, clearTimeout, Intl, AbortController, Promise });
  context.globalThis = context;
  for (const f of files) vm.runInContext(fs.readFileSync(path.join(ROOT, f), "utf8"), context, { filename: f });
  for (let i = 0; i < 20; i++) await flush();
  return { document, context, messenger };
}
const withApp = doc => { const app = doc.createElement("div"); app.setAttribute("id", "app"); doc.body.appendChild(app); };

test("popup.html boots and shows the deal of the active tab's message", async () => {
  const { document } = await boot(scriptsOf("src/popup.html"), { body: withApp });
  assert.match(document.getElementById("app").textContent, /Acme — 50 seatsProposal made/);
});

test("search.html boots and greets the signed-in user", async () => {
  const { document } = await boot(scriptsOf("src/search.html"), { body: withApp });
  assert.match(document.getElementById("app").textContent, /Dealwire team searchMarie Dupont \(manager\)/);
});

test("options.html boots with the saved settings", async () => {
  const { document } = await boot(scriptsOf("src/options.html"), { body: withApp });
  assert.match(document.getElementById("app").textContent, /Dealwire settingsServer URLAPI token/);
});

test("the registered display scripts draw the panel once, in a shadow root at the top of the message", async () => {
  const files = D.service.DISPLAY_SCRIPT.js;
  const document = new FakeDocument();
  const { context } = await boot(files, { document });
  vm.runInContext(fs.readFileSync(path.join(ROOT, "src/display.js"), "utf8"), context); // injected twice
  const hosts = document.body.childNodes.filter(n => n.attributes && n.attributes.id === "dealwire-panel");
  assert.equal(hosts.length, 1);
  assert.equal(document.body.childNodes[0], hosts[0]);
  assert.match(hosts[0].shadow.textContent, /Alice Martin/);
});

test("the background's script list loads the service and wires it", () => {
  const files = manifest.background.scripts;
  assert.equal(files.at(-1), "src/background.js");
  for (const f of ["vdom", "format", "api", "settings", "service"]) assert.ok(files.includes(`src/lib/${f}.js`), f);
});

test("no shipped source parses HTML or evaluates strings", () => {
  const files = fs.readdirSync(path.join(ROOT, "src"), { recursive: true }).filter(f => f.endsWith(".js"));
  assert.ok(files.length > 10);
  for (const f of files) {
    const code = fs.readFileSync(path.join(ROOT, "src", f), "utf8").replace(/^\s*\/\/.*$/gm, "");
    for (const bad of [/\.innerHTML\b/, /\.outerHTML\b/, /insertAdjacentHTML/, /\beval\s*\(/, /new Function\b/, /document\.write/, /DOMParser/]) {
      assert.ok(!bad.test(code), `${f} uses ${bad}`);
    }
  }
});

test("manifest: loopback host permissions only, others optional; strict CSP; MV3, id, min version 128", () => {
  assert.equal(manifest.manifest_version, 3);
  assert.equal(manifest.browser_specific_settings.gecko.id, "dealwire@dealwire.io");
  assert.equal(manifest.browser_specific_settings.gecko.strict_min_version, "128.0");
  assert.deepEqual(manifest.host_permissions, ["http://127.0.0.1/*", "http://localhost/*"]);
  assert.deepEqual(manifest.optional_host_permissions.sort(), ["http://*/*", "https://*/*"]);
  assert.equal(manifest.content_security_policy.extension_pages, "script-src 'self'; object-src 'none'");
});
