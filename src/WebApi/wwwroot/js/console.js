// The operator console: every product's ledger, live (re-read when its stream reports a change, and every 2 s);
// create a product; adjust stock with a reason; a live chart of one product; dead letters with retry; webhook
// endpoints and their deliveries.

import { allProducts, call, newIdempotencyKey, rolesOf } from './api.js';
import { AvailabilityWatcher } from './availability.js';
import { drawChart } from './chart.js';
import { serverNow, syncClock } from './clock.js';
import { setUpSignIn } from './signin.js';
import { el, localTime, money, once, showProblem } from './ui.js';

const ledgerRefreshMs = 2000;
const listsRefreshMs = 5000;
const chartWindowMs = 5 * 60 * 1000;
const ledgerFields = ['totalStock', 'available', 'held', 'purchasing', 'deadLettered', 'sold'];

const rows = new Map();
// Streams only tell when to read a ledger again: the 2 s loop reads every product anyway, so no polling here.
const watcher = new AvailabilityWatcher({ maxStreams: 2, poll: false });
const chartSelect = document.getElementById('chart-product');
let samples = [];
let admin = false;
let signIn;

await syncClock();
await loadProducts();
signIn = setUpSignIn({ roles: ['admin'], onChange: claims => onSignInChanged(claims) });
chartSelect.addEventListener('change', () => {
  samples = [];
  watchProducts();
  readLedger(chartSelect.value);
  renderChart();
});
document.getElementById('create-product').addEventListener('submit', event => {
  event.preventDefault();
  once(event.currentTarget, () => createProduct(event.currentTarget));
});
setInterval(readAllLedgers, ledgerRefreshMs);
setInterval(() => loadProducts().then(refreshLists), listsRefreshMs);
setInterval(renderChart, 1000);

function refused(result) {
  if (result.status === 401 && admin) {
    signIn.signOut();
    showProblem({ ...result.problem, title: 'Signed out', detail: 'Your token was refused (expired?): sign in again.' });
    return;
  }
  showProblem(result.problem);
}

function say(text) {
  document.getElementById('status').textContent = text;
}

async function onSignInChanged(claims) {
  admin = claims !== null;
  if (claims !== null && !rolesOf(claims).includes('admin')) {
    showProblem({ title: 'Not an admin', detail: 'This token has no admin role: the console\'s reads will be refused.' });
  }
  if (!admin) {
    for (const row of rows.values()) {
      showLedger(row, null);
    }
    // What an admin saw (customers of dead letters, endpoint addresses and their errors) leaves with the token.
    document.getElementById('dead-letters').replaceChildren();
    document.getElementById('webhooks').replaceChildren();
    samples = [];
    renderChart();
    return;
  }
  await readAllLedgers();
  await refreshLists();
}

async function loadProducts() {
  const listed = await allProducts();
  if (!listed.ok) {
    showProblem(listed.problem);
    return;
  }
  const all = listed.items;
  // Newest first: on the first load in that order; products created since then go on top.
  const first = rows.size === 0;
  const added = all.filter(product => !rows.has(product.id));
  for (const product of first ? added.reverse() : added) {
    addRow(product, !first);
  }
  document.getElementById('no-products').hidden = rows.size > 0;
  if (added.length > 0) {
    watchProducts();
    renderChart();
  }
}

function addRow(product, atTop) {
  if (rows.has(product.id)) {
    return;
  }
  const cells = Object.fromEntries(ledgerFields.map(field => [field, el('td', { testid: field, class: 'num' }, '—')]));
  const balanced = el('td', { testid: 'balanced' }, '—');
  const deltaId = `delta-${product.id}`;
  const reasonId = `reason-${product.id}`;
  const form = el('form', { testid: 'adjust-stock', class: 'stock-form', novalidate: true },
    el('label', { for: deltaId, class: 'sr-only' }, `Stock change for ${product.sku}`),
    el('input', { id: deltaId, testid: 'delta', name: 'delta', type: 'number', step: 1, placeholder: '±units', required: true }),
    el('label', { for: reasonId, class: 'sr-only' }, `Reason for the change to ${product.sku}`),
    el('input', { id: reasonId, testid: 'reason', name: 'reason', maxlength: 200, placeholder: 'reason' }),
    el('button', { type: 'submit' }, 'Apply', el('span', { class: 'sr-only' }, ` stock change to ${product.sku}`)));
  form.addEventListener('submit', event => {
    event.preventDefault();
    once(form, () => adjustStock(product, form));
  });
  const tr = el('tr', { testid: 'ledger-row', 'data-product-id': product.id },
    el('th', { scope: 'row' }, product.name, el('br'), el('span', { class: 'muted' }, `${product.sku} · ${money(product.price)}`)),
    ...ledgerFields.map(field => cells[field]), balanced, el('td', {}, form));
  const body = document.getElementById('ledger-rows');
  if (atTop) {
    body.prepend(tr);
  } else {
    body.append(tr);
  }
  rows.set(product.id, { product, cells, balanced, reading: null, again: false });
  chartSelect.append(el('option', { value: product.id }, `${product.name} (${product.sku})`));
}

/** Streams for the charted product first, then the newest: each change re-reads that product's ledger. */
function watchProducts() {
  watcher.stopAll();
  const ids = [...rows.keys()];
  const charted = chartSelect.value;
  for (const id of [charted, ...ids.filter(id => id !== charted)].filter(Boolean)) {
    watcher.watch(id, () => readLedger(id));
  }
}

// Eight reads in flight at most: the API lets one caller run 32 requests at once, and a large catalog read all at once
// would be refused (429) every round.
const ledgerReadsInFlight = 8;

async function readAllLedgers() {
  const pending = admin ? [...rows.keys()] : [];
  const reader = async () => {
    for (let productId = pending.shift(); productId !== undefined && admin; productId = pending.shift()) {
      await readLedger(productId);
    }
  };
  await Promise.all(Array.from({ length: ledgerReadsInFlight }, reader));
}

/** One read at a time per product; a change reported meanwhile reads once more after it. */
async function readLedger(productId) {
  const row = rows.get(productId);
  if (!row || !admin) {
    return;
  }
  if (row.reading) {
    row.again = true;
    return row.reading;
  }
  row.reading = (async () => {
    do {
      row.again = false;
      const result = await call('GET', `/api/products/${productId}/ledger`);
      if (!result.ok) {
        refused(result);
        return;
      }
      showLedger(row, result.data);
    } while (row.again);
  })();
  try {
    await row.reading;
  } finally {
    row.reading = null;
  }
}

function showLedger(row, ledger) {
  for (const field of ledgerFields) {
    row.cells[field].textContent = ledger ? String(ledger[field]) : '—';
  }
  row.balanced.textContent = ledger ? String(ledger.balanced) : '—';
  row.balanced.className = ledger && !ledger.balanced ? 'balanced-false' : '';
  if (ledger && row.product.id === chartSelect.value) {
    samples.push({ at: serverNow(), held: ledger.held, available: ledger.available });
  }
}

function renderChart() {
  const now = serverNow();
  samples = samples.filter(s => s.at >= now - chartWindowMs);
  const product = rows.get(chartSelect.value)?.product;
  drawChart(document.getElementById('chart'), samples, chartWindowMs, now, product ? product.name : 'No product');
}

async function adjustStock(product, form) {
  const delta = Number.parseInt(form.elements.namedItem('delta').value, 10);
  const reason = form.elements.namedItem('reason').value.trim();
  const result = await call('POST', `/api/products/${product.id}/stock`, {
    body: { delta: Number.isNaN(delta) ? null : delta, reason: reason || null },
    headers: { 'Idempotency-Key': newIdempotencyKey() },
  });
  if (!result.ok) {
    refused(result);
    return;
  }
  showProblem(null);
  form.reset();
  say(result.status === 202
    ? `Stock change of ${delta} for ${product.sku} is pending: the Worker completes it.`
    : `Stock of ${product.sku} changed by ${delta}: total ${result.data.totalStock}.`);
  await readLedger(product.id);
}

async function createProduct(form) {
  const value = name => form.elements.namedItem(name).value.trim();
  const number = name => (value(name) === '' ? undefined : Number(value(name)));
  const body = {
    sku: value('sku'), name: value('name'), price: number('price'), stock: number('stock'),
    maxPerCustomer: number('maxPerCustomer'), holdSeconds: number('holdSeconds'),
  };
  const result = await call('POST', '/api/products', { body });
  if (!result.ok) {
    refused(result);
    return;
  }
  showProblem(null);
  form.reset();
  say(`Created ${result.data.sku}.`);
  addRow(result.data, true);
  document.getElementById('no-products').hidden = true;
  watchProducts();
  await readLedger(result.data.id);
}

async function refreshLists() {
  if (admin) {
    await Promise.all([loadDeadLetters(), loadWebhooks()]);
  }
}

async function loadDeadLetters() {
  const result = await call('GET', '/api/admin/dead-letters');
  if (!result.ok) {
    refused(result);
    return;
  }
  document.getElementById('no-dead-letters').hidden = result.data.length > 0;
  document.getElementById('dead-letters').replaceChildren(...result.data.map(letter => {
    const retry = el('button', { type: 'button' }, 'Retry', el('span', { class: 'sr-only' }, ` dead letter ${letter.reservationId}`));
    retry.addEventListener('click', () => retryDeadLetter(letter.reservationId));
    const lines = letter.items.map(item => `${item.quantity} × ${rows.get(item.productId)?.product.sku ?? item.productId}`).join(', ');
    return el('li', { testid: 'dead-letter', 'data-reservation-id': letter.reservationId },
      `${letter.customerId}: ${lines}, bought ${localTime(letter.purchasedAt)} — ${letter.reason} `, retry);
  }));
}

async function retryDeadLetter(reservationId) {
  const result = await call('POST', `/api/admin/dead-letters/${reservationId}/retry`);
  if (!result.ok) {
    refused(result);
    return;
  }
  showProblem(null);
  say(`Dead letter ${reservationId} queued again.`);
  await loadDeadLetters();
}

async function loadWebhooks() {
  const result = await call('GET', '/api/admin/webhooks');
  if (!result.ok) {
    refused(result);
    return;
  }
  const list = document.getElementById('webhooks');
  const open = new Set([...list.querySelectorAll('[data-open="true"]')].map(item => item.dataset.endpointId));
  document.getElementById('no-webhooks').hidden = result.data.length > 0;
  list.replaceChildren(...result.data.map(endpoint => webhookItem(endpoint, open.has(endpoint.id))));
}

function webhookItem(endpoint, open) {
  const state = endpoint.enabled ? 'enabled' : `disabled ${localTime(endpoint.disabledAt)}: ${endpoint.disabledReason ?? ''}`;
  const deliveries = el('div', { class: 'deliveries' });
  const toggle = el('button', { type: 'button', class: 'secondary', 'aria-expanded': String(open) },
    'Deliveries', el('span', { class: 'sr-only' }, ` to ${endpoint.url}`));
  const item = el('li', { testid: 'webhook', 'data-endpoint-id': endpoint.id, 'data-open': String(open) },
    `${endpoint.url} — ${endpoint.events.join(', ')} — ${state} `, toggle, deliveries);
  const show = async () => {
    const isOpen = item.dataset.open === 'true';
    toggle.setAttribute('aria-expanded', String(isOpen));
    if (isOpen) {
      await loadDeliveries(endpoint.id, deliveries);
    } else {
      deliveries.replaceChildren();
    }
  };
  toggle.addEventListener('click', () => {
    item.dataset.open = String(item.dataset.open !== 'true');
    show();
  });
  show();
  return item;
}

async function loadDeliveries(endpointId, container) {
  const result = await call('GET', `/api/admin/webhooks/${endpointId}/deliveries?pageSize=20`);
  if (!result.ok) {
    refused(result);
    return;
  }
  if (result.data.items.length === 0) {
    container.replaceChildren(el('p', { class: 'muted' }, 'No deliveries yet.'));
    return;
  }
  container.replaceChildren(el('ul', {}, ...result.data.items.map(delivery => {
    const facts = [delivery.eventType, delivery.status, `${delivery.attempts} attempts`];
    if (delivery.lastStatusCode) {
      facts.push(`last status ${delivery.lastStatusCode}`);
    }
    if (delivery.lastError) {
      facts.push(delivery.lastError);
    }
    if (delivery.nextAttemptAt) {
      facts.push(`next ${localTime(delivery.nextAttemptAt)}`);
    }
    const item = el('li', { testid: 'delivery', 'data-delivery-id': delivery.id }, `${facts.join(' · ')} `);
    if (delivery.status !== 'delivered') {
      const retry = el('button', { type: 'button' }, 'Retry', el('span', { class: 'sr-only' }, ` delivery ${delivery.id}`));
      retry.addEventListener('click', () => retryDelivery(endpointId, delivery.id, container));
      item.append(retry);
    }
    return item;
  })));
}

async function retryDelivery(endpointId, deliveryId, container) {
  const result = await call('POST', `/api/admin/webhooks/${endpointId}/deliveries/${deliveryId}/retry`);
  if (!result.ok) {
    refused(result);
    return;
  }
  showProblem(null);
  say(`Delivery ${deliveryId} sent again.`);
  await loadDeliveries(endpointId, container);
}
