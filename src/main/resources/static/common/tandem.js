/*
 * What every page of Tandem shares (/, /intake, /discovery, /insights), loaded before the page's own
 * script as window.Tandem:
 *
 * - one sign-in. Without the oidc profile: the user name and password, checked by GET /api/me and
 *   kept as an HTTP Basic header in sessionStorage, so that the other pages of the same browser tab
 *   are signed in too; closing the tab or signing out forgets it. With the oidc profile the pages
 *   sit behind the company's sign-in (the server redirects to the provider) and the browser session
 *   carries it: /identity/session says who it is and gives the CSRF token for changes.
 * - the API call: JSON or a form in, {status, ok, data} out; refusals (problem+json) in words.
 * - money as the server writes it ("USD 12,000.00", request.Money), dates, counts.
 * - the navigation in the header: only the pages the signed-in person may open (GET /api/me's may).
 * - wide tables scroll inside their own focusable region instead of widening the page.
 */
(function () {
  'use strict';

  const STORE = 'tandem.authorization';
  let authorization = null;   // "Basic …" (sessionStorage of this tab)
  let session = null;         // the oidc profile's browser session (/identity/session)
  let me = null;              // GET /api/me of the signed-in person
  let options = {};

  const $ = (id) => document.getElementById(id);
  const show = (el, visible) => { if (el) el.hidden = !visible; };
  const text = (el, value) => { if (el) el.textContent = value == null ? '' : String(value); };

  /* ---------- formats ---------- */

  const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  const amount = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  /** "USD 12,000.00", as request.Money writes it in forms and mails; '' when there is no amount. */
  function money(value, currency) {
    if (value == null || value === '' || !Number.isFinite(Number(value))) return '';
    return (currency ? currency + ' ' : '') + amount.format(Number(value));
  }

  /** "11 Feb 2026" for "2026-02-11…", without a time zone shifting the day. */
  function day(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
    if (!m) return iso || '';
    return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
      .toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
  }

  /** "11 Feb, 14:05" for a moment. */
  function when(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    return isNaN(d) ? String(iso)
      : d.toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  }

  /** "Mar 2026" for "2026-03". */
  function month(ym) {
    const [y, m] = String(ym).split('-').map(Number);
    return new Date(y, m - 1, 1).toLocaleDateString(undefined, { month: 'short', year: 'numeric' });
  }

  function plural(n, one, many) { return `${count.format(n)} ${n === 1 ? one : many}`; }

  /** An engine-style code in words: "AWAITING_REQUESTER" → "Awaiting requester". */
  function pretty(code) {
    if (!code) return '';
    const s = String(code).replace(/[_-]+/g, ' ').toLowerCase();
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  /* ---------- the API ---------- */

  function restore() {
    try { authorization = window.sessionStorage.getItem(STORE); } catch (e) { authorization = null; }
  }

  function remember(value) {
    authorization = value;
    try {
      if (value) window.sessionStorage.setItem(STORE, value);
      else window.sessionStorage.removeItem(STORE);
    } catch (e) { /* storage off: the sign-in lasts as long as the page */ }
  }

  /**
   * Calls Tandem's API as the signed-in person. body: {json} or {form} (FormData); headers: more
   * headers. credentials 'omit' without the oidc session keeps the browser from prompting for a
   * password on a 401 and from sending Tasklist's cookie: the API sees the Basic header only.
   */
  async function api(method, path, body, headers) {
    const h = Object.assign({ Accept: 'application/json, application/problem+json' }, headers || {});
    if (authorization) h.Authorization = authorization;
    if (session && method !== 'GET' && method !== 'HEAD') h[session.csrfHeader] = session.csrfToken;
    let payload;
    if (body && body.form) {
      payload = body.form;
    } else if (body && 'json' in body) {
      h['Content-Type'] = 'application/json';
      payload = JSON.stringify(body.json);
    }
    const response = await fetch(path, { method, headers: h, body: payload, cache: 'no-store',
      credentials: session ? 'same-origin' : 'omit' });
    let data = null;
    const raw = await response.text();
    if (raw) {
      try { data = JSON.parse(raw); } catch (e) { data = null; }  // an HTML error page is no message
    }
    return { status: response.status, ok: response.ok, data };
  }

  /** A refusal in words: the problem's detail, never an exception, a stack trace or an HTTP code alone. */
  function problemText(answer, fallback) {
    const d = (answer && answer.data) || {};
    const detail = d.detail || d.title;
    if (detail && !/exception|\bat [a-z]+\.[a-z]|java\./i.test(detail)) return detail;
    if (answer && answer.status === 401) return 'Your sign-in was not accepted. Sign in again.';
    if (answer && answer.status === 403) return 'This is not open to your role. Ask the Tandem administrators if you need it.';
    if (answer && answer.status >= 500) {
      return (fallback ? fallback + ' ' : '') + 'Tandem had a problem on its side; try again later, and tell the '
        + 'Tandem administrators if it persists.';
    }
    return fallback || 'Tandem refused this.';
  }

  /* ---------- where each person may go ---------- */

  /**
   * The places of Tandem the person may open, in the order they most likely want them; GET
   * /api/me's may decides (the server's own rules), so a link never leads to a refusal.
   */
  function destinations(who) {
    const may = (who && who.may) || {};
    const places = [];
    if (may.submitRequests) {
      places.push({ id: 'go-request', href: '/intake', nav: 'Request a tool', title: 'Request a tool',
        text: 'Describe the martech tool you need; marketing and IT decide together.' });
      places.push({ id: 'go-my-requests', href: '/intake#mine', title: 'My requests',
        text: 'Where each of your requests stands, who it waits for, and withdraw one.' });
    }
    if (may.readAllRequests) {
      places.push({ id: 'go-reviews', href: '/camunda/app/tasklist/', nav: 'Tasklist', title: 'My reviews and tasks',
        text: 'The reviews, proposals and onboardings waiting for your group, in Tasklist.' });
    } else if (may.workInTasklist) {
      places.push({ id: 'go-tasks', href: '/camunda/app/tasklist/', nav: 'Tasklist', title: 'Questions for me',
        text: 'Answer the questions put to you about your requests, in Tasklist.' });
    }
    if (may.readInsights) {
      places.push({ id: 'go-insights', href: '/insights', nav: 'Insights', title: 'Insights',
        text: 'Requests by status, time in each stage, spend against budget, renewals and the stack map.' });
    }
    if (may.readDiscoveries) {
      places.push({ id: 'go-discovery', href: '/discovery', nav: 'Tools in use', title: 'Find tools in use',
        text: 'Upload single sign-on or expense exports and review the shadow IT found.' });
    }
    if (may.operate) {
      places.push({ id: 'go-cockpit', href: '/camunda/app/cockpit/', nav: 'Cockpit', title: 'Cockpit', admin: true,
        text: 'Running processes, incidents and history.' });
      places.push({ id: 'go-admin', href: '/camunda/app/admin/', title: 'Users, groups and authorizations',
        admin: true, text: 'Camunda Admin.' });
    }
    return places;
  }

  /** The header's navigation: home, then the pages this person may open; the current one marked. */
  function renderNav(who) {
    const nav = $('site-nav');
    if (!nav) return;
    const list = document.createElement('ul');
    const here = window.location.pathname.replace(/\/(index\.html)?$/, '') || '/';
    const links = [{ href: '/', nav: 'Home', id: 'nav-home' }]
      .concat(destinations(who).filter((p) => p.nav).map((p) => ({ href: p.href, nav: p.nav, id: 'nav-' + p.id.slice(3) })));
    for (const link of links) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = link.href;
      a.id = link.id;
      a.textContent = link.nav;
      if (link.href === here) a.setAttribute('aria-current', 'page');
      li.append(a);
      list.append(li);
    }
    nav.replaceChildren(list);
  }

  /* ---------- tables ---------- */

  /**
   * Puts a table into a region of its own that scrolls sideways when the table is wider than the
   * page; the region takes the keyboard focus (arrow keys scroll it) and is named for screen readers.
   */
  function scrollable(table, label) {
    if (!table) return null;
    let box = table.parentElement;
    if (!box || !box.classList.contains('table-scroll')) {
      box = document.createElement('div');
      box.className = 'table-scroll';
      table.replaceWith(box);
      box.append(table);
    }
    box.tabIndex = 0;
    box.setAttribute('role', 'region');
    const caption = table.caption ? table.caption.textContent.trim() : '';
    box.setAttribute('aria-label', label || caption || 'Table');
    return box;
  }

  /* ---------- sign-in ---------- */

  function signInError(message) {
    const error = $('signin-error');
    text(error, message);
    show(error, !!message);
  }

  /** Shows the person as signed in, then hands over to the page, which may refuse them politely. */
  async function enter(who) {
    me = who;
    text($('signed-in-user'), who.name || who.userId);
    const groups = $('signed-in-groups');
    if (groups) {
      const names = who.groupNames || who.groups || [];
      text(groups, names.length ? `(${names.join(', ')})` : '');
    }
    show($('signin-form'), false);
    show($('signin-help'), false);
    show($('signing-in'), false);
    show($('signed-in'), true);
    signInError('');
    renderNav(who);
    const refused = $('page-refused');
    const allowed = !options.mayOpen || options.mayOpen(who);
    if (refused) {
      text(refused, allowed ? '' : options.refusal);
      show(refused, !allowed);
    }
    if (!allowed) {
      $('signout-button').focus();
      return;
    }
    if (options.onSignedIn) await options.onSignedIn(who, { oidc: !!session });
  }

  function askToSignIn(message) {
    show($('signing-in'), false);
    show($('signed-in'), false);
    show($('page-refused'), false);
    show($('signin-help'), true);
    show($('signin-form'), true);
    signInError(message || '');
    renderNav(null);
    const user = $('username');
    if (user && !message) user.focus();
  }

  async function signIn(event) {
    event.preventDefault();
    const user = $('username').value.trim();
    const password = $('password').value;
    signInError('');
    if (!user || !password) {
      signInError('Enter your user name and password.');
      (user ? $('password') : $('username')).focus();
      return;
    }
    const button = $('signin-button');
    button.disabled = true;
    remember('Basic ' + btoa(unescape(encodeURIComponent(user + ':' + password))));
    try {
      const answer = await api('GET', '/api/me');
      if (!answer.ok) {
        remember(null);
        // Tandem locks a user for a few seconds after a failed attempt; its answer says so.
        signInError(answer.status === 401
          ? ((answer.data && answer.data.detail) || 'The user name or password is wrong. Try again.')
          : problemText(answer, 'Tandem could not sign you in.'));
        $('password').select();
        $('password').focus();
        return;
      }
      $('password').value = '';
      await enter(answer.data);
    } catch (e) {
      remember(null);
      signInError('Tandem cannot be reached. Check your connection and try again.');
    } finally {
      button.disabled = false;
    }
  }

  /* Leaves Tandem and the provider's session: Spring Security's sign-out takes a POST with the
     session's CSRF token and sends the browser on to the provider. */
  function signOutOfProvider() {
    const form = document.createElement('form');
    form.method = 'post';
    form.action = session.signOutUrl;
    const token = document.createElement('input');
    token.type = 'hidden';
    token.name = '_csrf';
    token.value = session.csrfToken;
    form.append(token);
    document.body.append(form);
    form.submit();
  }

  /** Signs out of every page of the tab (and, under oidc, of the provider); message: why, if not asked. */
  function signOut(message) {
    if (session) {
      signOutOfProvider();
      return;
    }
    remember(null);
    me = null;
    if (options.onSignedOut) options.onSignedOut();
    askToSignIn(typeof message === 'string' ? message : '');
    if (typeof message === 'string' && message) $('username').focus();
  }

  /** An answer of 401 in the middle of work: the sign-in has lapsed; ask for it again, in words. */
  function signInLapsed(message) {
    signOut(message || 'Your sign-in was not accepted any more. Sign in again.');
  }

  /** The sign-in this tab already has: the stored Basic header, or the oidc browser session. */
  async function resume() {
    restore();
    if (authorization) {
      show($('signin-form'), false);
      show($('signing-in'), true);
      try {
        const answer = await api('GET', '/api/me');
        if (answer.ok) return enter(answer.data);
      } catch (e) { /* unreachable: ask below */ }
      remember(null);
    }
    let answer = null;
    try {
      answer = await fetch('/identity/session', { credentials: 'same-origin', cache: 'no-store',
        headers: { Accept: 'application/json' } });
    } catch (e) {
      answer = null;
    }
    if (answer && answer.ok) {   // without the oidc profile the address is a 404
      session = await answer.json();
      const who = await api('GET', '/api/me');
      if (who.ok) return enter(who.data);
      session = null;
    }
    return askToSignIn('');
  }

  /**
   * Puts the focus where a page starts once it has loaded after sign-in, unless the person has
   * already put it somewhere of their own meanwhile (typing in a field while the lists loaded):
   * their keystrokes must not land in another field.
   */
  function focusAfterSignIn(el, focusOptions) {
    const focused = document.activeElement;
    const signIn = $('signin');
    const movedOn = !!focused && focused !== document.body && !(signIn && signIn.contains(focused));
    if (el && !movedOn) el.focus(focusOptions);
  }

  /* ---------- the sign-in card ---------- */

  function element(tag, attributes, ...children) {
    const el = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value === true) el.setAttribute(name, '');
      else if (value !== false && value != null) el.setAttribute(name, value);
    });
    children.forEach((child) => el.append(child));
    return el;
  }

  function field(id, label, type, autocomplete, describedBy) {
    return element('div', { class: 'field' },
      element('label', { for: id }, label),
      element('input', {
        id, name: id, type, autocomplete, required: true, 'aria-describedby': describedBy
      }));
  }

  /**
   * Fills the page's sign-in card, the same on every page: <section id="signin" class="card"
   * aria-labelledby="signin-title" data-title="…" data-help="…" [data-groups]>. data-title heads
   * it ("Sign in" when absent), data-help says whose page it is, data-groups also names the
   * groups of the person signed in. What the page puts inside the section itself (a note for the
   * signed-in, say) follows the card's own parts.
   */
  function renderSignIn() {
    const card = $('signin');
    if (!card || $('signin-form')) return;
    const signedIn = element('p', {}, 'Signed in as ', element('strong', { id: 'signed-in-user' }));
    if (card.hasAttribute('data-groups')) {
      signedIn.append(' ', element('span', { id: 'signed-in-groups', class: 'hint' }));
    }
    signedIn.append('. ', element('button', { type: 'button', id: 'signout-button', class: 'link' }, 'Sign out'));
    card.prepend(
      element('h2', { id: 'signin-title' }, card.dataset.title || 'Sign in'),
      element('p', { class: 'hint', id: 'signin-help' },
        card.dataset.help || 'Use your Tandem user name and password (the ones you use for Tasklist).'),
      element('p', { id: 'signing-in', class: 'hint', role: 'status', hidden: true }, 'Signing you in…'),
      element('form', { id: 'signin-form', novalidate: true },
        element('div', { id: 'signin-error', class: 'alert alert-error', role: 'alert', hidden: true }),
        element('div', { class: 'row' },
          field('username', 'User name', 'text', 'username', 'signin-help'),
          field('password', 'Password', 'password', 'current-password', null)),
        element('button', { type: 'submit', id: 'signin-button', class: 'primary' }, 'Sign in')),
      element('div', { id: 'signed-in', hidden: true }, signedIn));
    card.append(element('div', { id: 'page-refused', class: 'alert alert-error', role: 'alert', hidden: true }));
  }

  /**
   * Starts the page: fills and wires the sign-in card (#signin), resumes the tab's sign-in if any.
   * config: onSignedIn(me), onSignedOut(), mayOpen(me) and refusal (the words shown to someone
   * signed in whose role the page is not for).
   */
  function start(config) {
    options = config || {};
    renderSignIn();
    const form = $('signin-form');
    if (form) form.addEventListener('submit', signIn);
    const out = $('signout-button');
    if (out) out.addEventListener('click', () => signOut());
    return resume();
  }

  // tandem.js is loaded deferred, before the page's own script: the document is parsed, and the
  // page's script finds the sign-in card filled
  renderSignIn();

  window.Tandem = Object.freeze({
    $, show, text, count, money, day, when, month, plural, pretty,
    api, problemText, destinations, scrollable, start, signOut, signInLapsed, focusAfterSignIn,
    me: () => me,
    oidc: () => !!session
  });
}());
