// Live figures of products: Server-Sent Events (GET /api/products/{id}/availability/stream), and polling only when
// a stream cannot be had. A browser opens at most six HTTP/1.1 connections to one server and each stream keeps one,
// so a page streams only a few products (maxStreams) and polls the others: all of them with one read of the product
// list (GET /api/products, 100 a page) every 2 s, rather than one request per product. A page that reads every
// product on its own schedule anyway turns polling off (poll: false): its other products are then left to it.
// The six connections are the browser's, shared by all its tabs: a tab that is hidden gives its streams up (its
// products are polled meanwhile), so that the tabs a person does not look at cannot starve the one they do.

const pollIntervalMs = 2000;
const pageSize = 100;

export class AvailabilityWatcher {
  #maxStreams;
  #poll;
  #watches = new Map();
  #pollTimer = null;

  constructor({ maxStreams, poll = true }) {
    this.#maxStreams = maxStreams;
    this.#poll = poll;
    addEventListener('pagehide', () => this.stopAll());
    document.addEventListener('visibilitychange', () => this.#followVisibility());
    // Back or forward from the page cache: its streams and timers were stopped as it was left; start the page afresh.
    addEventListener('pageshow', event => {
      if (event.persisted) {
        location.reload();
      }
    });
  }

  /** Calls onFigures({ available, held?, sold? }) with each new reading until unwatch(productId). */
  watch(productId, onFigures) {
    this.unwatch(productId);
    const watch = { productId, onFigures, source: null };
    this.#watches.set(productId, watch);
    if (this.#streamCount() < this.#maxStreams && typeof EventSource === 'function' && document.visibilityState !== 'hidden') {
      this.#stream(watch);
    } else {
      this.#startPolling();
    }
  }

  /** Whether the product's figures come from a live stream (otherwise from polling). */
  isStreamed(productId) {
    return Boolean(this.#watches.get(productId)?.source);
  }

  unwatch(productId) {
    this.#watches.get(productId)?.source?.close();
    this.#watches.delete(productId);
  }

  stopAll() {
    for (const productId of [...this.#watches.keys()]) {
      this.unwatch(productId);
    }
    clearInterval(this.#pollTimer);
    this.#pollTimer = null;
  }

  // Hidden: every stream closes and its product is polled. Visible again: the first products watched stream again.
  #followVisibility() {
    const watches = [...this.#watches.values()];
    if (document.visibilityState === 'hidden') {
      for (const watch of watches.filter(w => w.source)) {
        watch.source.close();
        watch.source = null;
      }
      this.#startPolling();
      return;
    }
    for (const watch of watches) {
      if (this.#streamCount() >= this.#maxStreams) {
        break;
      }
      if (!watch.source && typeof EventSource === 'function') {
        this.#stream(watch);
      }
    }
  }

  #streamCount() {
    return [...this.#watches.values()].filter(w => w.source).length;
  }

  #stream(watch) {
    const source = new EventSource(`/api/products/${watch.productId}/availability/stream`);
    watch.source = source;
    source.addEventListener('availability', event => watch.onFigures(JSON.parse(event.data)));
    source.addEventListener('error', () => {
      // CONNECTING: the browser reconnects by itself, with Last-Event-ID. CLOSED: refused (429, 503): poll instead.
      if (source.readyState === EventSource.CLOSED) {
        watch.source = null;
        this.#startPolling();
      }
    });
  }

  #startPolling() {
    if (this.#poll && this.#pollTimer === null) {
      this.#pollTimer = setInterval(() => this.#pollOnce(), pollIntervalMs);
      this.#pollOnce();
    }
  }

  async #pollOnce() {
    const polled = () => [...this.#watches.values()].filter(w => !w.source);
    for (let page = 1; polled().length > 0; page++) {
      let list;
      try {
        const response = await fetch(`/api/products?page=${page}&pageSize=${pageSize}`, { headers: { Accept: 'application/json' } });
        if (!response.ok) {
          return;
        }
        list = await response.json();
      } catch {
        return;
      }
      for (const product of list.items) {
        const watch = this.#watches.get(product.id);
        if (watch && !watch.source) {
          watch.onFigures(product);
        }
      }
      if (page * pageSize >= list.total) {
        return;
      }
    }
  }
}
