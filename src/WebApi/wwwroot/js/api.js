// Calls to the API of this origin: JSON in and out, the signed-in user's token from sessionStorage, and every
// refusal turned into its problem document (RFC 9457), so that a page can show its title, detail and extensions.

const tokenKey = 'reservations.token';

export function savedToken() {
  return sessionStorage.getItem(tokenKey);
}

export function saveToken(token) {
  sessionStorage.setItem(tokenKey, token);
}

export function forgetToken() {
  sessionStorage.removeItem(tokenKey);
}

/** The claims of a JWT (not verified: the API does that), or null when the text is not one. */
export function claimsOf(token) {
  const payload = token?.split('.')[1];
  if (!payload) {
    return null;
  }
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}

export function rolesOf(claims) {
  const role = claims?.role;
  return Array.isArray(role) ? role : role ? [role] : [];
}

/** A key for Idempotency-Key: random, from getRandomValues, which (unlike randomUUID) plain http pages have too. */
export function newIdempotencyKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Sends a request and answers { ok, status, data, problem, response }. A refusal's problem carries retryAfter
 * (seconds) when the answer had Retry-After; a network failure is a problem of status 0.
 */
export async function call(method, path, { body, token = savedToken(), headers = {} } = {}) {
  const init = { method, headers: { Accept: 'application/json, application/problem+json', ...headers } };
  if (token) {
    init.headers.Authorization = `Bearer ${token}`;
  }
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    return { ok: false, status: 0, problem: { title: 'Network error', detail: 'The server could not be reached.' } };
  }
  const data = await readJson(response);
  if (response.ok) {
    return { ok: true, status: response.status, data, response };
  }
  return { ok: false, status: response.status, problem: problemOf(response, data), response };
}

async function readJson(response) {
  const type = response.headers.get('Content-Type') ?? '';
  if (response.status === 204 || !type.includes('json')) {
    return null;
  }
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function problemOf(response, data) {
  const problem = data && typeof data === 'object' ? { ...data } : {};
  problem.status ??= response.status;
  problem.title ??= response.statusText || `HTTP ${response.status}`;
  const retryAfter = response.headers.get('Retry-After');
  if (retryAfter !== null) {
    problem.retryAfter = retryAfter;
  }
  return problem;
}

/** Every product of the catalog, oldest first, page by page; or the result of the first page refused. */
export async function allProducts() {
  const items = [];
  for (let page = 1; ; page++) {
    const result = await call('GET', `/api/products?page=${page}&pageSize=100`, { token: null });
    if (!result.ok) {
      return result;
    }
    items.push(...result.data.items);
    if (page * 100 >= result.data.total) {
      return { ok: true, items };
    }
  }
}
