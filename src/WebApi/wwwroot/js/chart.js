// A small line chart of held and available over a time window, drawn as inline SVG (no library, no inline style:
// colours come from classes in site.css).

const svgNs = 'http://www.w3.org/2000/svg';
const width = 640;
const height = 220;
const pad = { left: 48, right: 12, top: 12, bottom: 28 };

function svg(tag, attributes = {}, text) {
  const element = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, String(value));
  }
  if (text !== undefined) {
    element.textContent = text;
  }
  return element;
}

/** Draws samples [{ at (ms), held, available }] from now - windowMs to now into the container, replacing it. */
export function drawChart(container, samples, windowMs, now, title) {
  const top = Math.max(1, ...samples.map(s => Math.max(s.held, s.available)));
  const x = at => pad.left + ((at - (now - windowMs)) / windowMs) * (width - pad.left - pad.right);
  const y = value => height - pad.bottom - (value / top) * (height - pad.top - pad.bottom);
  const line = key => samples.map(s => `${x(s.at).toFixed(1)},${y(s[key]).toFixed(1)}`).join(' ');
  const last = samples.at(-1);
  const summary = last
    ? `${title}: available ${last.available}, held ${last.held} (last ${windowMs / 60000} minutes)`
    : `${title}: no readings yet`;

  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': summary });
  chart.append(
    svg('title', {}, summary),
    svg('line', { class: 'axis', x1: pad.left, y1: pad.top, x2: pad.left, y2: height - pad.bottom }),
    svg('line', { class: 'axis', x1: pad.left, y1: height - pad.bottom, x2: width - pad.right, y2: height - pad.bottom }),
    svg('text', { x: pad.left - 6, y: pad.top + 10, 'text-anchor': 'end' }, String(top)),
    svg('text', { x: pad.left - 6, y: height - pad.bottom, 'text-anchor': 'end' }, '0'),
    svg('text', { x: pad.left, y: height - 8 }, `-${windowMs / 60000} min`),
    svg('text', { x: width - pad.right, y: height - 8, 'text-anchor': 'end' }, 'now'));
  if (samples.length > 0) {
    chart.append(svg('polyline', { class: 'available', points: line('available') }),
      svg('polyline', { class: 'held', points: line('held') }));
  }
  container.replaceChildren(chart);
}
