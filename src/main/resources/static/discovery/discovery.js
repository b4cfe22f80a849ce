/*
 * Tandem discovery page: after the shared sign-in (common/tandem.js) it uploads an SSO or expense
 * export to POST /api/discovery-imports, tells in words what the import found and which lines it refused, and lists the findings of GET /api/discoveries.
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

  let mayImport = false;
  let uploading = false;

  const { $, show, text, count, money, day, plural } = window.Tandem;

  /** Tandem's API as the signed-in person; formData: the upload, if any. */
  function api(method, path, formData) {
    return window.Tandem.api(method, path, formData ? { form: formData } : undefined);
  }

  /** A refusal in words; never an engine code, a stack trace or an HTML error page. */
  function problemText(answer, fallback) {
    const d = answer.data || {};
    if (d.detail && !/exception|\bat [a-z]+\.[a-z]/i.test(d.detail)) return d.detail;
    if (answer.status === 413) return 'The file is too large: at most 20 MB and 100 000 lines.';
    if (answer.status === 415) return 'This is not a CSV text file (UTF-8). Export the data as CSV and try again.';
    if (answer.status === 409) return 'Another upload is importing the same lines right now. Upload the file again in a moment.';
    if (answer.status === 401) return window.Tandem.problemText(answer, fallback);
    if (answer.status >= 500) return 'Tandem could not import the file because of a problem on its side. Try again later; '
      + 'if it persists, tell the Tandem administrators.';
    return fallback;
  }

  /* ---------- after sign-in ---------- */

  async function signedInAs(me) {
    mayImport = me.may.importDiscoveries === true;
    show($('upload'), mayImport);
    show($('upload-not-yours'), !mayImport);
    show($('findings-section'), true);
    await loadFindings();
    window.Tandem.focusAfterSignIn(
      mayImport ? document.querySelector('input[name="source"]') : $('findings-title'));
  }

  function signedOut() {
    show($('upload'), false);
    show($('upload-not-yours'), false);
    show($('result'), false);
    show($('findings-section'), false);
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
        window.Tandem.signInLapsed('Your sign-in was not accepted any more. Sign in again and upload the file again.');
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
    $('upload-form').addEventListener('submit', upload);
    $('findings-refresh').addEventListener('click', loadFindings);
    window.Tandem.start({
      onSignedIn: signedInAs,
      onSignedOut: signedOut,
      mayOpen: (me) => me.may.readDiscoveries === true,
      refusal: 'This page is for IT operations, IT leadership, marketing leadership and administrators. '
        + 'Ask the Tandem administrators for access if you need it.'
    });
  });
})();
