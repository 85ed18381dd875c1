// The deal panel as a pure function of its state: render(state, on) → view tree (see vdom.js).
// Used by the panel in the message pane (compact) and by the popup (full).
(function (root) {
  "use strict";
  const D = (root.Dealwire = root.Dealwire || {});
  const { h } = D.vdom;
  const F = D.format;

  const ERROR_HINTS = {
    offline: "Check that the Dealwire server is running and reachable.",
    timeout: "The server may be busy; try again in a moment.",
    unauthorized: "Your API token was refused: paste a fresh one in the settings.",
    "not-configured": "Open the settings to connect Dealwire.",
    permission: "Open the settings and press \"Save and test\" to grant access.",
  };
  const SETTINGS_KINDS = new Set(["unauthorized", "not-configured", "permission"]);

  function errorBox(error, on) {
    return h("div", { class: "dw-error", role: "alert", "data-kind": error.kind },
      h("div", null, error.message || "Something went wrong."),
      ERROR_HINTS[error.kind] ? h("div", { class: "dw-muted" }, ERROR_HINTS[error.kind]) : null,
      h("div", { class: "dw-actions" },
        on.retry ? h("button", { class: "dw-retry", type: "button", on: { click: on.retry } }, "Retry") : null,
        SETTINGS_KINDS.has(error.kind) && on.openSettings ? h("button", { class: "dw-open-settings", type: "button", on: { click: on.openSettings } }, "Open settings") : null));
  }

  function selectedDeal(state) {
    const deals = (state.ctx && state.ctx.data.deals) || [];
    return deals.find(d => d.id === state.selectedDealId) || deals[0] || null;
  }

  function summary(state) {
    if (state.status === "loading") return "loading…";
    if (state.status === "error") return state.error.kind === "no-message" ? "" : "not available";
    const data = state.ctx.data;
    if (data.internal) return "Internal mail";
    if (state.flags.ignored) return "Sender ignored";
    if (!data.known && !data.contact) return "Unknown sender";
    const deal = selectedDeal(state);
    return [data.company && data.company.name, deal && deal.title, deal && deal.stage && deal.stage.name].filter(Boolean).join(" · ");
  }

  function header(state, on) {
    const collapsible = state.mode === "compact";
    return h("div", { class: "dw-head" },
      h("span", { class: "dw-brand" }, "Dealwire"),
      h("span", { class: "dw-summary" }, state.collapsed || state.status !== "ready" ? summary(state) : ""),
      state.busy ? h("span", { class: "dw-muted", "aria-live": "polite" }, "saving…") : null,
      collapsible
        ? h("button", { class: "dw-toggle", type: "button", "aria-expanded": String(!state.collapsed), title: state.collapsed ? "Show deal context" : "Hide deal context", on: { click: on.toggle } }, state.collapsed ? "▸" : "▾")
        : null);
  }

  function contactLine(data) {
    const c = data.contact;
    const company = data.company && data.company.name;
    if (!c) return company ? h("div", { class: "dw-contact" }, h("span", { class: "dw-company" }, company)) : null;
    return h("div", { class: "dw-contact" },
      h("span", { class: "dw-contact-name" }, c.name || (c.emails && c.emails[0]) || ""),
      c.title ? h("small", null, " — ", h("span", { class: "dw-contact-title" }, c.title)) : null,
      company ? h("small", null, " · ", h("span", { class: "dw-company" }, company)) : null);
  }

  function dealPicker(state, deals, current, on) {
    if (deals.length < 2) return null;
    return h("div", { class: "dw-deals", role: "tablist", "aria-label": "Deals of this contact" },
      deals.map(d => h("button", {
        class: "dw-deal-tab", type: "button", role: "tab", "data-id": d.id,
        "aria-pressed": String(d.id === current.id),
        title: d.id === state.ctx.data.linkedDealId ? "This conversation is linked to this deal" : "",
        on: { click: () => on.selectDeal(d.id) },
      }, d.title, d.id === state.ctx.data.linkedDealId ? " ✓" : "")));
  }

  function evidenceList(deal, stages, limit, now) {
    const items = (deal.evidence || []).slice().sort((a, b) => String(b.at || "").localeCompare(String(a.at || ""))).slice(0, limit);
    if (!items.length) return null;
    return h("ul", { class: "dw-evidence" },
      items.map(ev => h("li", { title: [ev.rule && `rule ${ev.rule}`, ev.confidence !== undefined && ev.confidence !== null && `confidence ${Math.round(Number(ev.confidence) * 100)} %`, ev.mode].filter(Boolean).join(", ") },
        F.evidenceSentence(ev, stages, now))));
  }

  function suggestionList(deal, stages, on, busy, now) {
    const items = deal.suggestions || [];
    if (!items.length) return null;
    return h("ul", { class: "dw-evidence dw-suggestions" },
      items.map(s => h("li", null, "Suggested: ", F.evidenceSentence(s, stages, now), " ",
        h("button", { class: "dw-apply-suggestion", type: "button", disabled: busy, on: { click: () => on.acceptSuggestion(deal.id, s) } }, "Apply"), " ",
        h("button", { class: "dw-dismiss-suggestion", type: "button", disabled: busy, on: { click: () => on.dismissSuggestion(deal.id, s) } }, "Dismiss"))));
  }

  function dealCard(state, deal, on) {
    const data = state.ctx.data;
    const stages = data.stages || [];
    const now = state.now();
    const reply = F.replyState(deal, now);
    const idle = F.inactivity(deal, now);
    const full = state.mode === "full";
    return h("div", { class: "dw-deal", "data-id": deal.id },
      h("div", { class: "dw-deal-line" },
        h("a", { class: "dw-deal-title", href: F.appLink(state.ctx.serverUrl, "deals", deal.id), title: "Open the deal in Dealwire", on: { click: e => on.openUrl(e, F.appLink(state.ctx.serverUrl, "deals", deal.id)) } }, deal.title),
        h("span", { class: `dw-chip dw-stage dw-stage-${String((deal.stage && deal.stage.kind) || "open").toLowerCase()}`, "data-id": deal.stage && deal.stage.id }, deal.stage ? deal.stage.name : "no stage"),
        F.money(deal.value, deal.currency) ? h("span", { class: "dw-chip dw-value" }, F.money(deal.value, deal.currency)) : null,
        reply ? h("span", { class: `dw-chip dw-reply ${reply.kind === "needs-reply" ? "dw-warn" : ""}`, "data-kind": reply.kind }, reply.text) : null,
        idle ? h("span", { class: "dw-chip dw-inactive dw-bad" }, idle) : null,
        state.flags.private ? h("span", { class: "dw-chip dw-private-badge" }, "Private conversation") : null),
      evidenceList(deal, stages, full ? 10 : 1, now),
      suggestionList(deal, stages, on, state.busy, now),
      h("div", { class: "dw-actions" },
        h("label", { for: "dw-stage-select", class: "dw-muted" }, "Stage"),
        h("select", { id: "dw-stage-select", class: "dw-stage-select", disabled: state.busy, value: deal.stage ? deal.stage.id : "", on: { change: e => on.changeStage(deal.id, e.target.value) } },
          stages.map(s => h("option", { value: s.id }, s.name))),
        h("button", { class: "dw-more", type: "button", "aria-expanded": String(state.moreOpen), on: { click: on.toggleMore } }, state.moreOpen ? "Fewer actions" : "More actions…")),
      state.moreOpen ? moreActions(state, deal, on) : null);
  }

  function moreActions(state, deal, on) {
    const data = state.ctx.data;
    const others = (data.deals || []).filter(d => d.id !== data.linkedDealId);
    return h("div", { class: "dw-actions dw-more-actions" },
      data.conversationId && others.length
        ? [h("select", { class: "dw-link-select", value: state.linkTarget || others[0].id, on: { change: e => on.setField("linkTarget", e.target.value) } },
            others.map(d => h("option", { value: d.id }, d.title))),
          h("button", { class: "dw-link", type: "button", disabled: state.busy, on: { click: () => on.linkToDeal(state.linkTarget || others[0].id) } }, "Link conversation")]
        : null,
      data.conversationId ? newDealForm(state, on, "Link to new deal", title => on.linkToNewDeal(title)) : null,
      h("button", { class: "dw-ignore", type: "button", disabled: state.busy || state.flags.ignored, on: { click: on.ignoreSender } }, "Ignore sender"),
      h("button", { class: "dw-ignore-domain", type: "button", disabled: state.busy || state.flags.ignored, on: { click: on.ignoreDomain } }, "Ignore domain"),
      data.conversationId ? h("button", { class: "dw-mark-private", type: "button", disabled: state.busy || state.flags.private, on: { click: on.markPrivate } }, "Mark conversation private") : null);
  }

  function newDealForm(state, on, label, submit) {
    return h("form", { class: "dw-actions dw-new-deal", on: { submit: e => { e.preventDefault(); return submit(state.newDealTitle); } } },
      h("input", { class: "dw-new-deal-title", type: "text", placeholder: "New deal title", value: state.newDealTitle || "", "aria-label": "New deal title", on: { input: e => on.setField("newDealTitle", e.target.value) } }),
      h("button", { class: "dw-new-deal-submit", type: "submit", disabled: state.busy }, label));
  }

  function timeline(state) {
    const items = (state.ctx.data.timeline || []).slice().sort((a, b) => String(b.date || "").localeCompare(String(a.date || ""))).slice(0, state.mode === "full" ? 20 : 3);
    if (!items.length) return null;
    return h("div", null,
      h("div", { class: "dw-muted" }, "Recent"),
      h("ul", { class: "dw-timeline" },
        items.map(t => h("li", { "data-id": t.messageId },
          F.shortDate(t.date, state.now()), " ", t.direction === "outbound" || t.direction === "OUTBOUND" ? "→ " : "← ",
          h("b", null, t.subject || "(no subject)"),
          t.snippet ? [" — ", t.snippet] : null))));
  }

  function unknownSender(state, on) {
    const from = state.ctx.message.from;
    return [
      h("div", { class: "dw-unknown" }, "Not in Dealwire yet: ", h("b", null, from.name ? `${from.name} <${from.email}>` : from.email)),
      h("div", { class: "dw-actions" },
        h("button", { class: "dw-create-contact", type: "button", disabled: state.busy, on: { click: on.createContact } }, "Create contact"),
        h("button", { class: "dw-ignore", type: "button", disabled: state.busy || state.flags.ignored, on: { click: on.ignoreSender } }, "Ignore sender")),
      newDealForm(state, on, "Create deal", title => on.createDeal(title)),
    ];
  }

  function feedback(state) {
    return [
      state.actionError ? h("div", { class: "dw-error dw-action-error", role: "alert", "data-kind": state.actionError.kind }, state.actionError.message) : null,
      state.notice ? h("div", { class: "dw-notice", role: "status" }, state.notice) : null,
    ];
  }

  function body(state, on) {
    if (state.status === "loading") return h("div", { class: "dw-loading", "aria-busy": "true" }, "Loading deal context…");
    if (state.status === "error") return state.error.kind === "no-message" ? h("div", { class: "dw-muted" }, state.error.message) : errorBox(state.error, on);
    const data = state.ctx.data;
    if (data.internal) return h("div", { class: "dw-internal dw-muted" }, "Internal mail — nothing for Dealwire here.");
    if (state.flags.ignored) return [h("div", { class: "dw-muted dw-ignored" }, `Dealwire ignores ${state.ignoredWhat || "this sender"} from now on.`), ...feedback(state)];
    if (!data.known && !data.contact) return [...unknownSender(state, on), ...feedback(state)];
    const deals = data.deals || [];
    const deal = selectedDeal(state);
    return [
      contactLine(data),
      dealPicker(state, deals, deal, on),
      deal ? dealCard(state, deal, on) : [h("div", { class: "dw-muted dw-no-deal" }, "No deal with this contact yet."),
        data.conversationId ? newDealForm(state, on, "Link to new deal", t => on.linkToNewDeal(t)) : newDealForm(state, on, "Create deal", t => on.createDeal(t))],
      ...feedback(state),
      timeline(state),
    ];
  }

  function render(state, on) {
    const internal = state.status === "ready" && state.ctx.data.internal;
    return h("section", { class: `dw dw-${state.mode}`, "data-state": internal ? "internal" : state.status },
      header(state, on),
      state.collapsed ? null : h("div", { class: "dw-body" }, body(state, on)));
  }

  D.panelView = { render, selectedDeal, summary, errorBox };
})(globalThis);
