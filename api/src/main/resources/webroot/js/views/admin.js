import { h, clear, dateTime, toast, errorBox, field } from '../dom.js';
import { api, q, currentUser } from '../api.js';

const POLL_MS = 2000;

export async function renderAdmin(root, tab = 'mailboxes') {
  if (currentUser().role !== 'admin') {
    clear(root).append(h('div', { class: 'empty' }, 'Only admins manage mailboxes, users and pipelines.'));
    return undefined;
  }
  const tabs = h('nav', { class: 'tabs' }, [['mailboxes', 'Mailboxes'], ['users', 'Users & tokens'], ['pipelines', 'Pipelines']]
    .map(([id, label]) => h('a', { href: `#/admin/${id}`, class: id === tab ? 'active' : '' }, label)));
  const body = h('div');
  clear(root).append(h('div', { class: 'toolbar' }, h('h1', {}, 'Admin')), tabs, body);
  if (tab === 'users') return renderUsers(body);
  if (tab === 'pipelines') return renderPipelines(body);
  return renderMailboxes(body);
}

// ---------- mailboxes

function progressOf(m) {
  const done = m.folderSync.reduce((s, f) => s + (f.backfill?.done || 0), 0);
  const total = m.folderSync.reduce((s, f) => s + (f.backfill?.total || 0), 0);
  if (total > 0) return Math.min(100, Math.round((done / total) * 100));
  return m.state === 'idle' && m.folderSync.length ? 100 : 0;
}

function mailboxRow(m) {
  const pct = progressOf(m);
  return h('tr', { dataset: { mailboxId: m.id } },
    h('td', {}, h('strong', {}, m.name), h('div', { class: 'muted small' }, `${m.username} @ ${m.host}:${m.port} (${m.security})`)),
    h('td', {}, h('span', { class: `state state-${m.state}` }, m.state),
      m.lastError ? h('div', { class: 'error-box small mailbox-error' }, m.lastError) : null),
    h('td', {},
      h('div', { class: `progress ${pct === 100 ? 'done' : ''}`, role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(pct), title: `${pct} %` },
        h('div', { style: `width:${pct}%` })),
      h('div', { class: 'muted small progress-label' }, `${pct} % · ${m.messages ?? m.folderSync.reduce((s, f) => s + f.stored, 0)} messages`)),
    h('td', { class: 'muted small' }, m.folderSync.map((f) => h('div', {}, `${f.folder}: ${f.stored} stored`))),
    h('td', {}, m.shared ? 'shared' : 'personal'),
    h('td', {}, h('button', { type: 'button', class: 'danger', onclick: async () => {
      if (!confirm(`Remove the mailbox ${m.name}? Its messages stay in the CRM.`)) return;
      try {
        await api(`/api/mailboxes/${q(m.id)}`, { method: 'DELETE' });
        toast('Mailbox removed');
      } catch (e) {
        toast(e.message, 'error');
      }
    } }, 'Remove')));
}

async function renderMailboxes(root) {
  const users = await api('/api/users');
  const table = h('tbody', { id: 'mailbox-rows' });
  const refresh = async () => {
    try {
      const list = await api('/api/mailboxes');
      table.replaceChildren(...(list.length ? list.map(mailboxRow) : [h('tr', {}, h('td', { colspan: '6', class: 'muted' }, 'No mailbox yet: add one below.'))]));
    } catch (e) {
      table.replaceChildren(h('tr', {}, h('td', { colspan: '6' }, errorBox(e))));
    }
  };
  await refresh();
  const timer = setInterval(refresh, POLL_MS);

  const f = {
    name: h('input', { name: 'name', required: true, placeholder: 'Sales inbox' }),
    host: h('input', { name: 'host', required: true, placeholder: 'imap.example.com' }),
    port: h('input', { name: 'port', type: 'number', required: true, value: '993', min: '1', max: '65535' }),
    security: h('select', { name: 'security' }, ['tls', 'starttls', 'none'].map((s) => h('option', { value: s }, s))),
    username: h('input', { name: 'username', required: true, autocomplete: 'off' }),
    password: h('input', { name: 'password', type: 'password', required: true, autocomplete: 'new-password' }),
    folders: h('input', { name: 'folders', placeholder: 'INBOX, Sent (empty: inbox and sent)' }),
    since: h('input', { name: 'since', type: 'date' }),
    owner: h('select', { name: 'owner' }, users.map((u) => h('option', { value: u.id, selected: u.id === currentUser().id }, `${u.name} (${u.role})`))),
    shared: h('input', { name: 'shared', type: 'checkbox' }),
  };
  const result = h('div', { id: 'mailbox-result' });
  const request = () => {
    const body = { name: f.name.value.trim(), host: f.host.value.trim(), port: Number(f.port.value), security: f.security.value,
      username: f.username.value.trim(), password: f.password.value, owner: f.owner.value, shared: f.shared.checked };
    const folders = f.folders.value.split(',').map((s) => s.trim()).filter(Boolean);
    if (folders.length) body.folders = folders;
    if (f.since.value) body.since = f.since.value;
    return body;
  };
  const form = h('form', { class: 'panel stack', id: 'add-mailbox', onsubmit: async (e) => {
    e.preventDefault();
    try {
      await api('/api/mailboxes', { method: 'POST', body: request() });
      result.replaceChildren(h('p', {}, 'Mailbox added: the sync starts now.'));
      form.reset();
      refresh();
    } catch (err) {
      result.replaceChildren(errorBox(err));
    }
  } },
  h('h2', {}, 'Add a mailbox'),
  h('div', { class: 'grid-form' }, field('Name', f.name), field('IMAP host', f.host), field('Port', f.port), field('Security', f.security),
    field('User name', f.username), field('Password', f.password), field('Folders', f.folders), field('Mail since', f.since),
    field('Owner', f.owner), h('label', { class: 'check' }, f.shared, 'Shared with the whole team')),
  result,
  h('div', { class: 'actions' },
    h('button', { type: 'button', id: 'test-mailbox', onclick: async () => {
      result.replaceChildren(h('p', { class: 'muted' }, 'Connecting…'));
      try {
        const r = await api('/api/mailboxes/test', { method: 'POST', body: request() });
        result.replaceChildren(h('p', {}, `Connection works. Folders: ${r.folders.join(', ')}`));
      } catch (err) {
        result.replaceChildren(errorBox(err));
      }
    } }, 'Test connection'),
    h('button', { type: 'submit', class: 'primary' }, 'Add mailbox')));

  root.append(h('section', { class: 'panel' }, h('h2', {}, 'Mailboxes'),
    h('table', { class: 'data' }, h('thead', {}, h('tr', {}, ['Mailbox', 'State', 'Sync', 'Folders', 'Visibility', ''].map((t) => h('th', {}, t)))), table)), form);
  return () => clearInterval(timer);
}

// ---------- users and tokens

async function renderUsers(root) {
  const users = await api('/api/users');
  const list = h('tbody', {}, users.map((u) => h('tr', {},
    h('td', {}, h('strong', {}, u.name), h('div', { class: 'muted small' }, u.email)),
    h('td', {}, u.role),
    h('td', {}, h('button', { type: 'button', onclick: () => tokensPanel(u, panel) }, 'Tokens'), ' ',
      h('button', { type: 'button', onclick: () => passwordPanel(u, panel) }, 'Set password')))));
  const panel = h('div');
  const name = h('input', { name: 'name', required: true });
  const email = h('input', { name: 'email', type: 'email', required: true });
  const role = h('select', { name: 'role' }, ['rep', 'manager', 'admin'].map((r) => h('option', { value: r }, r)));
  const out = h('div');
  const form = h('form', { class: 'panel stack', onsubmit: async (e) => {
    e.preventDefault();
    try {
      await api('/api/users', { method: 'POST', body: { name: name.value, email: email.value, role: role.value } });
      toast('User added');
      clear(root);
      renderUsers(root);
    } catch (err) {
      out.replaceChildren(errorBox(err));
    }
  } }, h('h2', {}, 'Add a user'), h('div', { class: 'grid-form' }, field('Name', name), field('Email', email), field('Role', role)), out,
  h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Add user')));
  root.append(h('section', { class: 'panel' }, h('h2', {}, 'Users'),
    h('table', { class: 'data' }, h('thead', {}, h('tr', {}, h('th', {}, 'User'), h('th', {}, 'Role'), h('th', {}, ''))), list)), panel, form);
}

async function tokensPanel(user, panel) {
  const tokens = await api(`/api/users/${q(user.id)}/tokens`);
  const label = h('input', { name: 'label', placeholder: 'Thunderbird on laptop', required: true });
  const secret = h('div');
  panel.replaceChildren(h('section', { class: 'panel' }, h('h2', {}, `Tokens of ${user.name}`),
    h('table', { class: 'data' }, h('tbody', {}, tokens.map((t) => h('tr', {},
      h('td', {}, t.label), h('td', { class: 'muted small' }, `created ${dateTime(t.createdAt)}`),
      h('td', {}, t.revokedAt ? h('span', { class: 'muted' }, `revoked ${dateTime(t.revokedAt)}`)
        : h('button', { type: 'button', class: 'danger', onclick: async () => {
          await api(`/api/users/${q(user.id)}/tokens/${q(t.id)}`, { method: 'DELETE' }).catch((e) => toast(e.message, 'error'));
          tokensPanel(user, panel);
        } }, 'Revoke')))))),
    h('form', { class: 'actions', onsubmit: async (e) => {
      e.preventDefault();
      try {
        const t = await api(`/api/users/${q(user.id)}/tokens`, { method: 'POST', body: { label: label.value } });
        await tokensPanel(user, panel);
        panel.querySelector('section').append(h('p', {}, 'Copy this token now; it is not shown again:'), h('div', { class: 'secret' }, t.token));
      } catch (err) {
        secret.replaceChildren(errorBox(err));
      }
    } }, label, h('button', { type: 'submit', class: 'primary' }, 'Create token')), secret));
}

function passwordPanel(user, panel) {
  const password = h('input', { type: 'password', autocomplete: 'new-password', minlength: '10', required: true });
  const out = h('div');
  panel.replaceChildren(h('form', { class: 'panel stack', onsubmit: async (e) => {
    e.preventDefault();
    try {
      await api(`/api/users/${q(user.id)}/password`, { method: 'POST', body: { password: password.value } });
      out.replaceChildren(h('p', {}, `Password set for ${user.name}.`));
    } catch (err) {
      out.replaceChildren(errorBox(err));
    }
  } }, h('h2', {}, `Password of ${user.name}`), field('New password', password, 'At least 10 characters.'), out,
  h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Set password'))));
}

// ---------- pipelines

async function renderPipelines(root, selected) {
  const [pipelines, templates] = await Promise.all([api('/api/pipelines'), api('/api/pipelines/templates')]);
  const current = pipelines.find((p) => p.id === selected) || pipelines[0];
  const editor = h('div');
  const picker = h('select', { 'aria-label': 'Pipeline', onchange: (e) => { clear(root); renderPipelines(root, e.target.value); } },
    pipelines.map((p) => h('option', { value: p.id, selected: p.id === current?.id }, p.name)));
  const template = h('select', { 'aria-label': 'Template' }, templates.map((t) => h('option', { value: t.id }, t.name)));
  const newId = h('input', { placeholder: 'id, e.g. enterprise', pattern: '[a-z0-9][a-z0-9-]*' });
  const newName = h('input', { placeholder: 'Name' });
  const out = h('div');
  root.append(h('div', { class: 'toolbar' }, h('span', {}, 'Edit'), picker),
    editor,
    h('form', { class: 'panel stack', onsubmit: async (e) => {
      e.preventDefault();
      try {
        const body = { template: template.value };
        if (newId.value) body.id = newId.value;
        if (newName.value) body.name = newName.value;
        const p = await api('/api/pipelines', { method: 'POST', body });
        toast('Pipeline created');
        clear(root);
        renderPipelines(root, p.id);
      } catch (err) {
        out.replaceChildren(errorBox(err));
      }
    } }, h('h2', {}, 'New pipeline from a template'), h('div', { class: 'grid-form' }, field('Template', template), field('Id', newId), field('Name', newName)), out,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Create'))));
  if (current) pipelineEditor(editor, current);
}

function pipelineEditor(root, pipeline) {
  const stages = pipeline.stages.map((s) => ({ ...s }));
  const name = h('input', { value: pipeline.name, required: true });
  const mode = h('select', {}, [['auto', 'Apply inferred stages'], ['suggest', 'Only suggest stages']]
    .map(([v, l]) => h('option', { value: v, selected: pipeline.inferenceMode === v }, l)));
  const rows = h('div', { id: 'stage-rows' });
  const out = h('div');
  const draw = () => rows.replaceChildren(
    h('div', { class: 'stage-row muted small' }, 'Id', 'Name', 'Kind', 'Win prob.', 'Idle days', ''),
    ...stages.map((s, i) => h('div', { class: 'stage-row' },
      h('input', { value: s.id, 'aria-label': 'Stage id', oninput: (e) => { s.id = e.target.value.trim(); } }),
      h('input', { value: s.name, 'aria-label': 'Stage name', oninput: (e) => { s.name = e.target.value; } }),
      h('select', { 'aria-label': 'Kind', onchange: (e) => { s.kind = e.target.value; } },
        ['open', 'won', 'lost', 'parked'].map((k) => h('option', { value: k, selected: s.kind === k }, k))),
      h('input', { type: 'number', min: '0', max: '1', step: '0.05', value: String(s.probability), 'aria-label': 'Probability', oninput: (e) => { s.probability = Number(e.target.value); } }),
      h('input', { type: 'number', min: '0', step: '1', value: String(s.inactivityDays), 'aria-label': 'Inactivity days', oninput: (e) => { s.inactivityDays = Number(e.target.value); } }),
      h('div', {},
        h('button', { type: 'button', title: 'Move up', disabled: i === 0, onclick: () => { [stages[i - 1], stages[i]] = [stages[i], stages[i - 1]]; draw(); } }, '↑'),
        h('button', { type: 'button', title: 'Move down', disabled: i === stages.length - 1, onclick: () => { [stages[i + 1], stages[i]] = [stages[i], stages[i + 1]]; draw(); } }, '↓'),
        h('button', { type: 'button', class: 'danger', title: 'Remove', onclick: () => { stages.splice(i, 1); draw(); } }, '✕')))));
  draw();
  root.replaceChildren(h('form', { class: 'panel stack', onsubmit: async (e) => {
    e.preventDefault();
    try {
      await api(`/api/pipelines/${q(pipeline.id)}`, { method: 'PUT', body: { name: name.value, model: pipeline.model, inferenceMode: mode.value, stages } });
      out.replaceChildren();
      toast('Pipeline saved');
    } catch (err) {
      out.replaceChildren(errorBox(err));
    }
  } }, h('h2', {}, `Pipeline ${pipeline.id}`), h('div', { class: 'grid-form' }, field('Name', name), field('Stage inference', mode)), rows,
  h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => {
    stages.splice(stages.findIndex((s) => s.kind !== 'open') >= 0 ? stages.findIndex((s) => s.kind !== 'open') : stages.length, 0,
      { id: `stage-${stages.length + 1}`, name: 'New stage', kind: 'open', probability: 0.5, inactivityDays: 14, businessDays: false });
    draw();
  } }, 'Add stage')), out,
  h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save pipeline'))));
}
