// Where the server URL and API token come from. An administrator's enterprise policy
// (policies.json → 3rdparty.Extensions["dealwire@dealwire.io"] → storage.managed) wins and locks
// the field; what the policy leaves out, the user sets in the options page (storage.local).
(function (root) {
  "use strict";
  const D = (root.Dealwire = root.Dealwire || {});
  const KEYS = ["serverUrl", "token"];

  class SettingsError extends Error {
    constructor(message) {
      super(message);
      this.name = "SettingsError";
    }
  }

  /** "crm.example.com:8080/" → throws; "http://crm.example.com:8080/" → "http://crm.example.com:8080" */
  function normalizeServerUrl(input) {
    const s = String(input ?? "").trim();
    if (!s) return "";
    let u;
    try {
      u = new URL(s);
    } catch {
      throw new SettingsError(`"${s}" is not a URL: write it like http://127.0.0.1:8080 or https://crm.example.com`);
    }
    if (u.protocol !== "http:" && u.protocol !== "https:") throw new SettingsError(`The server URL must start with http:// or https:// (got ${u.protocol})`);
    if (u.username || u.password) throw new SettingsError("Put the API token in the token field, not in the URL.");
    return (u.origin + u.pathname).replace(/\/+$/, "");
  }

  function isLoopback(url) {
    try {
      const host = new URL(url).hostname;
      return host === "127.0.0.1" || host === "localhost" || host === "[::1]" || host.endsWith(".localhost");
    } catch {
      return false;
    }
  }

  /** The match pattern the add-on must hold to call this server (match patterns carry no port). */
  function originPattern(url) {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}/*`;
  }

  const present = v => typeof v === "string" && v.trim() !== "";

  /** Policy values win per key; a malformed policy URL is reported, never silently replaced. */
  function resolveSettings(managed, local) {
    const out = { serverUrl: "", token: "", locked: {}, problems: [] };
    for (const key of KEYS) {
      const fromPolicy = managed && present(managed[key]);
      out.locked[key] = Boolean(fromPolicy);
      const raw = fromPolicy ? managed[key] : local && present(local[key]) ? local[key] : "";
      if (key === "serverUrl") {
        try {
          out.serverUrl = normalizeServerUrl(raw);
        } catch (e) {
          out.problems.push(`${fromPolicy ? "Policy" : "Saved"} server URL: ${e.message}`);
        }
      } else {
        out.token = String(raw).trim();
      }
    }
    return out;
  }

  async function readSettings(messenger) {
    // Without a policy for this add-on, storage.managed.get() rejects: that just means "no preset".
    const managed = await messenger.storage.managed.get(KEYS).catch(() => ({}));
    const local = await messenger.storage.local.get(KEYS);
    return resolveSettings(managed, local);
  }

  D.settings = { normalizeServerUrl, isLoopback, originPattern, resolveSettings, readSettings, SettingsError, KEYS };
})(globalThis);
