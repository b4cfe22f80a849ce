/*
 * Tandem discovery page: signs IT operations in (HTTP Basic, credentials kept in this page's memory
 * only), uploads an SSO or expense export to POST /api/discovery-imports, tells in words what the
 * import found and which lines it refused, and lists the findings of GET /api/discoveries.
 */
(function () {
  'use strict';

  const FIELDS = ['source', 'file'];
  const LABELS = { source: 'What the file is', file: 'The file' };

  const STATUS_TEXT = {
    DISCOVERED: 'New: review starting',
    IN_REVIEW: 'In review',
    OFFBOARDING: 'Being retired',
    ADOPTED: 'Adopted',
    REPLACED: 'Replaced by a tool we own',
    RETIRED: 'Retired',
    DISMISSED: 'Not a marketing tool'
  };

  let credentials = null;   // "Basic …", in memory only
  let session = null;              // signed in through the company's identity provider (/identity/session)
  let mayImport = false;
  let uploading = false;

  const $ = (id) => document.getElementById(id);
  const show = (el, visible) => { el.hidden = !visible; };
  const text = (el, value) => { el.textContent = value == null ? '' : String(value); };

  const count = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

  function money(amount, currency) {
    try {
      return new Intl.NumberFormat(undefined, { style: 'currency', currency, currencyDisplay: 'code' })
        .format(Number(amount));
    } catch (e) {
      return `${new Intl.NumberFormat(undefined, { minimumFractionDigits: 2 }).format(Number(amount))} ${currency}`;
    }
  }

  /** "2026-02-11" as the reader writes dates, without a time zone shifting it a day. */
  function day(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
    if (!m) return iso || '';
    return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
      .toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
  }

  function plural(n, one, many) { return `${count.format(n)} ${n === 1 ? one : many}`; }

  /* credentials: 'omit' keeps the browser from prompting for a password on a 401 and from sending
     the Tasklist session cookie: the API only ever sees the Basic header. */
  async function api(method, path, formData) {
    const headers = { Accept: 'application/json, application/problem+json' };
    if (credentials) headers.Authorization = credentials;
    if (session && method !== 'GET') headers[session.csrfHeader] = session.csrfToken;
    const response = await fetch(path, { method, headers, credentials: session ? 'same-origin' : 'omit',
      cache: 'no-store', body: formData });
    let data = null;
    const body = await response.text();
    if (body) {
      try { data = JSON.parse(body); } catch (e) { data = null; }
    }
    return { status: response.status, ok: response.ok, data };
  }

  /** A refusal in words; never an engine code, a stack trace or an HTML error page. */
  function problemText(answer, fallback) {
    const d = answer.data || {};
    if (d.detail && !/exception|\bat [a-z]+\.[a-z]/i.test(d.detail)) return d.detail;
    if (answer.status === 413) return 'The file is too large: at most 20 MB and 100 000 lines.';
    if (answer.status === 415) return 'This is not a CSV text file (UTF-8). Export the data as CSV and try again.';
    if (answer.status === 409) return 'Another upload is importing the same lines right now. Upload the file again in a moment.';
    if (answer.status >= 500) return 'Tandem could not import the file because of a problem on its side. Try again later; '
      + 'if it persists, tell the Tandem administrators.';
    return fallback;
  }

  /* ---------- sign-in ---------- */

  async function signIn(event) {
    event.preventDefault();
    const user = $('username').value.trim();
    const password = $('password').value;
    const error = $('signin-error');
    show(error, false);
    if (!user || !password) {
      text(error, 'Enter your user name and password.');
      show(error, true);
      (user ? $('password') : $('username')).focus();
      return;
    }
    credentials = 'Basic ' + btoa(unescape(encodeURIComponent(user + ':' + password)));
    $('signin-button').disabled = true;
    try {
      const answer = await api('GET', '/api/discoveries');
      if (!answer.ok) {
        credentials = null;
        text(error, answer.status === 401
          ? ((answer.data && answer.data.detail) || 'The user name or password is wrong. Try again.')
          : answer.status === 403
            ? 'This page is for IT operations, IT leadership, marketing leadership and administrators. '
              + 'Ask the Tandem administrators for access if you need it.'
            : problemText(answer, 'Tandem could not load the findings.'));
        show(error, true);
        $('password').select();
        return;
      }
      $('password').value = '';
      const me = await api('GET', '/api/me');
      await enter((me.ok && me.data && me.data.name) || user, answer);
    } catch (e) {
      credentials = null;
      text(error, 'Tandem cannot be reached. Check your connection and try again.');
      show(error, true);
    } finally {
      $('signin-button').disabled = false;
    }
  }

  async function enter(name, answer) {
    text($('signed-in-user'), name);
    show($('signin-form'), false);
    show($('signed-in'), true);
    show($('signin-help'), false);
    mayImport = await canImport();
    show($('upload'), mayImport);
    show($('upload-not-yours'), !mayImport);
    show($('findings-section'), true);
    renderFindings(answer.data || []);
    (mayImport ? document.querySelector('input[name="source"]') : $('findings-title')).focus();
  }

  /* Signed in through the company's identity provider (Tandem's oidc profile): the browser session
     carries the sign-in, so no password is asked. Without that profile the address is a 404. */
  async function probeSession() {
    let answer;
    try {
      answer = await fetch('/identity/session', { credentials: 'same-origin', cache: 'no-store',
        headers: { Accept: 'application/json' } });
    } catch (e) {
      return;
    }
    if (!answer.ok) return;
    session = await answer.json();
    const findings = await api('GET', '/api/discoveries');
    if (!findings.ok) {
      text($('signed-in-user'), session.name);
      show($('signin-form'), false);
      show($('signed-in'), true);
      show($('signin-help'), false);
      const refusal = document.createElement('div');
      refusal.className = 'alert alert-error';
      refusal.setAttribute('role', 'alert');
      refusal.id = 'session-refused';
      text(refusal, findings.status === 403
        ? 'This page is for IT operations, IT leadership, marketing leadership and administrators. '
          + 'Ask the Tandem administrators for access if you need it.'
        : problemText(findings, 'Tandem could not load the findings.'));
      $('signed-in').insertAdjacentElement('afterend', refusal);
      return;
    }
    await enter(session.name, findings);
  }

  /* Leaves Tandem and the provider's session (a POST with the session's CSRF token). */
  function signOutOfProvider() {
    const form = document.createElement('form');
    form.method = 'post';
    form.action = session.signOutUrl;
    const token = document.createElement('input');
    token.type = 'hidden';
    token.name = '_csrf';
    token.value = session.csrfToken;
    form.appendChild(token);
    document.body.appendChild(form);
    form.submit();
  }

  /** Marketing leadership may read the findings but not upload: /api/me says who may what. */
  async function canImport() {
    const answer = await api('GET', '/api/me');
    return answer.status === 200 && answer.data !== null && answer.data.may.importDiscoveries === true;
  }

  function signOut() {
    if (session) {
      signOutOfProvider();
      return;
    }
    credentials = null;
    show($('signed-in'), false);
    show($('signin-help'), true);
    show($('signin-form'), true);
    show($('upload'), false);
    show($('result'), false);
    show($('findings-section'), false);
    $('username').focus();
  }

  /* ---------- the upload ---------- */

  async function upload(event) {
    event.preventDefault();
    if (uploading) return;
    clearErrors();
    const source = document.querySelector('input[name="source"]:checked');
    const file = $('file').files[0];
    const problems = [];
    if (!source) problems.push({ field: 'source', message: 'choose whether it is a single sign-on or an expense export' });
    if (!file) problems.push({ field: 'file', message: 'choose the CSV file to upload' });
    if (problems.length) {
      showErrors(problems, 'Nothing was uploaded');
      return;
    }
    uploading = true;
    $('upload-button').disabled = true;
    text($('upload-progress'), `Uploading ${file.name}…`);
    show($('result'), false);
    try {
      const form = new FormData();
      form.append('source', source.value);
      form.append('file', file, file.name);
      const answer = await api('POST', '/api/discovery-imports', form);
      text($('upload-progress'), '');
      if (answer.ok && answer.data) {
        showResult(answer.data, file.name);
        await loadFindings();
        $('result').focus();
        return;
      }
      if (answer.status === 401) {
        signOut();
        text($('signin-error'), 'Your sign-in was not accepted any more. Sign in again and upload the file again.');
        show($('signin-error'), true);
        return;
      }
      const errors = (answer.data && Array.isArray(answer.data.errors)) ? answer.data.errors : [];
      const known = errors.filter((e) => FIELDS.includes(fieldOf(e.field)));
      showErrors(known.length ? known.map((e) => ({ field: fieldOf(e.field), message: humane(e.message) })) : [],
        problemText(answer, 'Tandem refused the file.'));
    } catch (e) {
      text($('upload-progress'), 'Tandem did not answer. Upload the file again: a file is never imported twice.');
    } finally {
      uploading = false;
      $('upload-button').disabled = false;
    }
  }

  function fieldOf(path) { return String(path || '').split(/[.[]/)[0]; }

  const SOURCE_WORDS = { SSO: 'a single sign-on export', EXPENSE: 'an expense export' };
  const SOURCE_CHOICE = { SSO: 'Single sign-on export', EXPENSE: 'Expense export' };

  /** A field's refusal in an importer's words: sources by their names, no parser internals. */
  function humane(message) {
    const text = String(message || '');
    const other = /the file is an? (\S+) export, an? (SSO|EXPENSE) source, not (SSO|EXPENSE)/.exec(text);
    if (other) {
      return `this file is ${SOURCE_WORDS[other[2]]} (${other[1]} layout), not ${SOURCE_WORDS[other[3]]}: `
        + `choose "${SOURCE_CHOICE[other[2]]}", or upload the other file`;
    }
    if (/exception|java\.|\bat [a-z]+\.[a-z]/i.test(text)) {
      return text.split(':')[0] + ': check that every quote on a line is closed, and that this is the export itself';
    }
    return text;
  }

  function clearErrors() {
    show($('error-summary'), false);
    $('error-summary-list').replaceChildren();
    for (const el of document.querySelectorAll('.field-error')) el.remove();
    for (const el of document.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    for (const el of document.querySelectorAll('.has-error')) el.classList.remove('has-error');
    $('file').setAttribute('aria-describedby', 'file-help');
    $('source').setAttribute('aria-describedby', 'source-help');
  }

  /** Field errors next to their fields and linked from the summary; a whole-file error in words. */
  function showErrors(problems, title, detail) {
    const list = $('error-summary-list');
    let first = null;
    for (const field of FIELDS) {
      const messages = problems.filter((p) => p.field === field).map((p) => p.message);
      if (!messages.length) continue;
      const container = document.querySelector(`[data-field="${field}"]`);
      const p = document.createElement('p');
      p.className = 'field-error';
      p.id = `${field}-error`;
      p.textContent = `${LABELS[field]}: ${messages.join('; ')}`;
      container.classList.add('has-error');
      (field === 'source' ? container.querySelector('.hint') : container.querySelector('label')).after(p);
      const target = field === 'source' ? document.querySelector('input[name="source"]') : $('file');
      const described = field === 'source' ? container : $('file');
      described.setAttribute('aria-describedby', `${p.id} ${field}-help`);
      for (const input of container.querySelectorAll('input')) input.setAttribute('aria-invalid', 'true');
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = '#' + target.id;
      a.textContent = p.textContent;
      a.addEventListener('click', (e) => { e.preventDefault(); target.focus(); });
      li.append(a);
      list.append(li);
      first = first || target;
    }
    if (!problems.length || detail) {
      const li = document.createElement('li');
      li.textContent = detail || title;
      list.append(li);
    }
    const fields = new Set(problems.map((p) => p.field)).size;
    text($('error-summary-title'), fields === 0 ? 'The file was not imported'
      : `The file was not imported: please correct ${fields === 1 ? 'this field' : 'these ' + fields + ' fields'}`);
    show($('error-summary'), true);
    (first || $('error-summary')).focus();
  }

  /* ---------- the import's answer ---------- */

  function showResult(summary, fileName) {
    const refused = summary.refused || [];
    const parts = [
      `${plural(summary.matchedOwnedTools, 'usage', 'usages')} of tools we own`,
      `${count.format(summary.linkedToRequests)} linked to open requests`,
      plural(summary.newFindings, 'new finding', 'new findings')
    ];
    if (refused.length) parts.push(`${plural(refused.length, 'line', 'lines')} not imported`);
    text($('result-summary'), `${fileName}: ${plural(summary.linesRead, 'line', 'lines')} read: ${parts.join(', ')}.`);
    text($('result-already'), summary.alreadyImported
      ? 'This file was imported before: this is what its first upload found. Nothing was imported again.' : '');
    show($('result-already'), !!summary.alreadyImported);
    const rows = $('refused').tBodies[0];
    rows.replaceChildren();
    for (const r of refused) {
      const tr = document.createElement('tr');
      const line = document.createElement('td');
      line.className = 'num';
      line.textContent = count.format(r.line);
      const reason = document.createElement('td');
      reason.textContent = r.reason;
      tr.append(line, reason);
      rows.append(tr);
    }
    show($('refused-block'), refused.length > 0);
    show($('result'), true);
  }

  /* ---------- findings ---------- */

  async function loadFindings() {
    text($('findings-progress'), 'Loading…');
    try {
      const answer = await api('GET', '/api/discoveries');
      if (answer.ok) {
        renderFindings(answer.data || []);
        text($('findings-progress'), `Updated ${new Date().toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}.`);
      } else {
        text($('findings-progress'), problemText(answer, 'Tandem could not load the findings.'));
      }
    } catch (e) {
      text($('findings-progress'), 'Tandem cannot be reached. Try again in a moment.');
    }
  }

  function renderFindings(findings) {
    const rows = $('findings').tBodies[0];
    rows.replaceChildren();
    // The newest first: the ones just uploaded are what the reader looks for.
    const sorted = findings.slice().sort((a, b) => String(b.firstSeen).localeCompare(String(a.firstSeen))
      || String(b.id).localeCompare(String(a.id)));
    for (const f of sorted) {
      const tr = document.createElement('tr');
      tr.id = 'finding-' + f.id;
      const cells = [
        ['id', f.id],
        ['vendor', f.vendor],
        ['state', null],
        ['num', count.format(f.usersSeen || 0)],
        ['num', (f.spendSeen || []).map((s) => money(s.amount, s.currency)).join(' + ') || 'none seen'],
        ['when', day(f.firstSeen)]
      ];
      for (const [cls, value] of cells) {
        const td = document.createElement('td');
        td.className = cls;
        if (cls === 'state') {
          const badge = document.createElement('span');
          badge.className = 'status status-' + String(f.status || '').toLowerCase();
          badge.textContent = STATUS_TEXT[f.status] || f.status;
          td.append(badge);
        } else {
          td.textContent = value == null ? '' : value;
        }
        tr.append(td);
      }
      rows.append(tr);
    }
    show($('findings'), findings.length > 0);
    show($('findings-empty'), findings.length === 0);
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('signin-form').addEventListener('submit', signIn);
    $('signout-button').addEventListener('click', signOut);
    $('upload-form').addEventListener('submit', upload);
    $('findings-refresh').addEventListener('click', loadFindings);
    $('username').focus();
    probeSession();
  });
})();
