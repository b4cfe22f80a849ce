/*
 * Tandem, profile "oidc": people signed in through the company's identity provider have no Camunda
 * password. Camunda's "Log out" leads to Tandem's sign-out page (/identity/sign-out; the webapps'
 * content security policy forbids their own pages to send a form on to the provider), which ends
 * the provider's session too; and the webapp never shows its password form to them: a
 * lapsed session goes back through the provider. Without the profile, /identity/session does not
 * exist (404) and this script changes nothing.
 */
fetch('/identity/session', { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } })
  .then((answer) => {
    if (answer.status === 401 && window.location.hash.includes('login')) {
      // signed out or lapsed: load the page anew, the provider signs the person in again
      window.location.replace(window.location.pathname);
      return null;
    }
    return answer.ok ? answer.json() : null;
  })
  .then((session) => {
    if (!session) return;
    if (window.location.hash.includes('login')) window.location.hash = '';

    const replace = () => {
      const item = document.querySelector('li.account li.logout');
      if (!item || item.dataset.tandemSignOut) return;
      const old = item.getElementsByTagName('a')[0];
      if (!old) return;
      // a clone carries none of Camunda's listeners
      const link = old.cloneNode(true);
      link.setAttribute('href', '/identity/sign-out');
      link.setAttribute('target', '_self');
      item.replaceChild(link, old);
      item.dataset.tandemSignOut = 'yes';
    };
    replace();
    new MutationObserver(replace).observe(document, { childList: true, subtree: true });
  })
  .catch(() => {});
