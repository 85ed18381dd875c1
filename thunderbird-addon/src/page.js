// Shared by the extension pages (popup, search tab, options): the stylesheet and a mount helper.
(function (root) {
  "use strict";
  const D = root.Dealwire;
  const style = document.createElement("style");
  style.textContent = D.styles;
  document.head.appendChild(style);
  D.page = {
    mountInto(id) {
      const target = document.getElementById(id);
      return view => target.replaceChildren(D.vdom.mount(view, document));
    },
    send: message => messenger.runtime.sendMessage(message),
  };
})(globalThis);
