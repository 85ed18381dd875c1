// Turning API values into the short phrases the panel shows. Pure functions, no DOM.
(function (root) {
  "use strict";
  const D = (root.Dealwire = root.Dealwire || {});
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const DAY_MS = 24 * 60 * 60 * 1000;

  /** "Alice Buyer <alice@acme.example>" → {name: "Alice Buyer", email: "alice@acme.example"} */
  function parseAddress(author) {
    const s = String(author ?? "").trim();
    const angle = s.match(/^(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/);
    if (angle) return { name: angle[1].replace(/^"(.*)"$/, "$1").trim(), email: angle[2].toLowerCase() };
    const bare = s.match(/[^\s<>"]+@[^\s<>"]+/);
    return { name: "", email: bare ? bare[0].toLowerCase() : "" };
  }

  function toDate(iso) {
    if (!iso) return null;
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? null : d;
  }

  /** "3 Mar" in the current year, "3 Mar 2025" otherwise; "" when there is no usable date. */
  function shortDate(iso, now = new Date()) {
    const d = toDate(iso);
    if (!d) return "";
    const base = `${d.getDate()} ${MONTHS[d.getMonth()]}`;
    return d.getFullYear() === now.getFullYear() ? base : `${base} ${d.getFullYear()}`;
  }

  function days(n) {
    return n === 1 ? "1 day" : `${n} days`;
  }

  function daysBetween(iso, now = new Date()) {
    const d = toDate(iso);
    return d ? Math.max(0, Math.floor((now.getTime() - d.getTime()) / DAY_MS)) : null;
  }

  function stageName(stageId, stages) {
    const s = (stages || []).find(x => x.id === stageId);
    return s ? s.name : String(stageId ?? "");
  }

  /** "Proposal made — you sent Devis_2025-031.pdf on 3 Mar" */
  function evidenceSentence(ev, stages, now = new Date()) {
    const parts = [stageName(ev.toStage, stages)];
    if (ev.quote) parts.push(" — ", ev.quote);
    const when = shortDate(ev.at, now);
    if (when) parts.push(" on ", when);
    return parts.join("");
  }

  /** The reply chip of a deal: who owes the next mail, and for how long. */
  function replyState(deal, now = new Date()) {
    const since = deal.daysSinceActivity ?? daysBetween(deal.lastActivity, now);
    if (deal.needsReply) return { kind: "needs-reply", text: since ? `Needs reply — waiting ${days(since)}` : "Needs reply" };
    if (deal.awaitingReply) return { kind: "awaiting-reply", text: since ? `Awaiting reply for ${days(since)}` : "Awaiting reply" };
    return null;
  }

  function inactivity(deal, now = new Date()) {
    if (!deal.inactive) return null;
    const since = deal.daysSinceActivity ?? daysBetween(deal.lastActivity, now);
    return since === null ? "Inactive" : `Inactive — no activity for ${days(since)}`;
  }

  function money(value, currency) {
    if (value === null || value === undefined || value === "") return "";
    const n = Number(value);
    if (!Number.isFinite(n)) return String(value);
    try {
      return new Intl.NumberFormat("en", { style: "currency", currency: currency || "EUR", maximumFractionDigits: 0 }).format(n);
    } catch {
      return `${n} ${currency || ""}`.trim();
    }
  }

  /** Links into the web app, which routes with the URL fragment. */
  function appLink(serverUrl, kind, id) {
    const base = String(serverUrl || "").replace(/\/+$/, "");
    return `${base}/#/${kind}/${encodeURIComponent(id)}`;
  }

  function domainOf(email) {
    const at = String(email || "").lastIndexOf("@");
    return at < 0 ? "" : email.slice(at + 1).toLowerCase();
  }

  D.format = { parseAddress, shortDate, days, daysBetween, stageName, evidenceSentence, replyState, inactivity, money, appLink, domainOf };
})(globalThis);
