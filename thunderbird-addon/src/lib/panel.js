// The panel's behaviour: loads the context for the displayed message through the background,
// runs the rep's actions and reflects them at once. `send` is runtime.sendMessage (or a fake),
// `render` receives a fresh view tree after every change.
(function (root) {
  "use strict";
  const D = (root.Dealwire = root.Dealwire || {});
  // The background gives up on the server after 8 s; this guards against the background itself
  // not answering (Thunderbird busy, add-on reloaded), so the panel can never hang on "loading".
  const GUARD_MS = 10000;

  function createRequester(send, guardMs = GUARD_MS) {
    return async function request(type, payload = {}) {
      let timer;
      const guard = new Promise((_, reject) => {
        timer = setTimeout(() => reject({ kind: "timeout", message: `Dealwire did not answer within ${Math.round(guardMs / 1000)} s.` }), guardMs);
      });
      try {
        const reply = await Promise.race([Promise.resolve(send({ type: `dealwire:${type}`, ...payload })), guard]);
        if (!reply) throw { kind: "internal", message: "The Dealwire background did not answer: try reloading the add-on." };
        if (!reply.ok) throw reply.error;
        return reply.value;
      } catch (e) {
        if (e && typeof e.kind === "string") throw e;
        throw { kind: "internal", message: String((e && e.message) || e) };
      } finally {
        clearTimeout(timer);
      }
    };
  }

  function createPanel({ send, render, mode = "compact", tabId, guardMs, now = () => new Date() }) {
    const request = createRequester(send, guardMs);
    const state = {
      mode, now, status: "loading", ctx: null, error: null, collapsed: false, busy: false,
      selectedDealId: null, moreOpen: false, linkTarget: null, newDealTitle: "",
      notice: null, actionError: null, flags: { ignored: false, private: false }, ignoredWhat: null,
    };
    const update = () => render(D.panelView.render(state, on));
    const data = () => state.ctx.data;
    let loadSeq = 0;

    /** quiet: keep showing what we have while refreshing after an action. */
    async function load({ quiet = false } = {}) {
      const seq = ++loadSeq;
      if (!quiet) {
        state.status = "loading";
        state.error = null;
        update();
      }
      try {
        const ctx = await request("context", tabId === undefined ? {} : { tabId });
        if (seq !== loadSeq) return;
        state.ctx = ctx;
        state.status = "ready";
        const deals = ctx.data.deals || [];
        if (!deals.some(d => d.id === state.selectedDealId)) {
          state.selectedDealId = (deals.find(d => d.id === ctx.data.linkedDealId) || deals[0] || {}).id ?? null;
        }
        // Internal mail stays out of the way: folded to one line. Otherwise the rep's last choice.
        if (mode === "compact" && !quiet) state.collapsed = Boolean(ctx.data.internal || (ctx.prefs && ctx.prefs.panelCollapsed));
      } catch (e) {
        if (seq !== loadSeq) return;
        if (quiet) state.actionError = { kind: e.kind, message: `Saved, but could not refresh: ${e.message}` };
        else {
          state.status = "error";
          state.error = e;
        }
      }
      update();
    }

    /** Runs one action; `apply` reflects the answer at once, then a quiet reload brings the rest. */
    async function act(name, args, { apply, notice }) {
      if (state.busy) return;
      state.busy = true;
      state.actionError = null;
      state.notice = null;
      update();
      let ok = false;
      try {
        const result = await request("action", { name, args });
        if (apply) apply(result);
        state.notice = typeof notice === "function" ? notice(result) : notice;
        ok = true;
      } catch (e) {
        state.actionError = { kind: e.kind, message: e.message || "The action failed." };
      } finally {
        state.busy = false;
        update();
      }
      if (ok && !state.flags.ignored) await load({ quiet: true });
    }

    const stageById = id => (data().stages || []).find(s => s.id === id) || { id, name: id };
    const dealIndex = id => (data().deals || []).findIndex(d => d.id === id);

    /** The deal's new stage at once: from the answer when it carries one, else the stage asked for. */
    function setDealStage(dealId, result, stageId) {
      const i = dealIndex(dealId);
      if (i < 0) return;
      const answered = result && result.id === dealId ? result.stage : null;
      const stage = answered && typeof answered === "object" && answered.name ? answered
        : stageById(answered && typeof answered === "object" ? answered.id : answered || stageId);
      data().deals[i] = { ...data().deals[i], stage };
    }

    function dropSuggestion(dealId, suggestionId) {
      const i = dealIndex(dealId);
      if (i >= 0) data().deals[i] = { ...data().deals[i], suggestions: (data().deals[i].suggestions || []).filter(s => s.id !== suggestionId) };
    }
    const from = () => state.ctx.message.from;

    const on = {
      retry: () => load(),
      toggle: () => {
        state.collapsed = !state.collapsed;
        update();
        // Remembered for the next message, except the automatic folding of internal mail.
        if (state.status === "ready" && !state.ctx.data.internal) {
          request("setPref", { key: "panelCollapsed", value: state.collapsed }).catch(() => {});
        }
      },
      toggleMore: () => { state.moreOpen = !state.moreOpen; update(); },
      selectDeal: id => { state.selectedDealId = id; update(); },
      setField: (field, value) => { state[field] = value; },
      openSettings: () => request("openOptions").catch(e => { state.actionError = e; update(); }),
      openUrl: (event, url) => {
        if (event && event.preventDefault) event.preventDefault();
        request("openUrl", { url }).catch(e => { state.actionError = e; update(); });
      },

      changeStage: (dealId, stageId) => {
        const deal = (data().deals || []).find(d => d.id === dealId);
        if (!deal || !stageId || (deal.stage && deal.stage.id === stageId)) return Promise.resolve();
        return act("setStage", { dealId, stage: stageId }, {
          apply: result => setDealStage(dealId, result, stageId),
          notice: () => `Stage changed to ${stageById(stageId).name}.`,
        });
      },
      acceptSuggestion: (dealId, suggestion) => act("acceptSuggestion", { dealId, suggestionId: suggestion.id }, {
        apply: result => {
          setDealStage(dealId, result, suggestion.toStage);
          dropSuggestion(dealId, suggestion.id);
        },
        notice: () => `Stage changed to ${stageById(suggestion.toStage).name}.`,
      }),
      dismissSuggestion: (dealId, suggestion) => act("dismissSuggestion", { dealId, suggestionId: suggestion.id }, {
        apply: () => dropSuggestion(dealId, suggestion.id),
        notice: "Suggestion dismissed.",
      }),
      linkToDeal: dealId => act("linkToDeal", { conversationId: data().conversationId, dealId }, {
        apply: () => { data().linkedDealId = dealId; state.selectedDealId = dealId; },
        notice: () => `Conversation linked to ${((data().deals || []).find(d => d.id === dealId) || {}).title || "the deal"}.`,
      }),
      linkToNewDeal: title => {
        const t = String(title || "").trim();
        if (!t) { state.actionError = { kind: "input", message: "Give the new deal a title." }; update(); return Promise.resolve(); }
        return act("linkToNewDeal", { conversationId: data().conversationId, title: t }, {
          // LinkResult: {dealId, newDeal, messages}
          apply: result => { state.newDealTitle = ""; if (result && result.dealId) { data().linkedDealId = result.dealId; state.selectedDealId = result.dealId; } },
          notice: () => `Conversation linked to the new deal "${t}".`,
        });
      },
      ignoreSender: () => act("ignoreSender", { email: from().email }, {
        apply: () => { state.flags.ignored = true; state.ignoredWhat = from().email; },
        notice: () => `${from().email} is ignored.`,
      }),
      ignoreDomain: () => act("ignoreDomain", { email: from().email, domain: D.format.domainOf(from().email) }, {
        apply: () => { state.flags.ignored = true; state.ignoredWhat = `mail from ${D.format.domainOf(from().email)}`; },
        notice: () => `${D.format.domainOf(from().email)} is ignored.`,
      }),
      markPrivate: () => act("setPrivate", { conversationId: data().conversationId, private: true }, {
        apply: () => { state.flags.private = true; },
        notice: "This conversation is now private: only you see it in Dealwire.",
      }),
      createContact: () => act("createContact", { name: from().name || from().email, email: from().email }, {
        // ContactDetail: {contact, companyName, dealIds}
        apply: result => { data().known = true; data().contact = result && result.contact && result.contact.id ? result.contact : { name: from().name, emails: [from().email] }; },
        notice: () => `Contact ${from().name || from().email} created.`,
      }),
      createDeal: title => {
        const t = String(title || "").trim();
        if (!t) { state.actionError = { kind: "input", message: "Give the new deal a title." }; update(); return Promise.resolve(); }
        return act("createDeal", { title: t, contactEmail: from().email }, {
          apply: result => {
            state.newDealTitle = "";
            data().known = true;
            if (result && result.id) { data().deals = [...(data().deals || []), result]; state.selectedDealId = result.id; }
          },
          notice: () => `Deal "${t}" created.`,
        });
      },
    };

    return { state, load, on, update };
  }

  D.panel = { createPanel, createRequester, GUARD_MS };
})(globalThis);
