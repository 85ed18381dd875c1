import { h, clear, dateTime, badge } from '../dom.js';
import { api, q, currentUser } from '../api.js';

const KINDS = [
  ['needs-reply', 'Needs a reply', 'reply', 'The customer wrote last: answer them.'],
  ['follow-up-due', 'Follow-up due', 'awaiting', 'We wrote last and they have not answered.'],
  ['inactive', 'Gone quiet', 'inactive', 'No mail either way for longer than the stage allows.'],
];

export async function renderReminders(root, params) {
  const owner = params.get('owner') || 'me';
  const seesTeam = currentUser().role !== 'rep';
  const users = seesTeam ? await api('/api/users').catch(() => []) : [];
  const reminders = await api(`/api/reminders?owner=${q(owner)}`);
  const picker = seesTeam ? h('select', { 'aria-label': 'Whose reminders', onchange: (e) => { location.hash = `#/reminders?owner=${q(e.target.value)}`; } },
    h('option', { value: 'me', selected: owner === 'me' }, 'Mine'),
    h('option', { value: 'all', selected: owner === 'all' }, 'Everyone'),
    users.map((u) => h('option', { value: u.id, selected: owner === u.id }, u.name))) : null;

  const groups = KINDS.map(([kind, title, style, help]) => {
    const items = reminders.filter((r) => r.kind === kind);
    return h('section', { class: 'panel', dataset: { kind } },
      h('h2', {}, title, ' ', badge(style, String(items.length))),
      h('p', { class: 'muted small' }, help),
      items.length ? h('ul', { class: 'plain' }, items.map((r) => h('li', { class: 'reminder' },
        h('div', {}, h('a', { href: `#/deals/${encodeURIComponent(r.dealId)}` }, r.dealTitle || r.dealId),
          owner !== 'me' && r.ownerName ? h('div', { class: 'muted small' }, r.ownerName) : null),
        h('div', { class: 'muted small', title: dateTime(r.since) }, `${r.days} day${r.days === 1 ? '' : 's'}`)))) : h('p', { class: 'muted' }, 'Nothing here.'));
  });
  clear(root).append(h('div', { class: 'toolbar' }, h('h1', {}, 'Reminders'), picker), h('div', { class: 'reminder-groups' }, groups));
}
