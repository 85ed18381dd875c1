import { h, clear, money, errorBox } from '../dom.js';
import { api, q } from '../api.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

const pct = (x) => (x === null || x === undefined || Number.isNaN(x) ? '—' : `${Math.round(x * 1000) / 10} %`);
const num = (x, digits = 1) => (x === null || x === undefined || Number.isNaN(x) ? '—' : String(Math.round(x * 10 ** digits) / 10 ** digits));

/** A funnel: one bar per open stage, width by deals reached, with the conversion to the next stage. */
export function funnelChart(stages) {
  const width = 720; const rowH = 46; const height = stages.length * rowH + 10;
  const max = Math.max(1, ...stages.map((s) => s.reached));
  const rows = stages.map((s, i) => {
    const w = Math.max(4, (s.reached / max) * (width - 260));
    const x = (width - 260 - w) / 2;
    const y = i * rowH + 5;
    return svg('g', { class: 'funnel-row' },
      svg('rect', { x, y, width: w, height: rowH - 12, rx: 6, fill: `hsl(${222 - i * 14}, 62%, ${52 + i * 3}%)` }),
      svg('text', { x: (width - 260) / 2, y: y + rowH / 2 - 2, 'text-anchor': 'middle', fill: '#fff', 'font-weight': 700 }, String(s.reached)),
      svg('text', { x: width - 250, y: y + 14, fill: '#1d2433', 'font-weight': 600 }, s.name),
      svg('text', { x: width - 250, y: y + 30, fill: '#6b7385' }, i < stages.length - 1 ? `→ next: ${pct(s.conversionToNext)}` : ''));
  });
  return svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'Funnel by stage' }, rows);
}

export async function renderMetrics(root, params) {
  const pipelines = await api('/api/pipelines');
  const users = await api('/api/users').catch(() => []);
  const pipeline = params.get('pipeline') || 'default';
  const owner = params.get('owner') || '';
  const from = params.get('from') || '';
  const to = params.get('to') || '';
  const target = params.get('target') || '';
  const form = h('form', { class: 'toolbar', id: 'metrics-form', onsubmit: (e) => {
    e.preventDefault();
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(e.target)) if (v) p.set(k, v);
    location.hash = `#/metrics?${p}`;
  } },
  h('h1', {}, 'Metrics'),
  h('select', { name: 'pipeline', 'aria-label': 'Pipeline' }, pipelines.map((p) => h('option', { value: p.id, selected: p.id === pipeline }, p.name))),
  h('select', { name: 'owner', 'aria-label': 'Owner' }, h('option', { value: '' }, 'Whole team'),
    users.map((u) => h('option', { value: u.id, selected: u.id === owner }, u.name))),
  h('label', {}, 'From ', h('input', { type: 'date', name: 'from', value: from })),
  h('label', {}, 'To ', h('input', { type: 'date', name: 'to', value: to })),
  h('label', {}, 'Target ', h('input', { type: 'number', name: 'target', min: '0', step: '1000', value: target, placeholder: 'sales target' })),
  h('button', { type: 'submit', class: 'primary' }, 'Update'));
  clear(root).append(form);

  const query = new URLSearchParams({ pipeline });
  if (owner) query.set('owner', owner);
  if (from) query.set('from', from);
  if (to) query.set('to', to);
  if (target) query.set('target', target);
  let m;
  try {
    m = await api(`/api/metrics?${query}`);
  } catch (e) {
    root.append(errorBox(e));
    return;
  }
  const cur = m.currency || 'EUR';
  // The report gives 0 for figures that need a closed deal; show them as unknown until one closed in the period.
  const anyClosed = m.won + m.lost > 0;
  const anyWon = m.won > 0;
  const kpi = (label, value, title) => h('div', { class: 'kpi', title: title || label }, h('div', { class: 'value' }, value), h('div', { class: 'label' }, label));
  root.append(...[
    h('div', { class: 'kpis', id: 'kpis' },
      kpi('Win rate', anyClosed ? pct(m.winRate) : '—', 'Won ÷ (won + lost) among deals closed in the period'),
      kpi('Average deal', anyWon ? money(m.averageDealSize, cur) : '—', 'Mean value of the deals won in the period'),
      kpi('Sales cycle', anyWon ? `${num(m.averageCycleDays)} days` : '—', 'From creation to a win, on average'),
      kpi('Velocity', anyWon ? `${money(m.velocity, cur)}/day` : '—', '(open deals × average value × win rate) ÷ cycle length'),
      kpi('Open deals', String(m.openDeals)),
      kpi('Forecast', money(m.forecast, cur), 'Σ value × stage probability'),
      kpi('RTV', money(m.rtv, cur), 'Total viable revenue: open deals at or past qualification'),
      kpi('GAP', m.gap == null ? 'set a target' : money(m.gap, cur), 'Target − sales to date'),
      kpi('Funnel factor', m.funnelFactor == null ? '—' : num(m.funnelFactor, 2), 'RTV ÷ GAP: above 1 the pipeline can cover the target')),
    h('section', { class: 'panel funnel', id: 'funnel' }, h('h2', {}, 'Funnel'), funnelChart(m.funnel || [])),
    m.funnel?.length ? h('section', { class: 'panel' }, h('h2', {}, 'Stages'), h('table', { class: 'data' },
      h('thead', {}, h('tr', {}, ['Stage', 'Reached', 'Now in stage', 'Value now', 'Conversion to next', 'Avg. days in stage'].map((t) => h('th', {}, t)))),
      h('tbody', {}, m.funnel.map((s) => h('tr', {}, h('td', {}, s.name), h('td', {}, String(s.reached)), h('td', {}, String(s.current)),
        h('td', {}, money(s.value, cur)), h('td', {}, pct(s.conversionToNext)), h('td', {}, num(s.averageDaysInStage))))))) : null].filter(Boolean));
}
