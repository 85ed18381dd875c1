import { h, field, errorBox } from '../dom.js';
import * as api from '../api.js';

/** Password login; an API token works too (the first admin has only the token printed at install). */
export function renderLogin(root, done) {
  const message = h('div', { class: 'login-error' });
  const email = h('input', { type: 'email', name: 'email', required: true, autocomplete: 'username', autofocus: true });
  const password = h('input', { type: 'password', name: 'password', required: true, autocomplete: 'current-password' });
  const token = h('input', { type: 'password', name: 'token', autocomplete: 'off', placeholder: 'dw_…' });

  const passwordForm = h('form', { class: 'stack', id: 'login-form', onsubmit: async (e) => {
    e.preventDefault();
    message.replaceChildren();
    try {
      await api.login(email.value.trim(), password.value);
      done();
    } catch (err) {
      message.replaceChildren(errorBox(err));
    }
  } },
  field('Email', email), field('Password', password),
  h('button', { type: 'submit', class: 'primary' }, 'Log in'));

  const tokenForm = h('form', { class: 'stack', id: 'token-form', onsubmit: async (e) => {
    e.preventDefault();
    message.replaceChildren();
    try {
      await api.loginWithToken(token.value);
      done();
    } catch (err) {
      message.replaceChildren(errorBox(err));
    }
  } }, field('API token', token, 'Kept for this tab only.'), h('button', { type: 'submit' }, 'Use token'));

  root.append(h('div', { class: 'login' },
    h('div', { class: 'login-card' },
      h('div', { class: 'brand big' }, h('span', { class: 'logo' }, 'D'), 'Dealwire'),
      h('p', { class: 'muted' }, 'Your pipeline, kept up to date from your mail.'),
      message, passwordForm,
      h('details', { class: 'token-login' }, h('summary', {}, 'Log in with an API token'), tokenForm))));
}
