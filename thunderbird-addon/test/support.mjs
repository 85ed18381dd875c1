// Test support: loads the add-on's classic scripts into this process (they attach to
// globalThis.Dealwire, as in Thunderbird), and provides a fake `messenger`, a fake fetch backed by
// the fake API, a minimal DOM for mount(), and helpers to read view trees.
import { createRequire } from "node:module";
import { createFakeApi } from "../e2e/fake-api.mjs";

const require = createRequire(import.meta.url);
for (const f of ["vdom", "format", "highlight", "api", "settings", "styles", "panel-view", "panel", "search-view", "search", "options", "service"]) {
  require(`../src/lib/${f}.js`);
}
export const D = globalThis.Dealwire;
export const SERVER = "http://127.0.0.1:18080";
export const TOKEN = "dw-test-token";

export const ALICE_MESSAGE = { id: 101, headerMessageId: "acme-1@acme.example", author: "Alice Martin <alice@acme.example>", subject: "Quote for 50 seats", date: new Date("2026-03-02T15:30:00Z") };
export const COLLEAGUE_MESSAGE = { id: 102, headerMessageId: "int-1@dealwire-demo.example", author: "Jean Petit <jean@dealwire-demo.example>", subject: "Lunch?", date: new Date("2026-03-04T12:00:00Z") };
export const STRANGER_MESSAGE = { id: 103, headerMessageId: "x-1@newco.example", author: "\"Zoé Nouvelle\" <Zoe@NewCo.example>", subject: "Hello", date: new Date("2026-03-05T08:00:00Z") };

/** A fetch that answers from the fake API; `mode` switches to down / slow / a canned status. */
export function fakeFetch(api = createFakeApi()) {
  const f = async (url, init = {}) => {
    f.requests.push({ url, init });
    if (f.mode === "down") throw new TypeError("NetworkError when attempting to fetch resource.");
    if (f.mode === "slow") {
      return new Promise((_, reject) => {
        init.signal.addEventListener("abort", () => reject(new DOMException("The operation was aborted.", "AbortError")));
      });
    }
    const u = new URL(url);
    const headers = Object.fromEntries(Object.entries(init.headers || {}).map(([k, v]) => [k.toLowerCase(), v]));
    const out = api.handle({ method: init.method || "GET", path: u.pathname, query: Object.fromEntries(u.searchParams), body: init.body ? JSON.parse(init.body) : null, headers });
    const type = out.status >= 400 ? "application/problem+json" : "application/json";
    return new Response(JSON.stringify(out.body), { status: out.status, headers: { "Content-Type": type } });
  };
  f.requests = [];
  f.mode = "up";
  f.api = api;
  return f;
}

/** A fake of the parts of Thunderbird's `messenger` the add-on uses; records what it is asked. */
export function fakeMessenger({ managed = null, local = { serverUrl: SERVER, token: TOKEN }, displayed = { 1: [ALICE_MESSAGE] }, library = [ALICE_MESSAGE], granted = [], grantOnRequest = true, tabs } = {}) {
  const calls = [];
  const rec = (name, ...args) => calls.push({ name, args });
  const store = { ...local };
  const spaceList = [];
  const registered = [];
  return {
    calls, store, spaceList, registered,
    storage: {
      managed: { get: async () => { rec("storage.managed.get"); if (!managed) throw new Error("Managed storage manifest not found"); return { ...managed }; } },
      local: {
        get: async keys => Object.fromEntries((keys || Object.keys(store)).filter(k => k in store).map(k => [k, store[k]])),
        set: async obj => { rec("storage.local.set", obj); Object.assign(store, obj); },
      },
    },
    permissions: {
      contains: async ({ origins }) => origins.every(o => granted.includes(o)),
      request: async ({ origins }) => { rec("permissions.request", origins); if (grantOnRequest) granted.push(...origins); return grantOnRequest; },
    },
    messageDisplay: {
      getDisplayedMessages: async tabId => ({ id: null, messages: displayed[tabId] || [] }),
      open: async props => { rec("messageDisplay.open", props); return {}; },
    },
    messages: {
      query: async info => { rec("messages.query", info); return { id: null, messages: library.filter(m => m.headerMessageId === info.headerMessageId) }; },
    },
    scripting: {
      messageDisplay: {
        getRegisteredScripts: async () => registered.slice(),
        registerScripts: async scripts => { rec("registerScripts", scripts); registered.push(...scripts); },
      },
      executeScript: async details => { rec("executeScript", details); return []; },
    },
    tabs: { query: async () => tabs || Object.keys(displayed).map(id => ({ id: Number(id), type: "mail" })) },
    spaces: {
      query: async ({ name }) => spaceList.filter(s => s.name === name),
      create: async (name, url, button) => { rec("spaces.create", name, url, button); const s = { id: spaceList.length + 1, name, url }; spaceList.push(s); return s; },
      remove: async id => { rec("spaces.remove", id); spaceList.splice(spaceList.findIndex(s => s.id === id), 1); },
    },
    windows: { openDefaultBrowser: async url => rec("windows.openDefaultBrowser", url) },
    runtime: { openOptionsPage: async () => rec("runtime.openOptionsPage") },
  };
}

/** The background service on fakes, and a panel wired to it like display.js does (tab 1). */
export const NOW = () => new Date("2026-03-07T12:00:00Z");
export function setup({ messengerOptions, timeoutMs = 8000, mode = "compact", tabId, guardMs } = {}) {
  const messenger = fakeMessenger(messengerOptions);
  const fetch = fakeFetch();
  const quiet = { error() {}, warn() {}, log() {} };
  const service = D.service.createService({ messenger, fetch, timeoutMs, log: quiet });
  const send = request => service.handle(request, { tab: { id: 1 } });
  const views = [];
  const panel = D.panel.createPanel({ send, render: v => views.push(v), mode, tabId, guardMs, now: NOW });
  return { messenger, fetch, api: fetch.api, service, send, panel, view: () => views[views.length - 1], views };
}

// ---- reading view trees ----
export function textOf(node) {
  if (!node) return "";
  if (node.text !== undefined) return node.text;
  return node.children.map(textOf).join("");
}
export function findAll(node, pred, out = []) {
  if (!node || node.text !== undefined) return out;
  if (pred(node)) out.push(node);
  for (const c of node.children) findAll(c, pred, out);
  return out;
}
export const hasClass = cls => n => String(n.props.class || "").split(/\s+/).includes(cls);
export const byClass = (node, cls) => findAll(node, hasClass(cls));
export const oneByClass = (node, cls) => {
  const all = byClass(node, cls);
  if (all.length !== 1) throw new Error(`expected one .${cls}, found ${all.length} in: ${textOf(node)}`);
  return all[0];
};
export const fakeEvent = (value) => ({ target: { value }, preventDefault() {} });

// ---- a minimal DOM, enough for vdom.mount ----
class FakeNode {
  constructor(doc) { this.ownerDocument = doc; this.childNodes = []; }
  appendChild(n) { this.childNodes.push(n); n.parentNode = this; return n; }
  get textContent() { return this.childNodes.map(c => c.textContent).join(""); }
}
class FakeText extends FakeNode {
  constructor(doc, data) { super(doc); this.nodeType = 3; this.data = data; }
  get textContent() { return this.data; }
}
class FakeElement extends FakeNode {
  constructor(doc, tag) { super(doc); this.nodeType = 1; this.tagName = tag.toUpperCase(); this.attributes = {}; this.listeners = {}; }
  get textContent() { return super.textContent; }
  set textContent(v) { this.childNodes = [new FakeText(this.ownerDocument, String(v))]; }
  replaceChildren(...nodes) { this.childNodes = []; nodes.forEach(n => this.appendChild(n)); }
  prepend(n) { this.childNodes.unshift(n); n.parentNode = this; }
  append(...nodes) { nodes.forEach(n => this.appendChild(n)); }
  get id() { return this.attributes.id ?? ""; }
  set id(v) { this.attributes.id = String(v); }
  attachShadow() { this.shadow = new FakeElement(this.ownerDocument, "#shadow-root"); return this.shadow; }
  setAttribute(k, v) { this.attributes[k] = String(v); }
  getAttribute(k) { return this.attributes[k] ?? null; }
  addEventListener(type, fn) { (this.listeners[type] ||= []).push(fn); }
  get innerHTML() { throw new Error("innerHTML must not be used"); }
  set innerHTML(v) { throw new Error("innerHTML must not be used"); }
}
export class FakeDocument {
  constructor() {
    this.head = new FakeElement(this, "head");
    this.body = new FakeElement(this, "body");
  }
  createElement(tag) { return new FakeElement(this, tag); }
  createTextNode(data) { return new FakeText(this, data); }
  getElementById(id) {
    const walk = n => (n.nodeType === 1 && n.attributes.id === id ? n : [...n.childNodes, ...(n.shadow ? [n.shadow] : [])].map(walk).find(Boolean));
    return walk(this.body) || null;
  }
}
export function elements(node, out = []) {
  if (node.nodeType === 1) out.push(node);
  for (const c of node.childNodes) elements(c, out);
  return out;
}

export const flush = () => new Promise(r => setImmediate(r));
