// Small DOM helpers shared by both pages. Elements are built with textContent, never innerHTML: nothing a server or
// a user sends is ever parsed as markup.

/** el('td', { testid: 'held', class: 'num' }, '3') */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    const attribute = name === 'testid' ? 'data-testid' : name;
    element.setAttribute(attribute, value === true ? '' : String(value));
  }
  element.append(...children.filter(child => child !== undefined && child !== null));
  return element;
}

export function money(amount) {
  return typeof amount === 'number' ? amount.toFixed(2) : '';
}

export function localTime(instant) {
  return instant ? new Date(instant).toLocaleString() : '';
}

/** The problem's title, its detail, and the extension that tells the user what to do about it. */
export function describeProblem(problem) {
  const parts = [problem.title];
  if (problem.detail) {
    parts.push(problem.detail);
  }
  if (problem.available !== undefined) {
    parts.push(`available: ${problem.available}`);
  }
  if (problem.limit !== undefined) {
    parts.push(`limit per customer: ${problem.limit}`);
  }
  if (problem.opensAt) {
    parts.push(`opens at ${localTime(problem.opensAt)}`);
  }
  if (problem.maxExpiresAt) {
    parts.push(`latest deadline ${localTime(problem.maxExpiresAt)}`);
  }
  if (problem.holdSeconds !== undefined) {
    parts.push(`longest hold: ${problem.holdSeconds} s`);
  }
  if (problem.retryAfter !== undefined) {
    parts.push(`try again in ${problem.retryAfter} s`);
  }
  for (const [field, messages] of Object.entries(problem.errors ?? {})) {
    parts.push(`${field}: ${[].concat(messages).join(' ')}`);
  }
  return parts.join(' — ');
}

/** Shows the problem in the page's problem element (role="alert"), or clears it when problem is null. */
export function showProblem(problem) {
  const box = document.querySelector('[data-testid="problem"]');
  box.textContent = problem ? describeProblem(problem) : '';
  box.hidden = !problem;
}

/**
 * Runs the action at most once at a time for this button or form: a second click while a request is in flight does
 * nothing (it would otherwise take a second hold, or apply a stock change twice). Its buttons stay disabled meanwhile.
 */
export async function once(control, action) {
  if (control.dataset.busy === 'true') {
    return;
  }
  const buttons = control.tagName === 'FORM' ? [...control.querySelectorAll('button')] : [control];
  control.dataset.busy = 'true';
  buttons.forEach(button => { button.disabled = true; });
  try {
    await action();
  } finally {
    control.dataset.busy = 'false';
    buttons.forEach(button => { button.disabled = false; });
  }
}
