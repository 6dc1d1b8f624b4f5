// The storefront: products with live availability, sign-in, reserve, the current hold counting down by the server's
// clock, purchase, release, and the customer's orders.

import { allProducts, call, newIdempotencyKey } from './api.js';
import { AvailabilityWatcher } from './availability.js';
import { formatRemaining, serverNow, syncClock } from './clock.js';
import { setUpSignIn } from './signin.js';
import { el, localTime, money, once, showProblem } from './ui.js';

const maxStreams = 3;
const productsRefreshMs = 10000;
const orderPollMs = 1000;
const orderPollTries = 60;

const products = new Map();
const watcher = new AvailabilityWatcher({ maxStreams });
let signedIn = false;
let hold = null;
let signIn;

await syncClock();
await loadProducts();
signIn = setUpSignIn({ onChange: claims => onSignInChanged(claims) });
setInterval(loadProducts, productsRefreshMs);
setInterval(renderCountdown, 250);
document.getElementById('purchase').addEventListener('click', event => once(event.currentTarget, purchase));
document.getElementById('release').addEventListener('click', event => once(event.currentTarget, release));

/** Refusals the page answers itself: a token the API no longer takes signs the user out. */
function refused(result) {
  if (result.status === 401 && signedIn) {
    signIn.signOut();
    showProblem({ ...result.problem, title: 'Signed out', detail: 'Your token was refused (expired?): sign in again.' });
    return;
  }
  showProblem(result.problem);
}

async function onSignInChanged(claims) {
  signedIn = claims !== null;
  document.getElementById('orders-signed-out').hidden = signedIn;
  if (!signedIn) {
    showHold(null);
    renderOrders([]);
    document.getElementById('orders-empty').hidden = true;
    return;
  }
  await restoreHold();
  await loadOrders();
}

async function loadProducts() {
  const listed = await allProducts();
  if (!listed.ok) {
    showProblem(listed.problem);
    return;
  }
  const all = listed.items;
  // Newest first: a drop just announced comes at the top, and gets one of the live streams on the first load.
  const first = products.size === 0;
  const added = all.filter(product => !products.has(product.id));
  for (const product of first ? added.reverse() : added) {
    addCard(product, !first);
  }
  document.getElementById('no-products').hidden = products.size > 0;
}

function addCard(product, atTop) {
  const quantityId = `quantity-${product.id}`;
  const available = el('span', { testid: 'available' }, String(product.available));
  const live = el('span', { class: 'live' });
  const quantity = el('input', {
    id: quantityId, testid: 'quantity', name: 'quantity', type: 'number', min: 1, value: 1, inputmode: 'numeric',
  });
  const form = el('form', { class: 'reserve', novalidate: true },
    el('label', { for: quantityId }, 'Quantity', el('span', { class: 'sr-only' }, ` of ${product.name} (${product.sku})`)), quantity,
    el('button', { testid: 'reserve', type: 'submit' }, 'Reserve', el('span', { class: 'sr-only' }, ` ${product.name} (${product.sku})`)));
  const card = el('article', { class: 'card', testid: 'product-card', 'data-product-id': product.id, 'aria-label': product.name },
    el('h3', {}, product.name),
    el('p', { class: 'muted' }, product.sku),
    el('p', { class: 'price' }, money(product.price)),
    el('p', {}, available, ' available', live),
    el('p', { class: 'muted' }, termsOf(product)),
    form);
  form.addEventListener('submit', event => {
    event.preventDefault();
    once(form, () => reserve(product.id, Number.parseInt(quantity.value, 10)));
  });
  const cards = document.getElementById('products');
  if (atTop) {
    cards.prepend(card);
  } else {
    cards.append(card);
  }
  products.set(product.id, { product, available });
  watcher.watch(product.id, figures => {
    available.textContent = String(figures.available);
  });
  live.textContent = watcher.isStreamed(product.id) ? ' · live' : '';
}

function termsOf(product) {
  const terms = [];
  if (product.maxPerCustomer) {
    terms.push(`up to ${product.maxPerCustomer} per customer`);
  }
  terms.push(`held for ${product.holdSeconds < 120 ? `${product.holdSeconds} s` : `${Math.round(product.holdSeconds / 60)} min`}`);
  if (product.paused) {
    terms.push('paused');
  } else if (product.salesOpenAt && Date.parse(product.salesOpenAt) > serverNow()) {
    terms.push(`opens ${localTime(product.salesOpenAt)}`);
  }
  return terms.join(' · ');
}

async function reserve(productId, quantity) {
  if (!signedIn) {
    showProblem({ title: 'Sign in first', detail: 'Reserving needs a signed-in customer.' });
    return;
  }
  const result = await call('POST', '/api/reservations', {
    body: { productId, quantity: Number.isNaN(quantity) ? null : quantity },
    headers: { 'Idempotency-Key': newIdempotencyKey() },
  });
  if (!result.ok) {
    refused(result);
    return;
  }
  showProblem(null);
  showHold(result.data);
}

async function restoreHold() {
  const result = await call('GET', '/api/reservations?status=held&pageSize=1');
  if (!result.ok) {
    refused(result);
    return;
  }
  // A reserve made while this read was on its way wins: it is newer than anything the read can know.
  if (hold === null && result.data.items.length > 0) {
    showHold(result.data.items[0]);
  }
}

function showHold(reservation) {
  hold = reservation;
  const panel = document.querySelector('[data-testid="hold"]');
  panel.hidden = hold === null;
  if (hold === null) {
    panel.removeAttribute('data-reservation-id');
    panel.removeAttribute('data-status');
    return;
  }
  panel.dataset.reservationId = hold.id;
  document.getElementById('hold-what').textContent =
    `${describeLines(hold.items)} — total ${money(hold.total)}, held until ${localTime(hold.expiresAt)}`;
  renderCountdown();
}

function describeLines(items) {
  return items.map(item => `${item.quantity} × ${products.get(item.productId)?.product.name ?? item.productId}`).join(', ');
}

/** The hold's status as the server said, or expired once its deadline passed by the server's clock. */
function renderCountdown() {
  if (hold === null) {
    return;
  }
  const deadline = Date.parse(hold.expiresAt);
  if (hold.status === 'held' && serverNow() >= deadline) {
    hold = { ...hold, status: 'expired' };
    confirmStatus(hold.id);
  }
  const panel = document.querySelector('[data-testid="hold"]');
  panel.dataset.status = hold.status;
  document.getElementById('hold-status').textContent = hold.status;
  document.getElementById('countdown').textContent = hold.status === 'held' ? formatRemaining(deadline) : '0:00';
  for (const button of [document.getElementById('purchase'), document.getElementById('release')]) {
    if (button.dataset.busy !== 'true') {
      button.disabled = hold.status !== 'held';
    }
  }
}

async function confirmStatus(reservationId) {
  const result = await call('GET', `/api/reservations/${reservationId}`);
  // A purchase that raced the deadline is the server's to decide: take its answer unless it still says held.
  if (result.ok && hold?.id === reservationId && result.data.status !== 'held') {
    showHold(result.data);
  }
}

async function purchase() {
  const result = await call('POST', `/api/reservations/${hold.id}/purchase`);
  if (!result.ok) {
    refused(result);
    if (result.status === 410) {
      await confirmStatus(hold.id);
    }
    return;
  }
  showProblem(null);
  showHold(result.data);
  awaitOrder(result.data.id);
}

async function release() {
  const result = await call('DELETE', `/api/reservations/${hold.id}`);
  if (!result.ok) {
    refused(result);
    return;
  }
  showProblem(null);
  showHold({ ...hold, status: 'released' });
}

/** The Worker persists a purchase within moments; the order (same id as the hold) then joins "my orders". */
async function awaitOrder(orderId) {
  for (let tries = 0; tries < orderPollTries && signedIn; tries++) {
    if ((await loadOrders()).some(order => order.id === orderId)) {
      await confirmStatus(orderId);
      return;
    }
    await new Promise(resolve => setTimeout(resolve, orderPollMs));
  }
}

async function loadOrders() {
  const result = await call('GET', '/api/orders?pageSize=20');
  if (!result.ok) {
    refused(result);
    return [];
  }
  renderOrders(result.data.items);
  document.getElementById('orders-empty').hidden = result.data.items.length > 0;
  return result.data.items;
}

function renderOrders(orders) {
  const list = document.getElementById('orders');
  list.replaceChildren(...orders.map(order => el('li', { testid: 'order', 'data-order-id': order.id },
    `${describeLines(order.items)} — ${money(order.total)} — ${localTime(order.purchasedAt)}`)));
}
