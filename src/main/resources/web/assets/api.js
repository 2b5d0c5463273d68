// JSON calls to the dashboard API: the CSRF token on every POST, timeouts, one error type.

const GET_TIMEOUT_MS = 10000;
// Stopping waits for the running tick (up to about 10 s on the server), so POSTs get longer.
const POST_TIMEOUT_MS = 30000;

let csrfToken = null;
let unauthorizedHandler = null;

/** A failed call: status 0 means the server could not be reached (or timed out). */
export class ApiError extends Error {
  constructor(status, serverMessage, { retryAfter = null, timeout = false } = {}) {
    super(serverMessage || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.serverMessage = serverMessage || null;
    this.retryAfter = retryAfter;
    this.timeout = timeout;
  }

  get network() {
    return this.status === 0;
  }
}

/** Called (once per answer) when the server answers 401; the page then goes to the login. */
export function onUnauthorized(fn) {
  unauthorizedHandler = fn;
}

export function setCsrfToken(token) {
  csrfToken = token || null;
}

async function request(method, url, body) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), method === 'GET' ? GET_TIMEOUT_MS : POST_TIMEOUT_MS);
  const headers = { Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin', cache: 'no-store', signal: controller.signal };
  if (method !== 'GET') {
    if (csrfToken) {
      headers['X-CSRF-Token'] = csrfToken;
    }
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body ?? {});
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch (e) {
    throw new ApiError(0, null, { timeout: e && e.name === 'AbortError' });
  } finally {
    clearTimeout(timer);
  }
  let data = null;
  try {
    data = await response.json();
  } catch (e) {
    data = null;
  }
  if (!response.ok) {
    if (response.status === 401 && unauthorizedHandler) {
      unauthorizedHandler();
    }
    const message = data && typeof data.error === 'string' ? data.error : null;
    throw new ApiError(response.status, message, { retryAfter: response.headers.get('Retry-After') });
  }
  return data;
}

export function getJson(url) {
  return request('GET', url);
}

export function postJson(url, body) {
  return request('POST', url, body);
}

/** GET /api/session: remembers the CSRF token and returns the session answer. */
export async function loadSession() {
  const session = await getJson('/api/session');
  setCsrfToken(session && session.csrf_token);
  return session;
}

/** Builds "path?a=1&b=2" with encoded values, skipping null and empty ones. */
export function withQuery(path, params) {
  const query = Object.entries(params)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return query ? `${path}?${query}` : path;
}
