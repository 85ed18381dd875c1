import { h, clear } from '../dom.js';
import { api, q } from '../api.js';
import { timelineItem } from './deal.js';

async function dealLinks(ids) {
  const deals = await Promise.all(ids.map((id) => api(`/api/deals/${q(id)}`).then((d) => d.deal).catch(() => null)));
  return h('ul', { class: 'plain' }, deals.filter(Boolean).map((d) => h('li', {},
    h('a', { href: `#/deals/${encodeURIComponent(d.id)}` }, d.title), h('span', { class: 'stage-chip' }, d.stage.name))));
}

export async function renderContact(root, id) {
  const [detail, timeline] = await Promise.all([api(`/api/contacts/${q(id)}`), api(`/api/contacts/${q(id)}/timeline?limit=50`)]);
  const c = detail.contact;
  clear(root).append(h('div', { class: 'deal-head' }, h('div', {},
    h('h1', {}, c.name || c.emails[0] || 'Contact'),
    h('div', { class: 'deal-facts' }, c.title || null, c.emails.join(', '), c.phones.join(', ') || null,
      c.companyId ? h('a', { href: `#/companies/${encodeURIComponent(c.companyId)}` }, detail.companyName || 'Company') : 'Person account'))),
  h('div', { class: 'deal-layout' },
    h('section', { class: 'panel' }, h('h2', {}, `Timeline (${timeline.total})`), h('ol', { class: 'timeline' }, timeline.items.map(timelineItem))),
    h('div', { class: 'side' }, h('section', { class: 'panel' }, h('h2', {}, 'Deals'), await dealLinks(detail.dealIds)))));
}

export async function renderCompany(root, id) {
  const [detail, timeline] = await Promise.all([api(`/api/companies/${q(id)}`), api(`/api/companies/${q(id)}/timeline?limit=50`)]);
  const c = detail.company;
  clear(root).append(h('div', { class: 'deal-head' }, h('div', {},
    h('h1', {}, c.name), h('div', { class: 'deal-facts' }, c.domains.join(', ')))),
  h('div', { class: 'deal-layout' },
    h('section', { class: 'panel' }, h('h2', {}, `Timeline (${timeline.total})`), h('ol', { class: 'timeline' }, timeline.items.map(timelineItem))),
    h('div', { class: 'side' },
      h('section', { class: 'panel' }, h('h2', {}, 'Deals'), await dealLinks(detail.dealIds)),
      h('section', { class: 'panel' }, h('h2', {}, 'People'), h('ul', { class: 'people' }, detail.contacts.map((p) => h('li', {},
        h('a', { href: `#/contacts/${encodeURIComponent(p.id)}` }, p.name || p.emails[0]),
        p.title ? h('span', { class: 'muted small' }, ` · ${p.title}`) : null)))))));
}
