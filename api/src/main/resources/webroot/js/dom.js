// DOM helpers. Everything is built with createElement/textContent: no HTML string from the API is
// ever given to innerHTML. The only markup accepted from the server is <mark> in search snippets,
// parsed strictly by markedText().

/** h('div', {class: 'x', onclick: fn, title: '…'}, child, 'text', [more]) */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'value') {
      el.value = value;
      // A form's reset() goes back to the default value, so keep the given one as the default too.
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) el.defaultValue = value;
    }
    else if (key === 'checked' || key === 'disabled' || key === 'hidden' || key === 'selected') el[key] = Boolean(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references of HTML-escaped text (&amp; &#39; &#x2F; …) into plain text. */
export function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/**
 * Renders a snippet that is HTML-escaped text with matches in <mark>…</mark>. Only those two exact tags
 * are markup; anything else, including any other '<', becomes text. Unbalanced tags are ignored.
 */
export function markedText(snippet) {
  const frag = document.createDocumentFragment();
  let marking = false;
  for (const part of String(snippet ?? '').split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') { marking = true; continue; }
    if (part === '</mark>') { marking = false; continue; }
    if (!part) continue;
    const text = document.createTextNode(decodeEntities(part));
    frag.append(marking ? h('mark', {}, text) : text);
  }
  return frag;
}

export function money(value, currency) {
  if (!value) return '—';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: currency || 'EUR', maximumFractionDigits: 0 }).format(value);
  } catch {
    return `${Math.round(value)} ${currency || ''}`.trim();
  }
}

export function date(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function dateTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** "3 days ago", "in 2 hours" */
export function ago(iso) {
  if (!iso) return 'no activity';
  const diff = (new Date(iso).getTime() - Date.now()) / 1000;
  const units = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60]];
  const fmt = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, secs] of units) if (Math.abs(diff) >= secs) return fmt.format(Math.round(diff / secs), unit);
  return 'just now';
}

export function toast(message, kind = 'info') {
  const box = document.getElementById('toasts');
  const t = h('div', { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message);
  box.append(t);
  setTimeout(() => t.remove(), kind === 'error' ? 8000 : 3500);
}

/** A badge span: kind is one of reply, awaiting, inactive, suggestion, private. */
export function badge(kind, label, title) {
  return h('span', { class: `badge badge-${kind}`, title: title || label }, label);
}

export function directionIcon(direction) {
  const map = { inbound: ['←', 'Received from the customer'], outbound: ['→', 'Sent by us'], internal: ['↔', 'Internal'] };
  const [glyph, title] = map[direction] || ['•', 'Unknown direction'];
  return h('span', { class: `dir dir-${direction || 'unknown'}`, title, 'aria-label': title }, glyph);
}

export function field(label, input, hint) {
  return h('label', { class: 'field' }, h('span', { class: 'field-label' }, label), input, hint ? h('small', { class: 'muted' }, hint) : null);
}

export function errorBox(err) {
  return h('div', { class: 'error-box', role: 'alert' }, h('strong', {}, err.title || 'Something went wrong'), ' ', err.message || String(err));
}
