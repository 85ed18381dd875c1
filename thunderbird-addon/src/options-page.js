// The options page entry.
(function () {
  "use strict";
  const D = globalThis.Dealwire;
  D.options.createOptions({ messenger, send: D.page.send, render: D.page.mountInto("app") }).init()
    .catch(e => { document.getElementById("app").textContent = `Dealwire settings could not load: ${e.message || e}`; });
})();
