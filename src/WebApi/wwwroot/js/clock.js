// The server's clock: the offset from the browser's is measured once (GET /api/time, taken at the middle of the
// round trip), and every countdown reads serverNow(), so a browser whose clock is off still counts the right time.

let offsetMs = 0;

export async function syncClock() {
  const sentAt = Date.now();
  try {
    const response = await fetch('/api/time', { headers: { Accept: 'application/json' } });
    const receivedAt = Date.now();
    const { now } = await response.json();
    offsetMs = Date.parse(now) - (sentAt + receivedAt) / 2;
  } catch {
    offsetMs = 0;
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
