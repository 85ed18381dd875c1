import { h, clear, errorBox } from './dom.js';
import * as api from './api.js';
import { renderLogin } from './views/login.js';
import { renderBoard } from './views/board.js';
import { renderDeal } from './views/deal.js';
import { renderSearch } from './views/search.js';
import { renderMessage } from './views/message.js';
import { renderReminders } from './views/reminders.js';
import { renderMetrics } from './views/metrics.js';
import { renderAdmin } from './views/admin.js';
import { renderContact, renderCompany } from './views/people.js';

const routes = [
  [/^\/board$/, renderBoard, 'board'],
  [/^\/deals\/([^/]+)$/, renderDeal, 'board'],
  [/^\/search$/, renderSearch, 'search'],
  [/^\/messages\/([^/]+)$/, renderMessage, 'search'],
  [/^\/contacts\/([^/]+)$/, renderContact, 'board'],
  [/^\/companies\/([^/]+)$/, renderCompany, 'board'],
  [/^\/reminders$/, renderReminders, 'reminders'],
  [/^\/metrics$/, renderMetrics, 'metrics'],
  [/^\/admin(?:\/([a-z]+))?$/, renderAdmin, 'admin'],
];

let cleanup = null;
let renderSeq = 0;

/** '#/search?q=x' → { path: '/search', params: URLSearchParams('q=x') } */
export function parseHash(hash = location.hash) {
  const raw = hash.replace(/^#/, '') || '/board';
  const [path, query = ''] = raw.split('?');
  return { path, params: new URLSearchParams(query) };
}

export function go(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

async function route() {
  const seq = ++renderSeq;
  if (typeof cleanup === 'function') cleanup();
  cleanup = null;
  const view = document.getElementById('view');
  const user = api.currentUser();
  if (!user) {
    showChrome(false);
    clear(view);
    renderLogin(view, async () => {
      showChrome(true);
      route();
    });
    return;
  }
  showChrome(true);
  const { path, params } = parseHash();
  const match = routes.find(([re]) => re.test(path));
  if (!match) {
    clear(view).append(h('div', { class: 'empty' }, h('h2', {}, 'Page not found'), h('a', { href: '#/board' }, 'Back to the pipeline')));
    return;
  }
  const [re, render, nav] = match;
  document.querySelectorAll('#nav a').forEach((a) => a.classList.toggle('active', a.dataset.nav === nav));
  const args = path.match(re).slice(1).map((s) => (s === undefined ? s : decodeURIComponent(s)));
  clear(view).append(h('p', { class: 'muted loading' }, 'Loading…'));
  try {
    const result = await render(view, ...args, params);
    if (seq !== renderSeq) {
      if (typeof result === 'function') result();
      return;
    }
    cleanup = result;
  } catch (e) {
    if (seq !== renderSeq) return;
    clear(view).append(errorBox(e));
  }
}

function showChrome(visible) {
  document.getElementById('topbar').hidden = !visible;
  const user = api.currentUser();
  document.getElementById('me-name').textContent = user ? `${user.name} · ${user.role}` : '';
  document.getElementById('nav-admin').hidden = !user || user.role !== 'admin';
}

document.getElementById('logout').addEventListener('click', async () => {
  await api.logout();
  location.hash = '#/board';
  route();
});

document.getElementById('quicksearch').addEventListener('submit', (e) => {
  e.preventDefault();
  const q = new FormData(e.target).get('q') || '';
  go(`#/search?q=${encodeURIComponent(q)}`);
});

api.onUnauthorized(() => route());
window.addEventListener('hashchange', route);

(async () => {
  await api.restore();
  route();
})();
