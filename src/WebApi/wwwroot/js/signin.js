// The sign-in form both pages share. In Development the API mints tokens (POST /api/dev/tokens): the user gives a
// name. Elsewhere that route is 404: the form then asks for a token to paste, and remembers that for the session.

import { call, claimsOf, forgetToken, rolesOf, saveToken, savedToken } from './api.js';
import { showProblem } from './ui.js';

const noDevTokensKey = 'reservations.noDevTokens';

/**
 * Wires the form (data-testid="sign-in") and the signed-in bar; calls onChange(claims or null) now and whenever
 * the user signs in or out. roles: the roles a development token asks for.
 */
export function setUpSignIn({ roles = [], onChange }) {
  const form = document.querySelector('[data-testid="sign-in"]');
  const signedIn = document.getElementById('signed-in');
  const who = document.getElementById('who');
  const nameField = document.getElementById('sign-in-name-field');
  const tokenField = document.getElementById('sign-in-token-field');

  function showPasteMode(paste) {
    nameField.hidden = paste;
    tokenField.hidden = !paste;
    form.elements.namedItem('name').required = !paste;
    form.elements.namedItem('token').required = paste;
  }

  function render() {
    const claims = claimsOf(savedToken());
    form.hidden = claims !== null;
    signedIn.hidden = claims === null;
    const roleText = rolesOf(claims).length ? ` (${rolesOf(claims).join(', ')})` : '';
    who.textContent = claims ? `${claims.sub}${roleText}` : '';
    onChange(claims);
  }

  showPasteMode(sessionStorage.getItem(noDevTokensKey) === 'true');

  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!tokenField.hidden) {
      const token = form.elements.namedItem('token').value.trim();
      if (!claimsOf(token)) {
        showProblem({ title: 'Not a token', detail: 'Paste a JWT: three parts separated by dots.' });
        return;
      }
      saveToken(token);
      form.reset();
      showProblem(null);
      render();
      return;
    }
    const subject = form.elements.namedItem('name').value.trim();
    const result = await call('POST', '/api/dev/tokens', { body: { subject, roles }, token: null });
    if (result.status === 404) {
      sessionStorage.setItem(noDevTokensKey, 'true');
      showPasteMode(true);
      showProblem({ title: 'This server issues no development tokens', detail: 'Paste a token instead.' });
      return;
    }
    if (!result.ok) {
      showProblem(result.problem);
      return;
    }
    saveToken(result.data.token);
    form.reset();
    showProblem(null);
    render();
  });

  document.getElementById('sign-out').addEventListener('click', () => {
    forgetToken();
    render();
  });

  render();
  return { signOut: () => { forgetToken(); render(); } };
}
