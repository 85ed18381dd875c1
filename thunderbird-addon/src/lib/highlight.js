// Search snippets arrive HTML-escaped with <mark>…</mark> around the hits. They are never handed
// to innerHTML: this strict parser keeps <mark> and </mark> and nothing else; every other "<"
// stays literal text, and entities are decoded into characters for text nodes.
(function (root) {
  "use strict";
  const D = (root.Dealwire = root.Dealwire || {});
  const NAMED = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

  function decodeEntities(s) {
    return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body) => {
      if (body[0] === "#") {
        const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return NAMED[body.toLowerCase()] ?? whole;
    });
  }

  /** → [{text, mark}] with adjacent pieces of the same kind merged. */
  function parseHighlighted(snippet) {
    const out = [];
    let marked = false;
    const push = (text, mark) => {
      if (!text) return;
      const last = out[out.length - 1];
      if (last && last.mark === mark) last.text += text;
      else out.push({ text, mark });
    };
    for (const piece of String(snippet ?? "").split(/(<\/?mark>)/i)) {
      const tag = piece.toLowerCase();
      if (tag === "<mark>") marked = true;
      else if (tag === "</mark>") marked = false;
      else push(decodeEntities(piece), marked);
    }
    return out;
  }

  /** The view nodes of a highlighted snippet: text nodes and <mark> elements only. */
  function highlighted(snippet) {
    const { h } = D.vdom;
    return parseHighlighted(snippet).map(p => (p.mark ? h("mark", null, p.text) : p.text));
  }

  D.highlight = { parseHighlighted, highlighted, decodeEntities };
})(globalThis);
