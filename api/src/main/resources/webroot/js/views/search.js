import { h, clear, markedText, dateTime, directionIcon, errorBox } from '../dom.js';
import { api, q } from '../api.js';

const SYNTAX = [
  ['word "a phrase"', 'all words must match; quotes keep a phrase together'],
  ['-word', 'exclude a word'],
  ['a OR b', 'either word'],
  ['from: to: cc: subject:', 'in a header, e.g. from:dana@acme.example'],
  ['company: deal: stage: owner: mailbox:', 'by CRM link, e.g. stage:proposal'],
  ['filename:', 'an attachment name, e.g. filename:devis.pdf'],
  ['has:attachment', 'with attachments'],
  ['is:inbound is:outbound is:internal is:automated is:private', 'by kind of mail'],
  ['lang:en lang:fr', 'by language'],
  ['after:2025-01 before:2025-03-15 on:2025-02-01', 'by date (UTC)'],
];

const FACET_NAMES = { company: 'Company', deal: 'Deal', stage: 'Stage', owner: 'Owner', month: 'Month' };

/** The operator a facet value adds to the query (month becomes an on: date). */
function facetTerm(dimension, value) {
  const quoted = /[\s"]/.test(value) ? `"${value.replace(/"/g, '')}"` : value;
  return dimension === 'month' ? `on:${value}` : `${dimension}:${quoted}`;
}

export async function renderSearch(root, params) {
  const query = params.get('q') || '';
  const sort = params.get('sort') || 'relevance';
  const cursor = params.get('cursor') || '';
  const input = h('input', { type: 'search', name: 'q', value: query, placeholder: 'Search every conversation you can see', 'aria-label': 'Search query', autofocus: true });
  const help = h('details', { class: 'syntax-help' }, h('summary', {}, 'Search syntax'),
    h('table', {}, h('tbody', {}, SYNTAX.map(([code, what]) => h('tr', {}, h('td', {}, h('code', {}, code)), h('td', {}, what))))));
  const form = h('form', { class: 'searchbar', onsubmit: (e) => {
    e.preventDefault();
    location.hash = `#/search?q=${q(input.value)}&sort=${sort}`;
  } }, input,
  h('select', { 'aria-label': 'Sort', onchange: (e) => { location.hash = `#/search?q=${q(query)}&sort=${e.target.value}`; } },
    h('option', { value: 'relevance', selected: sort === 'relevance' }, 'Best match'),
    h('option', { value: 'date', selected: sort === 'date' }, 'Newest')),
  h('button', { type: 'submit', class: 'primary' }, 'Search'));

  clear(root).append(h('div', { class: 'toolbar' }, h('h1', {}, 'Search')), form, help);
  if (!query && !params.has('q')) {
    root.append(h('p', { class: 'muted' }, 'Search subjects, bodies, people, companies and attachment names. Try ', h('code', {}, 'devis is:inbound'), '.'));
    return;
  }
  let result;
  try {
    result = await api(`/api/search?q=${q(query)}&sort=${q(sort)}&limit=20${cursor ? `&cursor=${q(cursor)}` : ''}`);
  } catch (e) {
    root.append(errorBox(e));
    return;
  }
  // Facet values are record ids; the answer names them.
  const names = result.labels || {};
  const facets = h('aside', { class: 'facets', id: 'facets' }, Object.entries(result.facets || {})
    .filter(([, values]) => Object.keys(values).length)
    .map(([dimension, values]) => h('section', { class: 'facet', dataset: { facet: dimension } },
      h('h3', {}, FACET_NAMES[dimension] || dimension),
      h('ul', {}, Object.entries(values).slice(0, 8).map(([value, count]) => h('li', {},
        h('a', { href: `#/search?q=${q(`${query} ${facetTerm(dimension, value)}`.trim())}&sort=${sort}` },
          names[dimension]?.[value] || value),
        h('span', { class: 'count' }, String(count))))))));

  const hits = h('ol', { class: 'hits', id: 'hits' }, result.hits.map((hit) => h('li', { class: 'hit' },
    h('div', { class: 'hit-head' },
      directionIcon(hit.direction),
      h('a', { class: 'hit-subject', href: `#/messages/${encodeURIComponent(hit.id)}` }, hit.subject || '(no subject)'),
      h('span', { class: 'muted small' }, dateTime(hit.date))),
    h('div', { class: 'hit-meta muted small' }, hit.from,
      hit.companyName ? [' · ', hit.companyName] : null,
      hit.deal ? [' · ', h('a', { href: `#/deals/${encodeURIComponent(hit.deal)}` }, hit.dealTitle || 'deal')] : null,
      hit.stage ? [' · ', h('span', { class: 'stage-chip' }, hit.stage)] : null,
      hit.hasAttachment ? ' · 📎' : null),
    h('p', { class: 'snippet' }, markedText(hit.snippet)))));

  const pager = result.next ? h('a', { class: 'button', href: `#/search?q=${q(query)}&sort=${sort}&cursor=${q(result.next)}` }, 'Next page →') : null;
  root.append(h('p', { class: 'muted', id: 'result-count' }, `${result.total} message${result.total === 1 ? '' : 's'}`),
    h('div', { class: 'search-layout' }, facets, h('div', {}, result.hits.length ? hits : h('p', { class: 'empty' }, 'Nothing found.'), pager)));
}

