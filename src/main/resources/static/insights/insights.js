/*
 * Tandem insights page: after the shared sign-in (common/tandem.js), for those GET /api/me says may
 * read insights (the rule of /api/insights), it reads /api/insights/*, and shows every figure as a
 * chart (Chart.js, served by Tandem) with its numbers in a table beside it and a CSV download.
 */
(function () {
  'use strict';

  const STATUS_TEXT = {
    SUBMITTED: 'Submitted', AWAITING_REQUESTER: 'Waiting for the requester', IN_REVIEW: 'In review',
    BUDGET_PROPOSAL: 'Budget proposal', BOARD_REVIEW: 'With the board', NEGOTIATION: 'Negotiation',
    ONBOARDING: 'Onboarding', ACTIVE: 'Active', REJECTED: 'Rejected', WITHDRAWN: 'Withdrawn',
    REDIRECTED: 'Uses a tool we own'
  };
  const FINDING_TEXT = {
    DISCOVERED: 'New', IN_REVIEW: 'In review', OFFBOARDING: 'Being retired', ADOPTED: 'Adopted',
    REPLACED: 'Replaced by a tool we own', RETIRED: 'Retired', DISMISSED: 'Not a marketing tool'
  };
  const LINE_TEXT = { MARKETING: 'Marketing', IT: 'IT' };
  // colour-blind-safe palette (Okabe–Ito), in a fixed order
  const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000', '#999999', '#7f3c8d', '#3969ac'];

  const charts = {};
  let page = 0;
  let pages = 0;

  const { $, show, text, count, money, day, plural } = window.Tandem;
  const monthName = window.Tandem.month;
  const hours = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

  function api(path) {
    return window.Tandem.api('GET', path);
  }

  /* ---------- after sign-in ---------- */

  async function signedInAs() {
    show($('dashboard'), true);
    await fillFilters();
    await loadAll();
    window.Tandem.focusAfterSignIn($('fiscal-year'));
  }

  function signedOut() {
    Object.values(charts).forEach((c) => c.destroy());
    Object.keys(charts).forEach((k) => delete charts[k]);
    show($('dashboard'), false);
  }

  async function fillFilters() {
    const years = $('fiscal-year');
    if (!years.options.length) {
      const current = (await api('/api/insights/requests')).data.fiscalYear;
      for (let y = current + 1; y >= current - 4; y--) {
        const option = new Option(`Fiscal year ${y}`, String(y), false, y === current);
        years.add(option);
      }
      const capabilities = await api('/api/capabilities');
      (capabilities.data || []).forEach((c) => $('capability').add(new Option(c.name, c.code)));
      Object.keys(STATUS_TEXT).forEach((s) => $('search-status').add(new Option(STATUS_TEXT[s], s)));
    }
  }

  /* ---------- loading ---------- */

  async function loadAll(event) {
    if (event) event.preventDefault();
    const year = $('fiscal-year').value;
    const capability = $('capability').value;
    const filter = `fiscalYear=${encodeURIComponent(year)}` + (capability ? `&capability=${encodeURIComponent(capability)}` : '');
    text($('loading'), 'Loading the figures…');
    show($('load-error'), false);
    try {
      const [requests, stages, budget, shadow, renewals, stack] = await Promise.all([
        api(`/api/insights/requests?${filter}`), api(`/api/insights/stages?${filter}`),
        api(`/api/insights/budget?fiscalYear=${year}`), api(`/api/insights/shadow-it?fiscalYear=${year}`),
        api(`/api/insights/renewals?fiscalYear=${year}`), api('/api/insights/stack-map')
      ]);
      const failed = [requests, stages, budget, shadow, renewals, stack].find((a) => !a.ok);
      if (failed) {
        if (failed.status === 401) return window.Tandem.signInLapsed();
        text($('load-error'), window.Tandem.problemText(failed, 'Tandem could not load the figures.'));
        show($('load-error'), true);
        text($('loading'), '');
        return;
      }
      const capabilityName = capability ? $('capability').selectedOptions[0].textContent : null;
      renderRequests(requests.data, capabilityName);
      renderStages(stages.data, capabilityName);
      renderBudget(budget.data);
      renderShadow(shadow.data);
      renderRenewals(renewals.data);
      renderStack(stack.data);
      await search();
      text($('loading'), `Showing fiscal year ${year}` + (capabilityName ? `, requests for ${capabilityName}` : '') + '.');
    } catch (e) {
      text($('loading'), '');
      text($('load-error'), 'Tandem cannot be reached. Check your connection and try again.');
      show($('load-error'), true);
    }
  }

  /* ---------- tables and CSV ---------- */

  /**
   * Puts a table of {columns, rows} into the container named data-table=key, with a CSV download
   * of exactly those numbers. A column: {label, num?}; a row: cells (text or {text, csv, href}).
   */
  function table(key, caption, columns, rows, rowClass) {
    const box = document.querySelector(`[data-table="${key}"]`);
    box.replaceChildren();
    const t = document.createElement('table');
    const c = document.createElement('caption');
    c.textContent = caption;
    t.appendChild(c);
    const head = t.createTHead().insertRow();
    columns.forEach((col) => {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = col.label;
      if (col.num) th.className = 'num';
      head.appendChild(th);
    });
    const body = t.createTBody();
    rows.forEach((row, i) => {
      const tr = body.insertRow();
      if (rowClass) tr.className = rowClass(i) || '';
      row.forEach((cell, j) => {
        const td = tr.insertCell();
        if (columns[j].num) td.className = 'num';
        const value = cell && typeof cell === 'object' ? cell : { text: cell };
        if (value.href) {
          const a = document.createElement('a');
          a.href = value.href;
          a.textContent = value.text;
          td.appendChild(a);
        } else {
          td.textContent = value.text == null ? '' : String(value.text);
        }
      });
    });
    box.appendChild(t);
    window.Tandem.scrollable(t, caption);
    const csvRows = [columns.map((col) => col.csvLabel || col.label)]
      .concat(rows.map((row) => row.map((cell) => (cell && typeof cell === 'object' ? (cell.csv != null ? cell.csv : cell.text) : cell))));
    const csv = csvRows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
    const link = document.createElement('a');
    link.className = 'csv';
    link.download = `tandem-${key}.csv`;
    link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    link.textContent = `Download these numbers (CSV)`;
    link.setAttribute('aria-label', `Download ${caption} as CSV`);
    box.appendChild(link);
  }

  function csvCell(value) {
    const s = value == null ? '' : String(value);
    // quotes where needed; a leading = + - @ would be a formula in a spreadsheet
    const safe = /^[=+\-@]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  }

  function chart(id, config) {
    if (!window.Chart) return;
    if (charts[id]) charts[id].destroy();
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
    charts[id] = new window.Chart($(id), config);
  }

  /* ---------- panels ---------- */

  function renderRequests(data, capabilityName) {
    const open = data.byStatus.filter((s) => !s.finished).reduce((n, s) => n + s.count, 0);
    const active = data.byStatus.find((s) => s.status === 'ACTIVE').count;
    text($('requests-summary'), data.total === 0
      ? `No requests were submitted in fiscal year ${data.fiscalYear}${capabilityName ? ' for ' + capabilityName : ''}.`
      : `${plural(data.total, 'request', 'requests')} submitted in fiscal year ${data.fiscalYear}: ${count.format(open)} still open, ${count.format(active)} became tools we use.`);
    const shown = data.byStatus.filter((s) => s.count > 0 || !s.finished);
    chart('chart-status', {
      type: 'bar',
      data: { labels: shown.map((s) => STATUS_TEXT[s.status] || s.status),
        datasets: [{ label: 'Requests', data: shown.map((s) => s.count), backgroundColor: shown.map((s) => (s.finished ? '#4a5360' : '#0b5cad')) }] },
      options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
    table('status', 'Requests by status', [{ label: 'Status' }, { label: 'Open or finished' }, { label: 'Requests', num: true }],
      data.byStatus.map((s) => [{ text: STATUS_TEXT[s.status] || s.status, csv: s.status }, s.finished ? 'finished' : 'open', s.count]));
    chart('chart-flow', {
      type: 'line',
      data: { labels: data.flow.map((m) => monthName(m.month)),
        datasets: [
          { label: 'Submitted', data: data.flow.map((m) => m.submitted), borderColor: COLOURS[0], backgroundColor: COLOURS[0] },
          { label: 'Decided', data: data.flow.map((m) => m.decided), borderColor: COLOURS[1], backgroundColor: COLOURS[1], borderDash: [6, 4] }] },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
    table('flow', 'Requests submitted and decided per month', [{ label: 'Month' }, { label: 'Submitted', num: true }, { label: 'Decided', num: true }],
      data.flow.map((m) => [{ text: monthName(m.month), csv: m.month }, m.submitted, m.decided]));
  }

  function h(value) { return value == null ? '' : hours.format(value); }

  function renderStages(data, capabilityName) {
    const sides = data.sides;
    const measured = sides.filter((s) => s.count > 0);
    const byName = (key) => sides.find((s) => s.side === key);
    const marketing = byName('MARKETING');
    const it = byName('IT');
    const breaches = data.stages.reduce((n, s) => n + s.slaBreaches, 0);
    text($('stages-summary'), measured.length === 0
      ? `No task was completed in fiscal year ${data.fiscalYear}${capabilityName ? ' for ' + capabilityName : ''}.`
      : `Median time per task: marketing ${marketing.count ? h(marketing.medianHours) + ' h' : 'no task'}, `
        + `IT ${it.count ? h(it.medianHours) + ' h' : 'no task'}. ${plural(breaches, 'task was', 'tasks were')} completed after its SLA.`);
    chart('chart-sides', {
      type: 'bar',
      data: { labels: sides.map((s) => s.name),
        datasets: [
          { label: 'Median (hours)', data: sides.map((s) => s.medianHours), backgroundColor: COLOURS[0] },
          { label: '90th percentile (hours)', data: sides.map((s) => s.p90Hours), backgroundColor: COLOURS[1] }] },
      options: { scales: { y: { beginAtZero: true, title: { display: true, text: 'hours' } } } }
    });
    table('sides', 'Hours per task by side', [{ label: 'Side' }, { label: 'Tasks', num: true }, { label: 'Median (h)', num: true },
      { label: '90th percentile (h)', num: true }, { label: 'SLA breaches', num: true }],
      sides.map((s) => [{ text: s.name, csv: s.side }, s.count, { text: h(s.medianHours), csv: s.medianHours }, { text: h(s.p90Hours), csv: s.p90Hours }, s.slaBreaches]));
    table('stages', 'Hours per task by stage', [{ label: 'Stage' }, { label: 'Side' }, { label: 'Tasks', num: true }, { label: 'Median (h)', num: true },
      { label: '90th percentile (h)', num: true }, { label: 'With an SLA', num: true }, { label: 'SLA breaches', num: true }],
      data.stages.map((s) => [{ text: s.name, csv: s.stage }, s.sideName, s.count, { text: h(s.medianHours), csv: s.medianHours },
        { text: h(s.p90Hours), csv: s.p90Hours }, s.withSla, s.slaBreaches]));
  }

  function renderBudget(data) {
    const lines = data.lines;
    if (!lines.length) {
      text($('budget-summary'), `No budget lines for fiscal year ${data.fiscalYear}.`);
    } else {
      text($('budget-summary'), lines.map((l) => `${LINE_TEXT[l.owner] || l.owner}: ${money(l.available, l.currency)} available of ${money(l.amount, l.currency)}`).join('; ') + '.'
        + (data.savingsAvailable ? '' : ' Savings from negotiation: not yet available.'));
    }
    chart('chart-budget', {
      type: 'bar',
      data: { labels: lines.map((l) => LINE_TEXT[l.owner] || l.owner),
        datasets: [
          { label: 'Committed', data: lines.map((l) => Number(l.committed)), backgroundColor: COLOURS[0] },
          { label: 'Held', data: lines.map((l) => Number(l.held)), backgroundColor: COLOURS[1] },
          { label: 'Available', data: lines.map((l) => Math.max(0, Number(l.available))), backgroundColor: COLOURS[2] }] },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, title: { display: true, text: data.currency } } } }
    });
    table('budget', `Budget lines, fiscal year ${data.fiscalYear}`, [{ label: 'Line' }, { label: 'Amount', num: true }, { label: 'Held', num: true },
      { label: 'Committed', num: true }, { label: 'Available', num: true }, { label: 'Savings', num: true }, { label: 'Currency', csvLabel: 'currency' }],
      lines.map((l) => [{ text: LINE_TEXT[l.owner] || l.owner, csv: l.owner }, { text: money(l.amount, l.currency), csv: l.amount },
        { text: money(l.held, l.currency), csv: l.held }, { text: money(l.committed, l.currency), csv: l.committed },
        { text: money(l.available, l.currency), csv: l.available },
        data.savingsAvailable ? { text: money(l.savings, l.currency), csv: l.savings } : { text: 'not yet available', csv: '' }, l.currency]));
  }

  function renderShadow(data) {
    const months = [];
    data.foundPerMonth.forEach((f) => { if (!months.includes(f.month)) months.push(f.month); });
    const statuses = Object.keys(FINDING_TEXT);
    const total = data.byStatus.reduce((n, s) => n + s.count, 0);
    text($('shadow-summary'), `${plural(total, 'tool', 'tools')} found in use without a request in fiscal year ${data.fiscalYear}; `
      + `${plural(data.open, 'finding is', 'findings are')} still open.`);
    chart('chart-findings', {
      type: 'bar',
      data: { labels: months.map(monthName),
        datasets: statuses.map((s, i) => ({ label: FINDING_TEXT[s], backgroundColor: COLOURS[i],
          data: months.map((m) => (data.foundPerMonth.find((f) => f.month === m && f.status === s) || { count: 0 }).count) }))
          .filter((d) => d.data.some((n) => n > 0)) },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
    });
    table('findings', 'Findings per month and outcome', [{ label: 'Month' }, { label: 'Outcome' }, { label: 'Findings', num: true }],
      data.foundPerMonth.map((f) => [{ text: monthName(f.month), csv: f.month }, { text: FINDING_TEXT[f.status] || f.status, csv: f.status }, f.count]));
    chart('chart-ages', {
      type: 'bar',
      data: { labels: data.openByAge.map((a) => a.label), datasets: [{ label: 'Open findings', data: data.openByAge.map((a) => a.count), backgroundColor: COLOURS[3] }] },
      options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
    table('ages', 'Open findings by age', [{ label: 'Open for' }, { label: 'Findings', num: true }],
      data.openByAge.map((a) => [{ text: a.label, csv: a.band }, a.count]));
  }

  function renderRenewals(data) {
    const box = document.querySelector('[data-table="renewals"]');
    box.replaceChildren();
    if (!data.available) {
      text($('renewals-summary'), '');
      const p = document.createElement('p');
      p.className = 'not-yet';
      p.textContent = 'Not yet available: Tandem does not track contract renewals yet. Renewals due and tools renewed without review will appear here.';
      box.appendChild(p);
      return;
    }
    text($('renewals-summary'), `${plural(data.due.length, 'contract reaches its', 'contracts reach their')} notice date within 120 days; `
      + `${plural(data.renewedWithoutReview, 'tool was', 'tools were')} renewed without review in fiscal year ${data.fiscalYear}.`);
    table('renewals', 'Renewals due', [{ label: 'Tool' }, { label: 'Vendor' }, { label: 'Notice date' }, { label: 'Contract ends' },
      { label: 'Annual cost', num: true }, { label: 'Under review' }],
      data.due.map((r) => [r.toolName, r.vendor, { text: day(r.noticeDate), csv: r.noticeDate }, { text: day(r.contractEnd), csv: r.contractEnd },
        { text: money(r.annualCost, r.currency), csv: r.annualCost }, r.underReview ? 'yes' : 'no']));
  }

  function renderStack(data) {
    const caps = data.capabilities;
    const gaps = caps.filter((c) => c.gap).map((c) => c.name);
    text($('stack-summary'), `${plural(data.gaps, 'capability has', 'capabilities have')} no tool`
      + (gaps.length ? ` (${gaps.slice(0, 5).join(', ')}${gaps.length > 5 ? ', …' : ''})` : '')
      + `; ${plural(data.overlaps, 'capability is', 'capabilities are')} covered by two tools or more, at ${money(data.overlapAnnualCost, data.currency)} a year together: candidates to consolidate.`);
    chart('chart-stack', {
      type: 'bar',
      data: { labels: caps.map((c) => c.name),
        datasets: [{ label: 'Active tools', data: caps.map((c) => c.tools.length),
          backgroundColor: caps.map((c) => (c.gap ? '#b3261e' : c.overlap ? '#E69F00' : '#0072B2')) }] },
      options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
    table('stack', 'Capabilities and the tools we own', [{ label: 'Capability' }, { label: 'Tools' }, { label: 'Situation' },
      { label: 'Annual cost', num: true }],
      caps.map((c) => [{ text: c.name, csv: c.code }, c.tools.map((t) => t.name).join(', ') || '—',
        c.gap ? 'gap: no tool' : c.overlap ? `overlap: ${c.tools.length} tools` : 'one tool',
        { text: money(c.totalAnnualCost, data.currency), csv: c.totalAnnualCost }]),
      (i) => (caps[i].gap ? 'is-gap' : caps[i].overlap ? 'is-overlap' : ''));
  }

  /* ---------- the list of all requests ---------- */

  async function search(event) {
    if (event) { event.preventDefault(); page = 0; }
    const q = $('search-q').value.trim();
    const status = $('search-status').value;
    const answer = await api(`/api/insights/requests/search?page=${page}&size=25` + (q ? `&q=${encodeURIComponent(q)}` : '') + (status ? `&status=${status}` : ''));
    if (!answer.ok) {
      text($('list-summary'), window.Tandem.problemText(answer, 'Tandem could not search the requests.'));
      return;
    }
    const d = answer.data;
    pages = d.totalPages;
    text($('list-summary'), d.totalItems === 0 ? 'No request matches.'
      : `${plural(d.totalItems, 'request', 'requests')}; page ${d.page + 1} of ${d.totalPages}, newest first.`);
    table('list', 'Requests', [{ label: 'Request' }, { label: 'Tool' }, { label: 'Vendor' }, { label: 'Requester' }, { label: 'Status' },
      { label: 'First-year cost', num: true }, { label: 'Submitted' }],
      d.items.map((r) => [{ text: r.id, href: `/intake?request=${encodeURIComponent(r.id)}` }, r.toolName, r.vendor,
        { text: r.requesterName || r.requester, csv: r.requester },
        { text: STATUS_TEXT[r.status] || r.status, csv: r.status },
        { text: money(Number(r.annualLicenseCost) + Number(r.implementationCost), r.currency), csv: (Number(r.annualLicenseCost) + Number(r.implementationCost)).toFixed(2) },
        { text: day(r.submittedAt), csv: r.submittedAt }]));
    $('list-previous').disabled = page <= 0;
    $('list-next').disabled = page + 1 >= pages;
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('filters').addEventListener('submit', loadAll);
    $('fiscal-year').addEventListener('change', () => loadAll());
    $('capability').addEventListener('change', () => loadAll());
    $('search').addEventListener('submit', search);
    $('list-previous').addEventListener('click', () => { if (page > 0) { page--; search(); } });
    $('list-next').addEventListener('click', () => { if (page + 1 < pages) { page++; search(); } });
    window.Tandem.start({
      onSignedIn: signedInAs,
      onSignedOut: signedOut,
      mayOpen: (me) => me.may.readInsights === true,
      refusal: 'Insights are open to marketing leadership, IT leadership, the board and administrators. '
        + 'Ask the Tandem administrators for access if you need it.'
    });
  });
}());
