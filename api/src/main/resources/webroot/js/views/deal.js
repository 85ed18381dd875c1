import { h, clear, money, dateTime, ago, directionIcon, toast } from '../dom.js';
import { api, q } from '../api.js';
import { dealBadges } from './board.js';

export async function renderDeal(root, id) {
  const [detail, timeline, pipelines] = await Promise.all([
    api(`/api/deals/${q(id)}`),
    api(`/api/deals/${q(id)}/timeline?limit=100`),
    api('/api/pipelines'),
  ]);
  const d = detail.deal;
  const pipeline = pipelines.find((p) => p.id === d.pipelineId);
  const rerender = () => renderDeal(root, id);

  const stageSelect = h('select', { id: 'stage-select', 'aria-label': 'Stage', onchange: async (e) => {
    try {
      await api(`/api/deals/${q(id)}/stage`, { method: 'POST', body: { stage: e.target.value } });
      toast('Stage changed');
      rerender();
    } catch (err) {
      toast(err.message, 'error');
      e.target.value = d.stage.id;
    }
  } }, (pipeline?.stages || [d.stage]).map((s) => h('option', { value: s.id, selected: s.id === d.stage.id }, s.name)));

  const header = h('div', { class: 'deal-head' },
    h('div', {},
      h('a', { class: 'muted small', href: `#/board?pipeline=${encodeURIComponent(d.pipelineId)}` }, `← ${pipeline?.name || 'Pipeline'}`),
      h('h1', {}, d.title),
      h('div', { class: 'deal-facts' },
        d.companyId ? h('a', { href: `#/companies/${encodeURIComponent(d.companyId)}` }, d.companyName || 'Company') : null,
        h('span', {}, money(d.value, d.currency)),
        h('span', {}, `Owner: ${d.ownerName || 'unassigned'}`),
        h('span', { title: d.lastActivity || '' }, d.lastActivity ? `Last mail ${ago(d.lastActivity)}` : 'No mail yet')),
      h('div', { class: 'badges' }, dealBadges(d))),
    h('label', { class: 'field stage-field' }, 'Stage', stageSelect));

  const suggestions = detail.suggestions.length ? h('section', { class: 'panel suggestions', id: 'suggestions' },
    h('h2', {}, 'Waiting for your decision'),
    detail.suggestions.map((s) => h('div', { class: 'suggestion', dataset: { changeId: s.id } },
      h('div', {}, 'Move to ', h('strong', {}, s.toStageName), ` (${dateTime(s.at)})`),
      s.evidence ? evidence(s.evidence) : null,
      h('div', { class: 'actions' },
        h('button', { class: 'primary', type: 'button', onclick: () => decide(id, s.id, 'accept', rerender) }, 'Accept'),
        h('button', { type: 'button', onclick: () => decide(id, s.id, 'dismiss', rerender) }, 'Dismiss'))))) : null;

  const history = h('section', { class: 'panel', id: 'history' }, h('h2', {}, 'Stage history'),
    detail.history.length ? h('ol', { class: 'history' }, [...detail.history].reverse().map((c) => h('li', { class: `change mode-${c.mode} status-${c.status}` },
      h('div', {}, h('strong', {}, c.toStageName), ' ',
        h('span', { class: 'muted small' }, `${modeLabel(c)} · ${dateTime(c.at)}`)),
      c.evidence ? evidence(c.evidence) : null))) : h('p', { class: 'muted' }, 'No stage change yet.'));

  const people = h('section', { class: 'panel', id: 'people' }, h('h2', {}, 'People involved'),
    detail.people.length ? h('ul', { class: 'people' }, detail.people.map((p) => h('li', {},
      h('a', { href: `#/contacts/${encodeURIComponent(p.id)}` }, p.name || p.email),
      p.title ? h('span', { class: 'muted small' }, ` · ${p.title}`) : null,
      h('div', { class: 'muted small' }, p.email, p.messages ? ` · ${p.messages} message${p.messages > 1 ? 's' : ''}` : '')))) : h('p', { class: 'muted' }, 'Nobody yet.'));

  const items = h('ol', { class: 'timeline', id: 'timeline' }, timeline.items.map(timelineItem));
  const main = h('section', { class: 'panel' }, h('h2', {}, `Conversation (${timeline.total})`),
    timeline.items.length ? items : h('p', { class: 'muted' }, 'No mail linked to this deal yet.'));

  clear(root).append(header, h('div', { class: 'deal-layout' }, main, h('div', { class: 'side' }, suggestions, history, people)));
}

export function timelineItem(m) {
  return h('li', { class: `tl tl-${m.direction || 'unknown'}` },
    directionIcon(m.direction),
    h('div', { class: 'tl-body' },
      h('div', { class: 'tl-head' },
        h('a', { href: `#/messages/${encodeURIComponent(m.id)}` }, m.subject || '(no subject)'),
        h('span', { class: 'muted small' }, dateTime(m.date))),
      h('div', { class: 'muted small' }, m.from, m.attachments ? ` · 📎 ${m.attachments}` : ''),
      h('p', { class: 'tl-snippet' }, m.snippet)));
}

function evidence(e) {
  return h('blockquote', { class: 'evidence' }, `“${e.quote || e.rule}”`,
    h('div', { class: 'muted small' }, e.rule ? `${e.rule} · ` : '', `confidence ${Math.round(e.confidence * 100)} %`,
      e.messageId ? [' · ', h('a', { href: `#/messages/${encodeURIComponent(e.messageId)}` }, 'message')] : null));
}

function modeLabel(c) {
  if (c.status === 'dismissed') return 'suggestion dismissed';
  return { auto: 'inferred from mail', suggested: 'suggestion accepted', person: 'set by a person' }[c.mode] || c.mode;
}

async function decide(id, changeId, action, done) {
  try {
    await api(`/api/deals/${q(id)}/suggestions/${q(changeId)}/${action}`, { method: 'POST' });
    toast(action === 'accept' ? 'Suggestion accepted' : 'Suggestion dismissed');
    done();
  } catch (err) {
    toast(err.message, 'error');
  }
}
