// The team search tab as a pure function of its state (see vdom.js). Snippets are highlighted
// through the strict <mark>-only parser; everything else from the server is plain text.
(function (root) {
  "use strict";
  const D = (root.Dealwire = root.Dealwire || {});
  const { h } = D.vdom;
  const F = D.format;
  const FACET_ORDER = ["company", "stage", "deal", "owner", "month"];
  const FACET_LABELS = { company: "Company", stage: "Stage", deal: "Deal", owner: "Owner", month: "Month" };

  function facets(state, on) {
    const all = (state.result && state.result.facets) || {};
    const names = [...FACET_ORDER.filter(n => all[n]), ...Object.keys(all).filter(n => !FACET_ORDER.includes(n))];
    return h("nav", { class: "dw-facets", "aria-label": "Refine" },
      names.map(name => {
        const values = Object.entries(all[name] || {}).sort((a, b) => b[1] - a[1]).slice(0, 12);
        if (!values.length) return null;
        return [h("h3", null, FACET_LABELS[name] || name),
          values.map(([value, count]) => h("button", { class: "dw-facet", type: "button", "data-id": `${name}:${value}`, on: { click: () => on.refine(name, value) } },
            (state.result.labels && state.result.labels[name] && state.result.labels[name][value]) || value, " ", h("span", { class: "dw-muted" }, `(${count})`)))];
      }));
  }

  function hit(state, item, on) {
    return h("li", { class: "dw-hit", tabindex: "0", role: "button", "data-id": item.messageId, on: { click: () => on.open(item), keydown: e => { if (e.key === "Enter") on.open(item); } } },
      h("div", { class: "dw-deal-line" },
        h("b", { class: "dw-hit-subject" }, item.subject || "(no subject)"),
        item.stage ? h("span", { class: "dw-chip dw-stage" }, item.stage) : null,
        // dealTitle/companyName: the API's deal and company are record ids
        item.dealTitle || item.deal ? h("span", { class: "dw-chip" }, item.dealTitle || item.deal) : null,
        item.companyName || item.company ? h("span", { class: "dw-chip" }, item.companyName || item.company) : null),
      h("div", { class: "dw-muted" }, [item.from, F.shortDate(item.date)].filter(Boolean).join(" · ")),
      item.snippet ? h("div", { class: "dw-snippet" }, D.highlight.highlighted(item.snippet)) : null);
  }

  function detail(state, item, on) {
    const link = F.appLink(state.serverUrl, "conversations", item.conversationId || item.messageId);
    return h("div", { class: "dw-deal dw-detail" },
      h("div", { class: "dw-muted" }, "This message is not in your Thunderbird; this is what Dealwire has:"),
      h("h2", null, item.subject || "(no subject)"),
      h("div", { class: "dw-muted" }, [item.from, F.shortDate(item.date), item.companyName || item.company, item.dealTitle || item.deal, item.stage].filter(Boolean).join(" · ")),
      item.snippet ? h("p", { class: "dw-snippet" }, D.highlight.highlighted(item.snippet)) : null,
      h("div", { class: "dw-actions" },
        h("a", { href: link, on: { click: e => on.openUrl(e, link) } }, "Open the conversation in Dealwire"),
        h("button", { type: "button", class: "dw-close-detail", on: { click: on.closeDetail } }, "Back to results")));
  }

  function results(state, on) {
    const r = state.result;
    if (!r) return null;
    if (!r.hits.length) return h("div", { class: "dw-muted dw-no-hits" }, `Nothing found for "${state.lastQuery}".`);
    return h("div", { class: "dw-search" },
      facets(state, on),
      h("div", null,
        h("div", { class: "dw-muted dw-total" }, r.total === 1 ? "1 message" : `${r.total} messages`),
        h("ul", { class: "dw-hits" }, r.hits.map(item => hit(state, item, on))),
        r.next ? h("button", { class: "dw-load-more", type: "button", disabled: state.loadingMore, on: { click: on.more } }, state.loadingMore ? "Loading…" : "More results") : null));
  }

  function render(state, on) {
    return h("section", { class: "dw dw-full", "data-state": state.status },
      h("div", { class: "dw-head" },
        h("span", { class: "dw-brand" }, "Dealwire team search"),
        h("span", { class: "dw-summary" }, state.user ? `${state.user.name} (${state.user.role})` : "")),
      h("form", { class: "dw-search-form", role: "search", on: { submit: e => { e.preventDefault(); return on.submit(); } } },
        h("input", { class: "dw-query", type: "search", name: "q", value: state.q, placeholder: "Search the team's mail: words, \"phrases\", company:\"Acme\"", "aria-label": "Search", on: { input: e => on.setQuery(e.target.value) } }),
        h("button", { type: "submit", class: "dw-search-submit", disabled: state.status === "loading" }, "Search")),
      state.status === "loading" ? h("div", { class: "dw-loading", "aria-busy": "true" }, "Searching…") : null,
      state.status === "error" ? D.panelView.errorBox(state.error, on) : null,
      state.notice ? h("div", { class: "dw-notice", role: "status" }, state.notice) : null,
      state.actionError ? h("div", { class: "dw-error dw-action-error", role: "alert" }, state.actionError.message) : null,
      state.selected ? detail(state, state.selected, on) : state.status === "ready" ? results(state, on) : null);
  }

  D.searchView = { render };
})(globalThis);
