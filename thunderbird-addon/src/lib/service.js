// The background's work, apart from wiring: answers the messages of the display script, popup,
// search tab and options page, and is the only code that talks to the server. Built from injected
// `messenger` and `fetch` so tests can drive it with fakes.
(function (root) {
  "use strict";
  const D = (root.Dealwire = root.Dealwire || {});
  const { createApi, ApiError, errorInfo } = D.api;
  const { readSettings, isLoopback, originPattern } = D.settings;
  const { parseAddress, domainOf } = D.format;

  /** The scripts drawn into every displayed message, in load order. */
  const DISPLAY_SCRIPT = {
    id: "dealwire-panel",
    js: ["src/lib/vdom.js", "src/lib/format.js", "src/lib/highlight.js", "src/lib/styles.js", "src/lib/panel-view.js", "src/lib/panel.js", "src/display.js"],
    runAt: "document_end",
  };
  const SEARCH_SPACE = "dealwire_search"; // spaces names: [a-zA-Z0-9_]+
  const SEARCH_ROLES = new Set(["manager", "admin"]);
  const PREF_KEYS = ["panelCollapsed"];

  function createService({ messenger, fetch, timeoutMs, log = console }) {
    async function client() {
      const s = await readSettings(messenger);
      if (s.problems.length) throw new ApiError("not-configured", s.problems.join(" "));
      if (s.serverUrl && !isLoopback(s.serverUrl)) {
        const granted = await messenger.permissions.contains({ origins: [originPattern(s.serverUrl)] });
        if (!granted) throw new ApiError("permission", `Dealwire needs your permission to reach ${s.serverUrl}: open the Dealwire settings and press "Save and test".`);
      }
      return { api: createApi({ baseUrl: s.serverUrl, token: s.token, fetch, timeoutMs }), settings: s };
    }

    async function displayedMessage(tabId) {
      if (tabId === undefined || tabId === null) throw new ApiError("no-message", "No message is displayed.");
      const shown = await messenger.messageDisplay.getDisplayedMessages(tabId);
      const messages = (shown && shown.messages) || [];
      if (messages.length !== 1) throw new ApiError("no-message", messages.length ? "Several messages are selected: pick one to see its deal." : "No message is displayed.");
      return messages[0];
    }

    async function context(request, sender) {
      const tabId = request.tabId ?? (sender && sender.tab && sender.tab.id);
      const message = await displayedMessage(tabId);
      const from = parseAddress(message.author);
      const { api, settings } = await client();
      const data = await api.context({ messageId: message.headerMessageId, email: from.email });
      const prefs = await messenger.storage.local.get(PREF_KEYS);
      return { serverUrl: settings.serverUrl, message: { subject: message.subject, from, headerMessageId: message.headerMessageId, date: message.date }, data, prefs };
    }

    /** The rep's view preferences (e.g. a folded panel stays folded on the next message). */
    async function setPref({ key, value }) {
      if (!PREF_KEYS.includes(key)) throw new ApiError("internal", `Unknown preference ${key}`);
      await messenger.storage.local.set({ [key]: value });
      return {};
    }

    // What each panel action does on the server; `args` come from the panel.
    const ACTIONS = {
      setStage: (api, a) => api.setStage(a.dealId, a.stage),
      acceptSuggestion: (api, a) => api.acceptSuggestion(a.dealId, a.suggestionId),
      dismissSuggestion: (api, a) => api.dismissSuggestion(a.dealId, a.suggestionId),
      linkToDeal: (api, a) => api.linkToDeal(a.conversationId, a.dealId),
      linkToNewDeal: (api, a) => api.linkToNewDeal(a.conversationId, a.title),
      ignoreSender: (api, a) => api.ignoreEmail(a.email),
      ignoreDomain: (api, a) => api.ignoreDomain(a.domain || domainOf(a.email)),
      setPrivate: (api, a) => api.setPrivate(a.conversationId, a.private !== false),
      createContact: (api, a) => api.createContact({ name: a.name, email: a.email }),
      createDeal: (api, a) => api.createDeal({ title: a.title, contactEmail: a.contactEmail }),
    };

    async function action({ name, args }) {
      const run = ACTIONS[name];
      if (!run) throw new ApiError("internal", `Unknown action ${name}`);
      const { api } = await client();
      return run(api, args || {});
    }

    async function me() {
      const { api, settings } = await client();
      const user = await api.me();
      await syncSearchSpace(user && user.role).catch(e => log.error("Dealwire: search space", e));
      return { serverUrl: settings.serverUrl, user };
    }

    /** The options page's test, with the values typed (not yet saved) when it passes them. */
    async function testConnection({ serverUrl, token }) {
      const s = await readSettings(messenger);
      const api = createApi({ baseUrl: serverUrl ?? s.serverUrl, token: token ?? s.token, fetch, timeoutMs });
      const health = await api.health();
      if (!health || health.status !== "ok") throw new ApiError("bad-response", `The server answered /api/health with ${JSON.stringify(health)}, not {"status":"ok"}: is this the Dealwire address?`);
      const user = await api.me();
      await syncSearchSpace(user && user.role).catch(e => log.error("Dealwire: search space", e));
      return { user };
    }

    async function search({ q, cursor, limit }) {
      const { api, settings } = await client();
      return { serverUrl: settings.serverUrl, result: await api.search({ q, cursor, limit }) };
    }

    /** Opens a search hit in Thunderbird if this profile has the message; says so if not. */
    async function openMessage({ headerMessageId }) {
      const found = await messenger.messages.query({ headerMessageId });
      const message = found && found.messages && found.messages[0];
      if (!message) return { opened: false };
      await messenger.messageDisplay.open({ messageId: message.id, location: "tab" });
      return { opened: true };
    }

    async function openUrl({ url }) {
      const safe = D.vdom ? D.vdom.safeUrl(url) : url;
      if (safe === "#") throw new ApiError("internal", `Not a web address: ${url}`);
      await messenger.windows.openDefaultBrowser(safe);
      return {};
    }

    let searchSpaceWanted = null;
    async function syncSearchSpace(role) {
      const want = SEARCH_ROLES.has(String(role || "").toLowerCase());
      if (want === searchSpaceWanted) return;
      const [existing] = await messenger.spaces.query({ name: SEARCH_SPACE });
      if (want && !existing) {
        await messenger.spaces.create(SEARCH_SPACE, "src/search.html", { title: "Dealwire search", defaultIcons: "icons/dealwire.svg" });
      } else if (!want && existing) {
        await messenger.spaces.remove(existing.id);
      }
      searchSpaceWanted = want; // only once done, so a failed attempt is tried again next time
    }

    const HANDLERS = {
      context,
      action,
      me,
      testConnection,
      search,
      openMessage,
      openUrl,
      setPref,
      settings: () => readSettings(messenger),
      openOptions: () => messenger.runtime.openOptionsPage().then(() => ({})),
    };

    /** runtime.onMessage handler: resolves {ok: true, value} or {ok: false, error}, never rejects. */
    function handle(request, sender) {
      if (!request || typeof request.type !== "string" || !request.type.startsWith("dealwire:")) return undefined;
      const fn = HANDLERS[request.type.slice("dealwire:".length)];
      if (!fn) return Promise.resolve({ ok: false, error: errorInfo(new ApiError("internal", `Unknown request ${request.type}`)) });
      return Promise.resolve()
        .then(() => fn(request, sender))
        .then(value => ({ ok: true, value }), e => {
          if (!(e instanceof ApiError)) log.error("Dealwire:", request.type, e);
          return { ok: false, error: errorInfo(e) };
        });
    }

    /** Registers the panel for messages displayed from now on and draws it into those already open. */
    async function start() {
      const registered = await messenger.scripting.messageDisplay.getRegisteredScripts();
      if (!registered.some(s => s.id === DISPLAY_SCRIPT.id)) await messenger.scripting.messageDisplay.registerScripts([DISPLAY_SCRIPT]);
      for (const tab of await messenger.tabs.query({})) {
        if (tab.type !== "mail" && tab.type !== "messageDisplay") continue;
        const shown = await messenger.messageDisplay.getDisplayedMessages(tab.id).catch(() => null);
        if (shown && shown.messages && shown.messages.length === 1) {
          // display.js skips a second injection into the same document.
          await messenger.scripting.executeScript({ target: { tabId: tab.id }, files: DISPLAY_SCRIPT.js })
            .catch(e => log.error("Dealwire: could not draw the panel into tab", tab.id, e));
        }
      }
      // Managers get the team search; needs a configured server, so a failure here is not fatal.
      await me().catch(e => log.warn("Dealwire: not connected yet:", e.message));
    }

    return { handle, start, syncSearchSpace, DISPLAY_SCRIPT };
  }

  D.service = { createService, DISPLAY_SCRIPT, SEARCH_SPACE };
})(globalThis);
