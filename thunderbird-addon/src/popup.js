// The message_display_action popup: the full deal view of the message shown in the active tab.
(async function () {
  "use strict";
  const D = globalThis.Dealwire;
  const [tab] = await messenger.tabs.query({ active: true, currentWindow: true });
  const panel = D.panel.createPanel({ mode: "full", tabId: tab && tab.id, send: D.page.send, render: D.page.mountInto("app") });
  panel.load();
})();
