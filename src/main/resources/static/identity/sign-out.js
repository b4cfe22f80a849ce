/*
 * Sign-out for Camunda's webapps (their "Log out" leads here, see plugin-webapp/tandem-sign-out):
 * their pages may not send a form on to the provider, this page may. It posts Tandem's sign-out
 * with the session's CSRF token; the provider ends its session and sends the browser back to
 * /identity/signed-out. Someone already signed out goes straight there.
 */
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', async () => {
    let answer;
    try {
      answer = await fetch('/identity/session', { credentials: 'same-origin', cache: 'no-store',
        headers: { Accept: 'application/json' } });
    } catch (e) {
      document.getElementById('sign-out-button').hidden = false;
      return;
    }
    if (!answer.ok) {
      window.location.replace('/identity/signed-out');
      return;
    }
    const session = await answer.json();
    const form = document.getElementById('sign-out-form');
    form.action = session.signOutUrl;
    document.getElementById('csrf').value = session.csrfToken;
    form.submit();
  });
})();
