// The spaces tab: team search.
(function () {
  "use strict";
  const D = globalThis.Dealwire;
  D.search.createSearch({ send: D.page.send, render: D.page.mountInto("app") }).init();
})();
