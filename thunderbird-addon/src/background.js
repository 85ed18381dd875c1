// Background: the only place that calls the Dealwire server. Display scripts run with the
// message's origin (their requests would be cross-origin and blocked), so they, the popup, the
// search tab and the options page all ask here through runtime.sendMessage.
(function () {
  "use strict";
  const D = globalThis.Dealwire;
  const service = D.service.createService({ messenger, fetch: (...args) => fetch(...args) });
  messenger.runtime.onMessage.addListener((request, sender) => service.handle(request, sender));
  service.start().catch(e => console.error("Dealwire: start failed", e));
})();
