import { h, clear, money, ago, badge, toast, errorBox } from '../dom.js';
import { api, q, currentUser } from '../api.js';

/** Every deal of a pipeline, following the pages of the API (100 per page). */
export async function allDeals(params) {
  const deals = [];
  for (let offset = 0; ; offset += 100) {
    const page = await api(`/api/deals?${params}&limit=100&offset=${offset}`);
    deals.push(...page.items);
    if (deals.length >= page.total || page.items.length === 0) return deals;
  }
}

export function dealBadges(d) {
  return [
    d.needsReply ? badge('reply', 'Needs reply', 'The customer wrote last and has no answer yet') : null,
    d.awaitingReply ? badge('awaiting', 'Awaiting reply', 'We wrote last; a follow-up may be due') : null,
    d.inactive ? badge('inactive', 'Inactive', `No mail for ${d.daysSinceActivity ?? 'many'} days`) : null,
    d.pendingSuggestions ? badge('suggestion', `${d.pendingSuggestions} suggestion${d.pendingSuggestions > 1 ? 's' : ''}`, 'A stage change waits for your decision') : null,
  ];
}

function card(d) {
  return h('a', { class: 'card', href: `#/deals/${encodeURIComponent(d.id)}`, draggable: 'true', dataset: { dealId: d.id }, 'aria-label': d.title },
    h('div', { class: 'card-title' }, d.title),
    h('div', { class: 'card-company muted' }, d.companyName || ''),
    h('div', { class: 'card-row' },
      h('span', { class: 'card-value' }, money(d.value, d.currency)),
      h('span', { class: 'card-owner', title: 'Owner' }, d.ownerName || 'unassigned')),
    h('div', { class: 'card-row muted small' }, h('span', { title: d.lastActivity || '' }, d.lastActivity ? `Last mail ${ago(d.lastActivity)}` : 'No mail yet')),
    h('div', { class: 'badges' }, dealBadges(d)));
}

export async function renderBoard(root, params) {
  const pipelines = await api('/api/pipelines');
  if (!pipelines.length) {
    clear(root).append(h('div', { class: 'empty' }, 'No pipeline yet. An admin can create one under Admin → Pipelines.'));
    return;
  }
  const pipelineId = params.get('pipeline') || (pipelines.find((p) => p.id === 'default') || pipelines[0]).id;
  const pipeline = pipelines.find((p) => p.id === pipelineId) || pipelines[0];
  const mine = params.get('mine') === '1';
  const filter = params.get('q') || '';

  const query = new URLSearchParams({ pipeline: pipeline.id });
  if (mine) query.set('owner', 'me');
  if (filter) query.set('q', filter);
  const deals = await allDeals(query.toString());

  const setParam = (key, value) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value); else next.delete(key);
    location.hash = `#/board?${next}`;
  };

  const toolbar = h('div', { class: 'toolbar' },
    h('h1', {}, pipeline.name),
    h('select', { 'aria-label': 'Pipeline', onchange: (e) => setParam('pipeline', e.target.value) },
      pipelines.map((p) => h('option', { value: p.id, selected: p.id === pipeline.id }, p.name))),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', checked: mine, onchange: (e) => setParam('mine', e.target.checked ? '1' : '') }), 'Only my deals'),
    h('form', { class: 'inline', onsubmit: (e) => { e.preventDefault(); setParam('q', e.target.q.value.trim()); } },
      h('input', { type: 'search', name: 'q', value: filter, placeholder: 'Filter deals or companies' })),
    h('span', { class: 'spacer' }),
    h('button', { class: 'primary', type: 'button', onclick: () => newDealDialog(pipeline) }, 'New deal'));

  const columns = pipeline.stages.map((stage) => {
    const inStage = deals.filter((d) => d.stage.id === stage.id);
    const body = h('div', { class: 'column-body', dataset: { stage: stage.id } }, inStage.map(card));
    const total = inStage.reduce((sum, d) => sum + (d.value || 0), 0);
    const count = h('span', { class: 'count' }, String(inStage.length));
    const col = h('section', { class: `column kind-${stage.kind}`, dataset: { stage: stage.id }, 'aria-label': stage.name },
      h('header', {}, h('span', { class: 'column-name' }, stage.name), count,
        h('div', { class: 'column-total muted small' }, total ? money(total, inStage[0]?.currency) : '')),
      body);
    col.addEventListener('dragover', (e) => { e.preventDefault(); col.classList.add('drop'); });
    col.addEventListener('dragleave', () => col.classList.remove('drop'));
    col.addEventListener('drop', async (e) => {
      e.preventDefault();
      col.classList.remove('drop');
      const id = e.dataTransfer.getData('text/plain');
      const el = root.querySelector(`.card[data-deal-id="${CSS.escape(id)}"]`);
      if (!el || el.parentElement === body) return;
      const from = el.parentElement;
      body.prepend(el);
      refreshCounts(root);
      try {
        await api(`/api/deals/${q(id)}/stage`, { method: 'POST', body: { stage: stage.id } });
        toast(`Moved to ${stage.name}`);
      } catch (err) {
        from.prepend(el);
        refreshCounts(root);
        toast(err.message, 'error');
      }
    });
    return col;
  });

  const board = h('div', { class: 'board', id: 'board' }, columns);
  board.addEventListener('dragstart', (e) => {
    const c = e.target.closest('.card');
    if (!c) return;
    e.dataTransfer.setData('text/plain', c.dataset.dealId);
    e.dataTransfer.effectAllowed = 'move';
    c.classList.add('dragging');
  });
  board.addEventListener('dragend', (e) => e.target.closest?.('.card')?.classList.remove('dragging'));

  clear(root).append(...[toolbar, deals.length ? null : h('p', { class: 'muted' }, 'No deals here yet: they appear as mail comes in, or create one.'), board].filter(Boolean));
}

function refreshCounts(root) {
  root.querySelectorAll('.column').forEach((col) => {
    col.querySelector('.count').textContent = String(col.querySelectorAll('.card').length);
  });
}

async function newDealDialog(pipeline) {
  const error = h('div');
  const title = h('input', { name: 'title', required: true });
  const company = h('input', { name: 'company', placeholder: 'Type to find a company', list: 'company-options', required: true });
  const options = h('datalist', { id: 'company-options' });
  const value = h('input', { name: 'value', type: 'number', min: '0', step: '100' });
  const stage = h('select', { name: 'stage' }, pipeline.stages.map((s) => h('option', { value: s.id }, s.name)));
  let companies = [];
  company.addEventListener('input', async () => {
    const page = await api(`/api/companies?q=${q(company.value)}&limit=10`).catch(() => ({ items: [] }));
    companies = page.items;
    options.replaceChildren(...companies.map((c) => h('option', { value: c.name }, c.domains.join(', '))));
  });
  const dialog = h('dialog', { class: 'dialog' },
    h('form', { method: 'dialog', class: 'stack', onsubmit: async (e) => {
      e.preventDefault();
      const chosen = companies.find((c) => c.name === company.value);
      if (!chosen) { error.replaceChildren(errorBox(new Error('choose a company from the list'))); return; }
      try {
        const d = await api('/api/deals', { method: 'POST', body: {
          title: title.value, pipelineId: pipeline.id, stageId: stage.value, companyId: chosen.id,
          ownerId: currentUser().id, value: value.value ? Number(value.value) : 0 } });
        dialog.close();
        dialog.remove();
        location.hash = `#/deals/${encodeURIComponent(d.id)}`;
      } catch (err) {
        error.replaceChildren(errorBox(err));
      }
    } },
    h('h2', {}, 'New deal'), error,
    h('label', { class: 'field' }, 'Title', title),
    h('label', { class: 'field' }, 'Company', company, options),
    h('label', { class: 'field' }, 'Value', value),
    h('label', { class: 'field' }, 'Stage', stage),
    h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: () => { dialog.close(); dialog.remove(); } }, 'Cancel'),
      h('button', { type: 'submit', class: 'primary' }, 'Create'))));
  document.body.append(dialog);
  dialog.showModal();
}
