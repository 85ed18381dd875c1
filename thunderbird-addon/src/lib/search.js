// The team search tab's behaviour: queries through the background, facet refinement, paging,
// and opening a hit in Thunderbird (or showing the server's copy when this profile lacks it).
(function (root) {
  "use strict";
  const D = (root.Dealwire = root.Dealwire || {});

  function createSearch({ send, render, guardMs }) {
    const request = D.panel.createRequester(send, guardMs);
    const state = { status: "idle", q: "", lastQuery: "", result: null, error: null, user: null, serverUrl: "", selected: null, notice: null, actionError: null, loadingMore: false };
    const update = () => render(D.searchView.render(state, on));
    let seq = 0;

    async function submit() {
      const q = state.q.trim();
      if (!q) return;
      const mine = ++seq;
      Object.assign(state, { status: "loading", error: null, selected: null, notice: null, actionError: null, lastQuery: q });
      update();
      try {
        const { serverUrl, result } = await request("search", { q });
        if (mine !== seq) return;
        Object.assign(state, { status: "ready", serverUrl, result: { total: result.total ?? result.hits.length, hits: result.hits || [], facets: result.facets || {}, labels: result.labels || {}, next: result.next ?? null } });
      } catch (e) {
        if (mine !== seq) return;
        Object.assign(state, { status: "error", error: e });
      }
      update();
    }

    const on = {
      setQuery: q => { state.q = q; },
      submit,
      retry: submit,
      refine: (field, value) => { state.q = D.api.refineQuery(state.q, field, value); return submit(); },
      more: async () => {
        if (!state.result || !state.result.next || state.loadingMore) return;
        state.loadingMore = true;
        update();
        try {
          const { result } = await request("search", { q: state.lastQuery, cursor: state.result.next });
          state.result = { ...state.result, hits: [...state.result.hits, ...(result.hits || [])], next: result.next ?? null };
        } catch (e) {
          state.actionError = e;
        }
        state.loadingMore = false;
        update();
      },
      open: async item => {
        state.notice = null;
        state.actionError = null;
        try {
          const { opened } = await request("openMessage", { headerMessageId: item.messageId });
          if (opened) state.notice = `Opened "${item.subject || item.messageId}" in Thunderbird.`;
          else state.selected = item;
        } catch (e) {
          state.actionError = e;
        }
        update();
      },
      closeDetail: () => { state.selected = null; update(); },
      openSettings: () => request("openOptions").catch(e => { state.actionError = e; update(); }),
      openUrl: (event, url) => {
        if (event && event.preventDefault) event.preventDefault();
        request("openUrl", { url }).catch(e => { state.actionError = e; update(); });
      },
    };

    async function init() {
      update();
      try {
        const { user, serverUrl } = await request("me");
        state.user = user;
        state.serverUrl = serverUrl;
      } catch (e) {
        state.status = "error";
        state.error = e;
      }
      update();
    }

    return { state, on, init, update };
  }

  D.search = { createSearch };
})(globalThis);
