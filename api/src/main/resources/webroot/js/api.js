// The API client. Two ways in: a password session (HttpOnly cookie + CSRF token echoed in a header on
// unsafe requests) or an API token kept for this tab only (sessionStorage), sent as a bearer token.

const TOKEN_KEY = 'dealwire.token';
const state = { token: sessionStorage.getItem(TOKEN_KEY), csrf: null, user: null };
const listeners = new Set();

export class ApiError extends Error {
  constructor(status, title, message) {
    super(message);
    this.status = status;
    this.title = title;
  }
}

export function onUnauthorized(fn) {
  listeners.add(fn);
}

export function currentUser() {
  return state.user;
}

function csrfFromCookie() {
  const m = document.cookie.match(/(?:^|;\s*)dw_csrf=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : null;
}

export async function api(path, { method = 'GET', body, text = false } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (state.token) headers.Authorization = `Bearer ${state.token}`;
  else if (!['GET', 'HEAD'].includes(method)) {
    const csrf = state.csrf || csrfFromCookie();
    if (csrf) headers['X-CSRF-Token'] = csrf;
  }
  let res;
  try {
    res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, 'Network error', 'the server cannot be reached; check your connection');
  }
  if (res.status === 204) return null;
  const type = res.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await res.json().catch(() => null) : await res.text();
  if (!res.ok) {
    const problem = data && typeof data === 'object' ? data : {};
    if (res.status === 401 && state.user) {
      state.user = null;
      listeners.forEach((fn) => fn());
    }
    throw new ApiError(res.status, problem.title || res.statusText, problem.detail || `the request failed (${res.status})`);
  }
  return text && typeof data !== 'string' ? JSON.stringify(data) : data;
}

export async function fetchBlob(path) {
  const headers = {};
  if (state.token) headers.Authorization = `Bearer ${state.token}`;
  const res = await fetch(path, { headers, credentials: 'same-origin' });
  if (!res.ok) throw new ApiError(res.status, res.statusText, `download failed (${res.status})`);
  return res.blob();
}

/** Restores a login after a reload: the tab's token, else the session cookie. Returns the user or null. */
export async function restore() {
  if (state.token) {
    try {
      state.user = await api('/api/me');
      return state.user;
    } catch {
      forgetToken();
    }
  }
  try {
    const s = await api('/api/session');
    state.csrf = s.csrfToken;
    state.user = s.user;
    return state.user;
  } catch {
    return null;
  }
}

export async function login(email, password) {
  const s = await api('/api/session', { method: 'POST', body: { email, password } });
  forgetToken();
  state.csrf = s.csrfToken;
  state.user = s.user;
  return s.user;
}

export async function loginWithToken(token) {
  state.token = token.trim();
  try {
    state.user = await api('/api/me');
  } catch (e) {
    forgetToken();
    throw e;
  }
  sessionStorage.setItem(TOKEN_KEY, state.token);
  return state.user;
}

export async function logout() {
  if (!state.token) await api('/api/session', { method: 'DELETE' }).catch(() => {});
  forgetToken();
  state.user = null;
  state.csrf = null;
}

function forgetToken() {
  state.token = null;
  sessionStorage.removeItem(TOKEN_KEY);
}

export const q = encodeURIComponent;
