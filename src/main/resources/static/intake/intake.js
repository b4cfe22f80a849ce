/*
 * Tandem intake page: after the shared sign-in (common/tandem.js) it loads the capability taxonomy,
 * submits the request with an Idempotency-Key so that a double click or a retry starts nothing
 * twice, shows the server's field errors next to their fields, and afterwards shows the request's
 * status and decisions.
 */
(function () {
  'use strict';

  const FIELDS = ['toolName', 'vendor', 'vendorUrl', 'capabilities', 'businessJustification', 'integrations',
    'annualLicenseCost', 'implementationCost', 'currency', 'seats', 'contractTermMonths', 'neededBy',
    'personalData', 'sso', 'dataExportSupported'];

  const LABELS = {
    toolName: 'Tool name', vendor: 'Vendor', vendorUrl: 'Vendor website', capabilities: 'Capabilities',
    businessJustification: 'Business justification', integrations: 'Must integrate with',
    annualLicenseCost: 'Annual licence cost', implementationCost: 'Implementation cost', currency: 'Currency',
    seats: 'Seats', contractTermMonths: 'Contract term', neededBy: 'Needed by',
    personalData: 'Personal data', sso: 'Single sign-on', dataExportSupported: 'Data export'
  };

  const STATUS_TEXT = {
    SUBMITTED: 'Received; Tandem is checking the tools we already own.',
    AWAITING_REQUESTER: 'Waiting for you: see the question in Tasklist under "My requests".',
    IN_REVIEW: 'Marketing and IT are reviewing it.',
    BUDGET_PROPOSAL: 'Approved; marketing and IT are preparing a joint budget proposal.',
    BOARD_REVIEW: 'With the board for a budget decision.',
    NEGOTIATION: 'Approved and funded; IT operations is negotiating the contract with the vendor.',
    ONBOARDING: 'Approved and funded; IT operations is setting it up.',
    ACTIVE: 'Done: the tool is active and yours to use.',
    REJECTED: 'Rejected; see the decisions below for why.',
    WITHDRAWN: 'Withdrawn.',
    REDIRECTED: 'Closed: you chose a tool we already own.'
  };

  /** Each status in a word or two, for badges and lists. */
  const STATUS_WORDS = {
    SUBMITTED: 'Submitted', AWAITING_REQUESTER: 'Waiting for you', IN_REVIEW: 'In review',
    BUDGET_PROPOSAL: 'Budget proposal', BOARD_REVIEW: 'With the board', NEGOTIATION: 'Negotiation',
    ONBOARDING: 'Being set up', ACTIVE: 'Active', REJECTED: 'Rejected', WITHDRAWN: 'Withdrawn',
    REDIRECTED: 'Existing tool used'
  };

  const FINAL = ['ACTIVE', 'REJECTED', 'WITHDRAWN', 'REDIRECTED'];

  /** Stages and decisions as the decision log stores them, in the words a requester uses. */
  const STAGE_TEXT = {
    INVENTORY: 'Existing tools', MARKETING_REVIEW: 'Marketing review', IT_REVIEW: 'IT review',
    PRIVACY_REVIEW: 'Privacy review', REVISION: 'Your revision', BUDGET_PROPOSAL: 'Budget proposal',
    BUDGET_COSIGN: 'Budget co-signature (IT)', BOARD: 'Board', NEGOTIATION: 'Contract negotiation',
    ONBOARDING: 'Onboarding', WITHDRAWAL: 'Withdrawal'
  };
  const DECISION_TEXT = {
    APPROVE: 'Approved', REJECT: 'Rejected', REQUEST_CHANGES: 'Changes requested', DEFER: 'Deferred',
    RESUBMIT: 'Resubmitted', WITHDRAW: 'Withdrawn'
  };

  const { $, show, text, pretty, when, problemText } = window.Tandem;
  let signedIn = false;
  let mayRequest = false;          // GET /api/me: the person may submit requests (and has a list of theirs)
  let idempotencyKey = newKey();   // one per filled form
  let keyAnswered = false;         // the server gave a definite answer for this key
  let submitting = false;
  let currentRequestId = null;
  let signedInUser = null;
  let capabilityNames = {};        // code -> name, from /api/capabilities
  let withdrawPoll = null;


  function newKey() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      return window.crypto.randomUUID();
    }
    const b = window.crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  /** Tandem's API with a JSON body, as the signed-in person (common/tandem.js). */
  function api(method, path, body, extraHeaders) {
    return window.Tandem.api(method, path, body === undefined ? undefined : { json: body }, extraHeaders);
  }

  /* ---------- after sign-in ---------- */

  async function signedInAs(me) {
    signedIn = true;
    signedInUser = me.userId;
    mayRequest = me.may.submitRequests === true;
    show($('new-request-button'), mayRequest);
    // Reviewers and leadership come here from a link (insights, mails) to read one request.
    text($('result-title'), mayRequest ? 'Your request' : 'The request');
    text($('lookup-title'), mayRequest ? 'Follow a request you submitted' : 'Look up a request');
    text($('lookup-help'), mayRequest ? 'The id you were given when you submitted, e.g. MTR-2026-00042.'
      : 'Its id, e.g. MTR-2026-00042.');
    const capabilities = await api('GET', '/api/capabilities');
    if (!capabilities.ok) {
      text($('mine-error'), problemText(capabilities, 'Tandem could not load the capabilities.'));
      show($('mine-error'), true);
    } else {
      renderCapabilities(listOf(capabilities.data));
    }
    await loadCurrencies();
    show($('request'), mayRequest && !currentRequestId);
    show($('lookup'), true);
    show($('mine'), mayRequest);
    if (mayRequest) await loadMine();
    const wanted = requestIdInAddress();
    if (wanted) {
      await open(wanted);
    } else if (!mayRequest) {
      window.Tandem.focusAfterSignIn($('lookup-id'));
    } else if (window.location.hash === '#mine') {
      $('mine').scrollIntoView({ block: 'start' });
      $('mine-title').setAttribute('tabindex', '-1');
      window.Tandem.focusAfterSignIn($('mine-title'), { preventScroll: true });
    } else {
      window.Tandem.focusAfterSignIn($('toolName'));
    }
  }

  function signedOut() {
    signedIn = false;
    currentRequestId = null;
    signedInUser = null;
    stopWithdrawPoll();
    show($('mine'), false);
    show($('request'), false);
    show($('result'), false);
    show($('lookup'), false);
  }

  function listOf(data) {
    if (Array.isArray(data)) return data;
    if (data && Array.isArray(data.content)) return data.content;
    if (data && Array.isArray(data.items)) return data.items;
    return [];
  }

  function renderCapabilities(capabilities) {
    capabilityNames = {};
    for (const capability of capabilities) capabilityNames[capability.code] = capability.name || capability.code;
    for (const group of ['capabilities', 'integrations']) {
      const box = $(group + '-options');
      const checked = new Set(checkedValues(group));
      box.replaceChildren();
      for (const capability of capabilities) {
        const id = `${group}-${capability.code}`;
        const label = document.createElement('label');
        label.htmlFor = id;
        const input = document.createElement('input');
        input.type = 'checkbox';
        input.id = id;
        input.name = group;
        input.value = capability.code;
        input.checked = checked.has(capability.code);
        label.append(input, ' ', capability.name || capability.code);
        box.append(label);
      }
    }
  }

  /** The currency select offers what Tandem accepts: the currency its budgets are kept in. */
  async function loadCurrencies() {
    const answer = await api('GET', '/api/currencies');
    if (!answer.ok || !Array.isArray(answer.data) || !answer.data.length) return;  // keeps the default
    const select = $('currency');
    const chosen = select.value;
    select.replaceChildren();
    for (const currency of answer.data) {
      const option = document.createElement('option');
      option.value = currency.code;
      option.textContent = currency.code;
      option.title = currency.name || currency.code;
      option.selected = currency.code === chosen;
      select.append(option);
    }
    const names = answer.data.map((c) => c.name || c.code).join(', ');
    text($('currency-help'), answer.data.length === 1
      ? `${names}, the currency of our budgets.` : 'The currencies of our budgets.');
  }

  /** A link from a mail or the list: /intake#MTR-2026-00042 opens that request after sign-in. */
  /* #MTR-… (links in mails) or ?request=MTR-… (links of the insights page) */
  function requestIdInAddress() {
    const hash = decodeURIComponent((window.location.hash || '').slice(1)).trim().toUpperCase();
    const query = (new URLSearchParams(window.location.search).get('request') || '').trim().toUpperCase();
    const wanted = hash || query;
    return /^MTR-\d{4}-\d{5}$/.test(wanted) ? wanted : null;
  }

  /* ---------- the requester's own requests ---------- */

  async function loadMine() {
    if (!mayRequest) return;  // reviewers follow requests by id here, and in Tasklist
    const error = $('mine-error');
    show(error, false);
    let answer;
    try {
      answer = await api('GET', '/api/purchase-requests?requester=' + encodeURIComponent(signedInUser) + '&size=50');
    } catch (e) {
      text(error, 'Tandem cannot be reached; your requests could not be loaded.');
      show(error, true);
      return;
    }
    if (!answer.ok) {
      text(error, problemText(answer, 'Your requests could not be loaded.'));
      show(error, true);
      return;
    }
    const items = listOf(answer.data);
    const rows = $('mine-table').tBodies[0];
    rows.replaceChildren();
    for (const r of items) {
      const tr = document.createElement('tr');
      tr.dataset.requestId = r.id;
      const idCell = document.createElement('td');
      const link = document.createElement('a');
      link.href = '#' + r.id;
      link.textContent = r.id;
      link.addEventListener('click', (e) => { e.preventDefault(); open(r.id); });
      idCell.append(link);
      const tool = document.createElement('td');
      tool.textContent = [r.toolName, r.vendor ? `by ${r.vendor}` : ''].filter(Boolean).join(' ');
      const status = document.createElement('td');
      status.append(badge(r.status));
      const waiting = document.createElement('td');
      waiting.className = 'waiting';
      const since = document.createElement('td');
      since.className = 'since';
      const tasks = r.waitingFor || [];
      if (tasks.length) {
        const list = document.createElement('ul');
        list.className = 'plain';
        for (const task of tasks) {
          const li = document.createElement('li');
          const who = document.createElement('span');
          who.className = 'who';
          who.textContent = whoText(task);
          const step = document.createElement('span');
          step.className = 'hint step';
          step.textContent = stepOf(task);
          li.append(who, ' ', step);
          list.append(li);
        }
        waiting.append(list);
        const oldest = tasks.map((t) => t.created).filter(Boolean).sort()[0];
        if (oldest) {
          since.textContent = waitedFor(oldest);
          since.title = 'since ' + when(oldest);
          const detail = document.createElement('span');
          detail.className = 'hint';
          detail.textContent = ` since ${when(oldest)}`;
          since.append(document.createElement('br'), detail);
        }
      } else {
        waiting.textContent = FINAL.includes(r.status) ? '—' : 'Tandem (next step runs by itself)';
      }
      tr.append(idCell, tool, status, waiting, since);
      rows.append(tr);
    }
    show($('mine-table'), items.length > 0);
    show($('mine-empty'), items.length === 0);
    const total = answer.data && answer.data.totalItems;
    text($('mine-more'), total > items.length ? `The newest ${items.length} of your ${total} requests.` : '');
    show($('mine-more'), total > items.length);
  }

  function badge(status) {
    const span = document.createElement('span');
    span.className = 'status status-' + String(status || '').toLowerCase();
    span.textContent = STATUS_WORDS[status] || pretty(status);
    span.title = STATUS_TEXT[status] || '';
    return span;
  }

  /** Who a task waits for: "Marketing leadership (CMO office)", with the person who took it. */
  function whoText(task) {
    const who = task.group ? (task.groupName || task.group) : (task.assigneeName || task.assignee || 'you');
    return task.group && task.assignee ? `${who}, taken by ${task.assigneeName || task.assignee}` : who;
  }

  /** The step, without the tool and request Tasklist's name adds: "Marketing review". */
  function stepOf(task) {
    return String(task.name || '').split(': ')[0];
  }

  /** "Marketing leadership (CMO office): Marketing review, taken by Casey Marketing-Officer" */
  function waitingText(task) {
    return `${whoText(task)}: ${stepOf(task)}`;
  }

  /** How long it has waited, in the largest unit that fits: "3 days", "5 hours", "12 minutes". */
  function waitedFor(iso) {
    const ms = Date.now() - new Date(iso).getTime();
    if (!(ms >= 0)) return '';
    const minutes = Math.floor(ms / 60000);
    const plural = (n, unit) => `${n} ${unit}${n === 1 ? '' : 's'}`;
    if (minutes < 1) return 'just now';
    if (minutes < 60) return plural(minutes, 'minute');
    const hours = Math.floor(minutes / 60);
    if (hours < 48) return plural(hours, 'hour');
    return plural(Math.floor(hours / 24), 'day');
  }

  async function open(id) {
    const answer = await api('GET', '/api/purchase-requests/' + encodeURIComponent(id));
    if (!answer.ok) {
      text($('mine-error'), answer.status === 404 || answer.status === 403
        ? `There is no request ${id} that you may see.` : problemText(answer, 'Could not load the request.'));
      show($('mine-error'), true);
      return;
    }
    currentRequestId = id;
    show($('request'), false);
    show($('result'), true);
    show($('result-message'), false);
    render(answer.data);
    $('result').scrollIntoView({ block: 'start' });
    $('result').focus({ preventScroll: true });
  }

  /* ---------- withdrawal ---------- */

  function askWithdraw() {
    text($('withdraw-request-id'), currentRequestId);
    $('withdraw-reason').value = '';
    show($('withdraw-error'), false);
    $('withdraw-dialog').showModal();
    $('withdraw-cancel').focus();
  }

  async function withdraw(event) {
    event.preventDefault();
    const id = currentRequestId;
    const reason = $('withdraw-reason').value.trim();
    $('withdraw-confirm').disabled = true;
    try {
      const answer = await api('POST', '/api/purchase-requests/' + encodeURIComponent(id) + '/withdraw',
        reason ? { reason } : {});
      if (!answer.ok) {
        text($('withdraw-error'), answer.status === 409
          ? problemText(answer, 'This request can no longer be withdrawn.')
          : problemText(answer, 'Tandem did not withdraw the request.'));
        show($('withdraw-error'), true);
        return;
      }
      $('withdraw-dialog').close();
      render(answer.data);
      text($('result-message'), `Your request ${id} is being withdrawn.`);
      show($('result-message'), true);
      $('result').focus();
      // The process closes it in its next step, a moment later: follow it until it has.
      watchWithdrawal(id);
    } catch (e) {
      text($('withdraw-error'), 'Tandem cannot be reached. Try again in a moment.');
      show($('withdraw-error'), true);
    } finally {
      $('withdraw-confirm').disabled = false;
    }
  }

  function stopWithdrawPoll() {
    if (withdrawPoll) clearInterval(withdrawPoll);
    withdrawPoll = null;
  }

  function watchWithdrawal(id) {
    stopWithdrawPoll();
    let tries = 0;
    withdrawPoll = setInterval(async () => {
      tries += 1;
      if (currentRequestId !== id || tries > 30) return stopWithdrawPoll();
      const answer = await api('GET', '/api/purchase-requests/' + encodeURIComponent(id));
      if (!answer.ok || currentRequestId !== id) return;
      render(answer.data);
      if (answer.data.status === 'WITHDRAWN') {
        stopWithdrawPoll();
        text($('result-message'), `Your request ${id} is withdrawn.`);
        loadMine();
      }
    }, 1000);
  }

  function checkedValues(name) {
    return Array.from(document.querySelectorAll(`input[name="${name}"]:checked`), (i) => i.value);
  }

  /* ---------- the request ---------- */

  function number(id) {
    const input = $(id);
    const raw = input.value.trim();
    if (raw === '') return input.validity && input.validity.badInput ? 'not a number' : null;
    const value = Number(raw);
    return Number.isFinite(value) ? value : raw;
  }

  function radio(name) {
    const checked = document.querySelector(`input[name="${name}"]:checked`);
    return checked ? checked.value : null;
  }

  function body() {
    const vendorUrl = $('vendorUrl').value.trim();
    const request = {
      toolName: $('toolName').value.trim(),
      vendor: $('vendor').value.trim(),
      capabilities: checkedValues('capabilities'),
      businessJustification: $('businessJustification').value.trim(),
      annualLicenseCost: number('annualLicenseCost'),
      implementationCost: number('implementationCost'),
      currency: $('currency').value,
      seats: number('seats'),
      contractTermMonths: number('contractTermMonths'),
      neededBy: $('neededBy').value || null,
      personalData: radio('personalData'),
      sso: radio('sso'),
      integrations: checkedValues('integrations'),
      dataExportSupported: $('dataExportSupported').checked
    };
    if (vendorUrl) request.vendorUrl = vendorUrl;
    return request;
  }

  async function submit(event) {
    event.preventDefault();
    if (submitting) return;  // a double click sends nothing twice (and the key covers retries)
    submitting = true;
    $('submit-button').disabled = true;
    text($('submit-progress'), 'Submitting…');
    clearErrors();
    try {
      const answer = await api('POST', '/api/purchase-requests', body(), { 'Idempotency-Key': idempotencyKey });
      if (answer.status === 201 || answer.status === 200) {
        keyAnswered = true;
        text($('submit-progress'), '');
        showResult(answer.data, true);
        return;
      }
      if (answer.status === 401) {
        keyAnswered = true;
        text($('submit-progress'), '');
        window.Tandem.signInLapsed('Your sign-in was not accepted any more. Sign in again; your form is kept.');
        return;
      }
      if (answer.status >= 400 && answer.status < 500) {
        keyAnswered = true;  // nothing started: the next attempt is a new submission
      }
      text($('submit-progress'), '');
      showErrors(answer);
    } catch (e) {
      // No answer: the request may or may not have arrived. The same key makes the retry safe.
      text($('submit-progress'), 'Tandem did not answer. Press "Submit request" again: it will not be submitted twice.');
    } finally {
      submitting = false;
      $('submit-button').disabled = false;
    }
  }

  /** After an answered attempt, any change to the form makes it a new submission with a new key. */
  function formChanged() {
    if (keyAnswered) {
      idempotencyKey = newKey();
      keyAnswered = false;
    }
  }

  function fieldOf(path) {
    const name = String(path || '').split(/[.[]/)[0];
    return FIELDS.includes(name) ? name : null;
  }

  function clearErrors() {
    show($('error-summary'), false);
    $('error-summary-list').replaceChildren();
    // Only the form's own messages: the list, the lookup and the withdrawal keep theirs.
    const form = $('request');
    for (const el of form.querySelectorAll('.field-error')) el.remove();
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    for (const el of form.querySelectorAll('.has-error')) el.classList.remove('has-error');
    for (const el of form.querySelectorAll('[data-described-by]')) {
      el.setAttribute('aria-describedby', el.dataset.describedBy);
      el.removeAttribute('data-described-by');
    }
  }

  /** The inputs that carry aria-invalid for a field: the input, or every box of a group. */
  function inputsOf(field) {
    const container = document.querySelector(`[data-field="${field}"]`);
    if (!container) return [];
    if (container.tagName === 'FIELDSET') return Array.from(container.querySelectorAll('input'));
    return [$(field)];
  }

  function showErrors(answer) {
    const errors = (answer.data && Array.isArray(answer.data.errors)) ? answer.data.errors : [];
    const list = $('error-summary-list');
    const byField = new Map();
    const general = [];
    for (const error of errors) {
      const field = fieldOf(error.field);
      if (field) {
        if (!byField.has(field)) byField.set(field, []);
        byField.get(field).push(error.message);
      } else {
        general.push((error.field ? error.field + ': ' : '') + error.message);
      }
    }
    if (byField.size === 0 && general.length === 0) {
      general.push(answer.status === 409
        ? 'This form was already submitted with different content. Reload the page to start a new request.'
        : problemText(answer, 'Tandem refused the request.'));
    }
    let first = null;
    for (const field of FIELDS) {  // in the order of the form
      if (!byField.has(field)) continue;
      const container = document.querySelector(`[data-field="${field}"]`);
      const message = byField.get(field).join('; ');
      const errorId = `${field}-error`;
      const p = document.createElement('p');
      p.className = 'field-error';
      p.id = errorId;
      p.textContent = `${LABELS[field]} ${message}`;
      container.classList.add('has-error');
      // Above the input, right under its label (or under a group's help text), where the eye is.
      const anchor = container.tagName === 'FIELDSET' ? container.querySelector('.hint') : container.querySelector('label');
      anchor ? anchor.after(p) : container.prepend(p);
      const describedOwner = container.tagName === 'FIELDSET' ? container : $(field);
      describedOwner.dataset.describedBy = describedOwner.getAttribute('aria-describedby') || '';
      describedOwner.setAttribute('aria-describedby', `${errorId} ${describedOwner.dataset.describedBy}`.trim());
      for (const input of inputsOf(field)) {
        input.setAttribute('aria-invalid', 'true');
        if (container.tagName === 'FIELDSET') input.setAttribute('aria-describedby', errorId);
      }
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = '#' + (inputsOf(field)[0] || container).id;
      a.textContent = p.textContent;
      a.addEventListener('click', (e) => { e.preventDefault(); (inputsOf(field)[0] || container).focus(); });
      li.append(a);
      list.append(li);
      if (!first) first = inputsOf(field)[0] || container;
    }
    for (const message of general) {
      const li = document.createElement('li');
      li.textContent = message;
      list.append(li);
    }
    text($('error-summary-title'), byField.size
      ? `Please correct ${byField.size === 1 ? 'this field' : 'these ' + byField.size + ' fields'}: nothing was submitted`
      : 'The request was not submitted');
    show($('error-summary'), true);
    (first || $('error-summary')).focus();
  }

  /* ---------- the request's status ---------- */

  async function showResult(created, fresh) {
    currentRequestId = created.id;
    show($('request'), false);
    show($('result'), true);
    text($('result-message'), fresh ? `Thank you. Your request ${created.id} is submitted.` : '');
    show($('result-message'), !!fresh);
    render(created);
    $('result').focus();
    await refresh();
    loadMine();
  }

  async function lookup(event) {
    event.preventDefault();
    const id = $('lookup-id').value.trim().toUpperCase();
    const error = $('lookup-error');
    show(error, false);
    $('lookup-id').removeAttribute('aria-invalid');
    if (!/^MTR-\d{4}-\d{5}$/.test(id)) {
      return lookupFailed('Enter a request id like MTR-2026-00042.');
    }
    const answer = await api('GET', '/api/purchase-requests/' + encodeURIComponent(id));
    if (!answer.ok) {
      return lookupFailed(answer.status === 404 || answer.status === 403
        ? `There is no request ${id} that you may see.` : problemText(answer, 'Could not load the request.'));
    }
    currentRequestId = id;
    show($('request'), false);
    show($('result'), true);
    show($('result-message'), false);
    render(answer.data);
    $('result').focus();
  }

  function lookupFailed(message) {
    const error = $('lookup-error');
    text(error, message);
    show(error, true);
    $('lookup-id').setAttribute('aria-invalid', 'true');
    $('lookup-id').setAttribute('aria-describedby', 'lookup-error lookup-help');
    $('lookup-id').focus();
  }

  async function refresh() {
    if (!currentRequestId) return;
    $('refresh-button').disabled = true;
    text($('refresh-progress'), 'Refreshing…');
    try {
      const answer = await api('GET', '/api/purchase-requests/' + encodeURIComponent(currentRequestId));
      if (answer.ok) {
        render(answer.data);
        text($('refresh-progress'), '');
        loadMine();
      } else {
        text($('refresh-progress'), problemText(answer, 'Could not load the request.'));
      }
    } catch (e) {
      text($('refresh-progress'), 'Tandem cannot be reached. Try again in a moment.');
    } finally {
      $('refresh-button').disabled = false;
    }
  }

  function render(request) {
    if (!request) return;
    text($('result-id'), request.id);
    const status = $('result-status');
    text(status, STATUS_WORDS[request.status] || pretty(request.status));
    status.className = 'status status-' + String(request.status || '').toLowerCase();
    const people = request.people || {};
    const mayWithdraw = request.status && !FINAL.includes(request.status) && request.status !== 'ONBOARDING'
      && request.requester === signedInUser;
    show($('withdraw-button'), !!mayWithdraw);
    text($('result-status-text'), STATUS_TEXT[request.status] || '');
    text($('result-tool'), [request.toolName, request.vendor ? `by ${request.vendor}` : ''].filter(Boolean).join(' '));
    text($('result-requester'), people[request.requester] || request.requesterName || request.requester);
    const firstYear = Number(request.annualLicenseCost || 0) + Number(request.implementationCost || 0);
    text($('result-cost'), window.Tandem.money(firstYear, request.currency));
    text($('result-updated'), when(request.updatedAt || request.createdAt) || new Date().toLocaleString());

    const tasks = $('result-tasks');
    tasks.replaceChildren();
    for (const task of request.openTasks || []) {
      const li = document.createElement('li');
      li.textContent = waitingText(task);
      tasks.append(li);
    }
    if (!tasks.children.length) {
      const li = document.createElement('li');
      li.className = 'hint';
      li.textContent = FINAL.includes(request.status)
        ? 'Nobody: the request is closed.'
        : 'Nobody yet: Tandem is doing the next step by itself. Refresh in a moment.';
      tasks.append(li);
    }

    const rows = $('result-decisions').tBodies[0];
    rows.replaceChildren();
    for (const d of request.decisions || []) {
      const tr = document.createElement('tr');
      const stage = STAGE_TEXT[d.stage] || pretty(d.stage);
      const decision = d.stage === 'INVENTORY'
        ? (String(d.decision) === 'true' ? 'Uses an existing tool' : 'Still needs the new tool')
        : DECISION_TEXT[d.decision] || pretty(d.decision);
      for (const value of [stage, decision, people[d.by] || d.by, when(d.at), d.comment || '']) {
        const td = document.createElement('td');
        td.textContent = value || '';
        tr.append(td);
      }
      tr.cells[1].className = 'decision decision-' + String(d.decision || '').toLowerCase();
      tr.cells[3].className = 'when';
      rows.append(tr);
    }
    show($('result-decisions'), rows.children.length > 0);
    show($('result-no-decisions'), rows.children.length === 0);

    const overlaps = $('result-overlaps');
    overlaps.replaceChildren();
    for (const o of request.overlaps || []) {
      const li = document.createElement('li');
      li.textContent = [o.toolName, o.vendor ? `by ${o.vendor}` : '', overlapReason(o)].filter(Boolean).join(' ');
      overlaps.append(li);
    }
    show($('result-overlaps-block'), overlaps.children.length > 0);
  }

  /** Why an owned tool overlaps, naming what it shares: "(also does Event management)". */
  function overlapReason(o) {
    const names = (o.capabilities || []).map((c) => capabilityNames[c] || pretty(c));
    if (String(o.reason).toUpperCase() === 'VENDOR') return '(same vendor)';
    if (names.length) return `(also does ${names.join(', ')})`;
    return o.reason ? `(${pretty(o.reason)})` : '';
  }

  function newRequest() {
    $('request-form').reset();
    clearErrors();
    idempotencyKey = newKey();
    keyAnswered = false;
    currentRequestId = null;
    show($('result'), false);
    show($('request'), true);
    $('toolName').focus();
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('request-form').addEventListener('submit', submit);
    $('request-form').addEventListener('input', formChanged);
    $('request-form').addEventListener('change', formChanged);
    $('refresh-button').addEventListener('click', refresh);
    $('lookup-form').addEventListener('submit', lookup);
    $('new-request-button').addEventListener('click', newRequest);
    // The open request too, if any (its refresh reloads the list).
    $('mine-refresh').addEventListener('click', () => (currentRequestId ? refresh() : loadMine()));
    $('withdraw-button').addEventListener('click', askWithdraw);
    $('withdraw-form').addEventListener('submit', withdraw);
    $('withdraw-cancel').addEventListener('click', () => $('withdraw-dialog').close());
    window.addEventListener('hashchange', () => {
      const wanted = requestIdInAddress();
      if (wanted && signedIn) open(wanted);
    });
    window.Tandem.start({ onSignedIn: signedInAs, onSignedOut: signedOut });
  });
})();
