// The sign-in form both pages share. In Development the API mints tokens (POST /api/dev/tokens): the user gives a
// name. Elsewhere that route is 404: the form's one field then asks for a token to paste, for the rest of the session.

import { call, claimsOf, forgetToken, rolesOf, saveToken, savedToken } from './api.js';
import { showProblem } from './ui.js';

const noDevTokensKey = 'reservations.noDevTokens';

/**
 * Wires the form (data-testid="sign-in") and the signed-in bar; calls onChange(claims or null) now and whenever
 * the user signs in or out. roles: the roles a development token asks for.
 */
export function setUpSignIn({ roles = [], onChange }) {
  const form = document.querySelector('[data-testid="sign-in"]');
  const label = document.getElementById('sign-in-label');
  const field = document.getElementById('sign-in-value');
  const signedIn = document.getElementById('signed-in');
  const who = document.getElementById('who');
  let pasting = false;

  function showPasteMode() {
    pasting = true;
    label.textContent = form.dataset.tokenLabel;
    field.name = 'token';
    field.autocomplete = 'off';
    field.spellcheck = false;
    field.removeAttribute('maxlength');
    field.defaultValue = '';
    field.value = '';
  }

  function render() {
    const claims = claimsOf(savedToken());
    form.hidden = claims !== null;
    signedIn.hidden = claims === null;
    const roleText = rolesOf(claims).length ? ` (${rolesOf(claims).join(', ')})` : '';
    who.textContent = claims ? `${claims.sub}${roleText}` : '';
    onChange(claims);
  }

  function signInWith(token) {
    saveToken(token);
    form.reset();
    showProblem(null);
    render();
  }

  if (sessionStorage.getItem(noDevTokensKey) === 'true') {
    showPasteMode();
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const text = field.value.trim();
    if (pasting) {
      if (claimsOf(text)) {
        signInWith(text);
      } else {
        showProblem({ title: 'Not a token', detail: 'Paste a JWT: three parts separated by dots.' });
      }
      return;
    }
    const result = await call('POST', '/api/dev/tokens', { body: { subject: text, roles }, token: null });
    if (result.status === 404) {
      sessionStorage.setItem(noDevTokensKey, 'true');
      showPasteMode();
      showProblem({ title: 'This server issues no development tokens', detail: 'Paste a token instead.' });
    } else if (result.ok) {
      signInWith(result.data.token);
    } else {
      showProblem(result.problem);
    }
  });

  document.getElementById('sign-out').addEventListener('click', () => {
    forgetToken();
    render();
  });

  render();
  return { signOut: () => { forgetToken(); render(); } };
}
