// Views are plain object trees; mount() is the only code that turns them into DOM nodes, and it
// only ever creates elements from a fixed list of tags and text nodes from strings. A string that
// came from the server therefore can never become markup, whatever it contains.
(function (root) {
  "use strict";
  const D = (root.Dealwire = root.Dealwire || {});

  const TAGS = new Set([
    "div", "span", "a", "button", "select", "option", "input", "label", "form", "textarea",
    "h1", "h2", "h3", "p", "ul", "ol", "li", "mark", "section", "header", "footer", "nav",
    "small", "strong", "em", "b", "time", "table", "thead", "tbody", "tr", "td", "th", "details", "summary",
  ]);
  // No event-handler attributes, no style, no src: behaviour only through `on`, links through safeUrl.
  const ATTRS = new Set([
    "class", "id", "href", "title", "type", "value", "placeholder", "name", "for", "disabled",
    "selected", "checked", "role", "tabindex", "autocomplete", "hidden", "datetime", "rel",
    "aria-expanded", "aria-label", "aria-live", "aria-busy", "aria-pressed", "data-id", "data-state", "data-kind",
  ]);
  const EVENTS = new Set(["click", "change", "input", "submit", "keydown"]);

  function flatten(children, out = []) {
    for (const c of children) {
      if (c === null || c === undefined || c === false || c === true) continue;
      if (Array.isArray(c)) flatten(c, out);
      else if (typeof c === "object") out.push(c);
      else out.push({ text: String(c) });
    }
    return out;
  }

  /** h("div", {class: "x", on: {click: fn}}, "text", child, [more]) */
  function h(tag, props, ...children) {
    if (!TAGS.has(tag)) throw new Error(`vdom: tag <${tag}> is not allowed`);
    return { tag, props: props || {}, children: flatten(children) };
  }

  /** Only http(s) and in-page links survive; anything else (javascript:, data:) becomes "#". */
  function safeUrl(url) {
    const s = String(url ?? "").trim();
    if (s.startsWith("#")) return s;
    try {
      const u = new URL(s);
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : "#";
    } catch {
      return "#";
    }
  }

  function mount(node, doc) {
    if (node.text !== undefined) return doc.createTextNode(node.text);
    if (!TAGS.has(node.tag)) throw new Error(`vdom: tag <${node.tag}> is not allowed`);
    const el = doc.createElement(node.tag);
    for (const [key, value] of Object.entries(node.props)) {
      if (key === "on") {
        for (const [event, fn] of Object.entries(value || {})) {
          if (!EVENTS.has(event) || typeof fn !== "function") throw new Error(`vdom: event ${event} is not allowed`);
          el.addEventListener(event, fn);
        }
        continue;
      }
      if (!ATTRS.has(key)) throw new Error(`vdom: attribute ${key} is not allowed`);
      if (value === false || value === null || value === undefined) continue;
      if (key === "value" && (node.tag === "input" || node.tag === "textarea" || node.tag === "select")) {
        el.value = String(value);
        if (node.tag !== "select") el.setAttribute("value", String(value));
        continue;
      }
      el.setAttribute(key, value === true ? "" : key === "href" ? safeUrl(value) : String(value));
    }
    for (const child of node.children) el.appendChild(mount(child, doc));
    // A <select>'s value can only be set once its options exist.
    if (node.tag === "select" && node.props.value !== undefined) el.value = String(node.props.value);
    return el;
  }

  D.vdom = { h, mount, safeUrl, TAGS, ATTRS };
})(globalThis);
