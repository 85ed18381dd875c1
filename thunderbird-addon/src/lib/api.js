// The Dealwire HTTP API, in one place: a contract change is an edit here. Runs in the background
// script only (see background.js for why). Every failure becomes an ApiError with a `kind` the
// views know how to explain, and the server's problem+json detail when it sent one.
(function (root) {
  "use strict";
  const D = (root.Dealwire = root.Dealwire || {});
  const DEFAULT_TIMEOUT_MS = 8000;

  class ApiError extends Error {
    /** kind: not-configured | permission | offline | timeout | unauthorized | forbidden | not-found | http | bad-response */
    constructor(kind, message, details = {}) {
      super(message);
      this.name = "ApiError";
      this.kind = kind;
      this.status = details.status ?? null;
      this.title = details.title ?? null;
      this.detail = details.detail ?? null;
    }

    /** A plain object: what crosses runtime.sendMessage. */
    toJSON() {
      return { kind: this.kind, message: this.message, status: this.status, title: this.title, detail: this.detail };
    }
  }

  /** Whatever was thrown, as the plain error object the views render. */
  function errorInfo(e) {
    if (e instanceof ApiError) return e.toJSON();
    if (e && typeof e === "object" && typeof e.kind === "string") return { kind: e.kind, message: String(e.message || e.kind), status: e.status ?? null, title: e.title ?? null, detail: e.detail ?? null };
    return { kind: "internal", message: String((e && e.message) || e), status: null, title: null, detail: null };
  }

  async function problemOf(response) {
    const text = await response.text().catch(() => "");
    try {
      const body = JSON.parse(text);
      if (body && typeof body === "object") return { title: body.title ?? null, detail: body.detail ?? null };
    } catch {
      // Not JSON (a proxy's HTML error page, say): keep a short piece of it as the detail.
    }
    return { title: null, detail: text ? text.slice(0, 200) : null };
  }

  function httpError(status, problem, baseUrl) {
    const what = [problem.title, problem.detail].filter(Boolean).join(": ");
    const details = { status, ...problem };
    switch (status) {
      case 401:
        return new ApiError("unauthorized", "The Dealwire server refused the API token (401). Check the token in the Dealwire settings.", details);
      case 403:
        return new ApiError("forbidden", `Not allowed${what ? `: ${what}` : ""} (403).`, details);
      case 404:
        return new ApiError("not-found", `Not found${what ? `: ${what}` : ""} (404).`, details);
      default:
        return new ApiError("http", `The Dealwire server at ${baseUrl} answered ${status}${what ? `: ${what}` : ""}.`, details);
    }
  }

  /**
   * createApi({baseUrl, token, fetch, timeoutMs}) → the API's calls, each returning the parsed JSON.
   * `fetch` is injected so tests can fake the network.
   */
  function createApi({ baseUrl, token, fetch, timeoutMs = DEFAULT_TIMEOUT_MS }) {
    const base = String(baseUrl || "").replace(/\/+$/, "");

    async function call(method, path, { query, body, auth = true } = {}) {
      if (!base) throw new ApiError("not-configured", "Dealwire is not set up yet: enter the server URL and your API token in the Dealwire settings.");
      if (auth && !token) throw new ApiError("not-configured", "No API token yet: enter your Dealwire API token in the Dealwire settings.");
      const url = new URL(base + path);
      for (const [k, v] of Object.entries(query || {})) if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, String(v));
      const headers = { Accept: "application/json, application/problem+json" };
      if (auth) headers.Authorization = `Bearer ${token}`;
      if (body !== undefined) headers["Content-Type"] = "application/json";

      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => { timedOut = true; controller.abort(); }, timeoutMs);
      try {
        let response;
        try {
          response = await fetch(url.href, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: controller.signal });
        } catch (e) {
          if (timedOut) throw new ApiError("timeout", `The Dealwire server at ${base} did not answer within ${Math.round(timeoutMs / 1000)} s.`);
          throw new ApiError("offline", `Cannot reach the Dealwire server at ${base}. Is it running, and is the address right?`, { detail: String((e && e.message) || e) });
        }
        if (!response.ok) throw httpError(response.status, await problemOf(response), base);
        if (response.status === 204) return null;
        const text = await response.text();
        if (!text) return null;
        try {
          return JSON.parse(text);
        } catch {
          throw new ApiError("bad-response", `The server at ${base} did not answer with JSON: is this the Dealwire address?`, { status: response.status });
        }
      } catch (e) {
        // A body that stalls after the headers is a timeout too.
        if (timedOut && !(e instanceof ApiError)) throw new ApiError("timeout", `The Dealwire server at ${base} did not answer within ${Math.round(timeoutMs / 1000)} s.`);
        throw e;
      } finally {
        clearTimeout(timer);
      }
    }

    const seg = s => encodeURIComponent(String(s));
    return {
      baseUrl: base,
      health: () => call("GET", "/api/health", { auth: false }),
      me: () => call("GET", "/api/me"),
      context: ({ messageId, email }) => call("GET", "/api/context", { query: { messageId, email } }),
      setStage: (dealId, stage) => call("POST", `/api/deals/${seg(dealId)}/stage`, { body: { stage } }),
      acceptSuggestion: (dealId, suggestionId) => call("POST", `/api/deals/${seg(dealId)}/suggestions/${seg(suggestionId)}/accept`, { body: {} }),
      dismissSuggestion: (dealId, suggestionId) => call("POST", `/api/deals/${seg(dealId)}/suggestions/${seg(suggestionId)}/dismiss`, { body: {} }),
      linkToDeal: (conversationId, dealId) => call("POST", `/api/conversations/${seg(conversationId)}/link`, { body: { dealId } }),
      linkToNewDeal: (conversationId, title) => call("POST", `/api/conversations/${seg(conversationId)}/link`, { body: { newDeal: { title } } }),
      ignoreEmail: email => call("POST", "/api/ignores", { body: { email } }),
      ignoreDomain: domain => call("POST", "/api/ignores", { body: { domain } }),
      setPrivate: (conversationId, isPrivate) => call("POST", `/api/conversations/${seg(conversationId)}/private`, { body: { private: isPrivate } }),
      createContact: ({ name, email }) => call("POST", "/api/contacts", { body: { name, email } }),
      createDeal: ({ title, contactEmail }) => call("POST", "/api/deals", { body: { title, contactEmail } }),
      search: ({ q, limit = 20, cursor }) => call("GET", "/api/search", { query: { q, limit, cursor } }),
    };
  }

  /** A facet click narrows the query with the search syntax's field:"value" form. */
  function refineQuery(q, field, value) {
    const term = `${field}:"${String(value).replace(/(["\\])/g, "\\$1")}"`;
    const current = String(q || "").trim();
    return current.includes(term) ? current : current ? `${current} ${term}` : term;
  }

  D.api = { createApi, ApiError, errorInfo, refineQuery, DEFAULT_TIMEOUT_MS };
})(globalThis);
