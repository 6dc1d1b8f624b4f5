// The server's clock: the offset from the browser's is measured once (GET /api/time, taken at the middle of the
// round trip), and every countdown reads serverNow(), so a browser whose clock is off still counts the right time.

let offsetMs = 0;

// A refused or unreadable answer (429 or 503 in a drop) is tried again a few times; until one is read the browser's own
// clock stands in (offset 0), never NaN.
export async function syncClock(tries = 5) {
  for (let attempt = 1; attempt <= tries; attempt++) {
    const sentAt = Date.now();
    try {
      const response = await fetch('/api/time', { headers: { Accept: 'application/json' } });
      const receivedAt = Date.now();
      const now = response.ok ? Date.parse((await response.json()).now) : Number.NaN;
      if (Number.isFinite(now)) {
        offsetMs = now - (sentAt + receivedAt) / 2;
        return;
      }
    } catch {
      // Offline for a moment: try again.
    }
    await new Promise(resolve => setTimeout(resolve, attempt * 500));
  }
}

export function serverNow() {
  return Date.now() + offsetMs;
}

/** m:ss (h:mm:ss from an hour on) of the time left until the instant, 0:00 once it has passed. */
export function formatRemaining(untilMs) {
  const seconds = Math.max(0, Math.ceil((untilMs - serverNow()) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
