// The options page: server URL and API token, saved to storage.local unless an administrator's
// policy set them (then shown locked), host permission for a non-loopback server, and a
// connection test (GET /api/health, then an authenticated GET /api/me, run by the background).
(function (root) {
  "use strict";
  const D = (root.Dealwire = root.Dealwire || {});
  const { h } = D.vdom;
  const S = D.settings;

  function render(state, on) {
    const field = (key, label, type, placeholder) => h("div", { class: "dw-field" },
      h("label", { for: `dw-${key}` }, label),
      h("input", { id: `dw-${key}`, type, value: state[key], placeholder, autocomplete: "off", disabled: state.locked[key], on: { input: e => on.set(key, e.target.value) } }),
      state.locked[key] ? h("small", { class: "dw-muted dw-locked" }, "Set by your administrator (enterprise policy).") : null);
    return h("section", { class: "dw dw-full dw-options", "data-state": state.status },
      h("div", { class: "dw-head" }, h("span", { class: "dw-brand" }, "Dealwire settings")),
      h("form", { class: "dw-body", on: { submit: e => { e.preventDefault(); return on.save(); } } },
        field("serverUrl", "Server URL", "url", "http://127.0.0.1:8080"),
        field("token", "API token", "password", "from your Dealwire profile page"),
        state.problems.map(p => h("div", { class: "dw-error" }, p)),
        h("div", { class: "dw-actions" },
          h("button", { type: "submit", class: "dw-save", disabled: state.status === "testing" }, "Save and test")),
        state.status === "testing" ? h("div", { class: "dw-loading", "aria-busy": "true" }, "Testing the connection…") : null,
        state.status === "ok" ? h("div", { class: "dw-notice", role: "status" }, state.message) : null,
        state.status === "error" ? h("div", { class: "dw-error", role: "alert", "data-kind": state.error.kind }, state.error.message) : null));
  }

  function createOptions({ messenger, send, render: paint, guardMs }) {
    const request = D.panel.createRequester(send, guardMs);
    const state = { serverUrl: "", token: "", locked: {}, problems: [], status: "idle", message: "", error: null };
    const update = () => paint(render(state, on));
    const fail = (kind, message) => { Object.assign(state, { status: "error", error: { kind, message } }); update(); };

    async function save() {
      let url;
      try {
        url = S.normalizeServerUrl(state.serverUrl);
      } catch (e) {
        return fail("input", e.message);
      }
      if (!url) return fail("input", "Enter the address of your Dealwire server.");
      if (!state.token.trim()) return fail("input", "Enter your API token.");
      // permissions.request must be the first await of the click: it needs the user's gesture.
      if (!S.isLoopback(url)) {
        const granted = await messenger.permissions.request({ origins: [S.originPattern(url)] }).catch(() => false);
        if (!granted) return fail("permission", `Without access to ${url} Dealwire cannot reach your server.`);
      }
      const toSave = {};
      if (!state.locked.serverUrl) toSave.serverUrl = url;
      if (!state.locked.token) toSave.token = state.token.trim();
      await messenger.storage.local.set(toSave);
      Object.assign(state, { serverUrl: url, status: "testing", error: null });
      update();
      try {
        const { user } = await request("testConnection", {});
        Object.assign(state, { status: "ok", message: `Connected to ${url} as ${user.name} (${user.role}).` });
      } catch (e) {
        Object.assign(state, { status: "error", error: e });
      }
      update();
    }

    const on = { set: (key, value) => { state[key] = value; }, save };

    async function init() {
      const s = await request("settings");
      Object.assign(state, { serverUrl: s.serverUrl, token: s.token, locked: s.locked, problems: s.problems });
      update();
    }

    return { state, on, init, save };
  }

  D.options = { createOptions, render };
})(globalThis);
