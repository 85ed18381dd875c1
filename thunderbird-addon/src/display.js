// Display script: runs inside the displayed message's document (registered by the background
// for new messages, injected into those already open). Draws the panel at the top of the message
// in a closed shadow root, so neither the message's CSS nor its scripts can touch it.
(function () {
  "use strict";
  const HOST_ID = "dealwire-panel";
  // Registered script and start-up injection may both reach the same document.
  if (!document.body || document.getElementById(HOST_ID)) return;
  const D = globalThis.Dealwire;
  const host = document.createElement("div");
  host.id = HOST_ID;
  const shadow = host.attachShadow({ mode: "closed" });
  const style = document.createElement("style");
  style.textContent = D.styles;
  const mountPoint = document.createElement("div");
  shadow.append(style, mountPoint);
  document.body.prepend(host);

  const panel = D.panel.createPanel({
    mode: "compact",
    send: message => browser.runtime.sendMessage(message),
    render: view => mountPoint.replaceChildren(D.vdom.mount(view, document)),
  });
  panel.load();
})();
