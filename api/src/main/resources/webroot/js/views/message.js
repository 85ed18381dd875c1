import { h, clear, dateTime, directionIcon, badge, toast } from '../dom.js';
import { api, q, fetchBlob } from '../api.js';

/**
 * One message. The server sanitizes the HTML body; it is shown in a sandboxed frame without scripts as a
 * second guard, with a policy of its own that forbids scripts and remote content.
 */
export async function renderMessage(root, id, params) {
  const images = params.get('images') === '1';
  const m = await api(`/api/messages/${q(id)}${images ? '?images=1' : ''}`);
  const head = h('div', { class: 'message-head' },
    h('h1', {}, directionIcon(m.direction), ' ', m.subject || '(no subject)'),
    h('dl', { class: 'headers' },
      h('dt', {}, 'From'), h('dd', {}, m.from),
      h('dt', {}, 'To'), h('dd', {}, m.to.join(', ')),
      m.cc.length ? [h('dt', {}, 'Cc'), h('dd', {}, m.cc.join(', '))] : null,
      h('dt', {}, 'Date'), h('dd', {}, dateTime(m.date)),
      m.dealId ? [h('dt', {}, 'Deal'), h('dd', {}, h('a', { href: `#/deals/${encodeURIComponent(m.dealId)}` }, 'Open the deal'))] : null),
    h('div', { class: 'badges' },
      m.privateConversation ? badge('private', 'Private') : null,
      m.automated ? badge('inactive', `Automated: ${m.automated}`) : null,
      m.erased ? badge('inactive', 'Erased') : null));

  const actions = h('div', { class: 'actions' },
    m.blockedImages > 0 && !images
      ? h('a', { class: 'button', id: 'show-images', href: `#/messages/${encodeURIComponent(id)}?images=1` }, `Show images (${m.blockedImages} hidden)`)
      : null,
    m.erased ? null : h('button', { type: 'button', onclick: () => download(id) }, 'Download text'));

  const attachments = m.attachments.length ? h('ul', { class: 'attachments' },
    m.attachments.map((a) => h('li', {}, '📎 ', a.filename || '(unnamed)', h('span', { class: 'muted small' }, ` ${a.contentType}, ${Math.ceil(a.size / 1024)} KB`)))) : null;

  let body;
  if (m.erased) body = h('p', { class: 'muted' }, 'The content of this message was erased on request.');
  else if (m.html) body = frame(m.html, images);
  else body = h('pre', { class: 'mail-text' }, m.text);

  clear(root).append(h('article', { class: 'message' }, head, actions, attachments, body,
    m.warnings.length ? h('p', { class: 'muted small' }, `Parsing notes: ${m.warnings.join('; ')}`) : null));
}

function frame(html, images) {
  const policy = `default-src 'none'; style-src 'unsafe-inline'; img-src data:${images ? ' https: http:' : ''}; font-src data:`;
  const doc = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy}">`
    + '<base target="_blank"><style>body{font:14px/1.5 system-ui,sans-serif;color:#1d2433;margin:0;padding:12px;word-wrap:break-word}img{max-width:100%;height:auto}</style>'
    + `</head><body>${html}</body></html>`;
  // allow-same-origin (never with allow-scripts) only lets this page measure the frame's height.
  const iframe = h('iframe', { class: 'mail-frame', sandbox: 'allow-same-origin allow-popups allow-popups-to-escape-sandbox', title: 'Message body', referrerpolicy: 'no-referrer' });
  iframe.srcdoc = doc;
  iframe.addEventListener('load', () => {
    try {
      iframe.style.height = `${Math.min(4000, iframe.contentDocument.documentElement.scrollHeight + 20)}px`;
    } catch {
      iframe.style.height = '600px';
    }
  });
  return iframe;
}

async function download(id) {
  try {
    const blob = await fetchBlob(`/api/messages/${q(id)}/raw`);
    const url = URL.createObjectURL(blob);
    const a = h('a', { href: url, download: `${id}.txt` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (e) {
    toast(e.status === 404 ? 'You may read this message but not download it.' : e.message, 'error');
  }
}
