/*
 * Tandem home: signs the person in (HTTP Basic, kept in this page's memory only), asks GET /api/me
 * who they are and what their role allows, and offers the places that are theirs: requesting a
 * tool and following their requests (marketing), their reviews in Tasklist (the reviewing groups),
 * insights (leadership, board), discovery (IT) and Cockpit (administrators).
 */
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const LEADERSHIP = ['marketing-leadership', 'it-leadership', 'board', 'camunda-admin'];
  const REVIEWERS = ['marketing-leadership', 'it-leadership', 'privacy-legal', 'board', 'it-operations'];
  const GROUP_NAMES = {
    marketing: 'Marketing', 'marketing-leadership': 'Marketing leadership', 'it-leadership': 'IT leadership',
    'privacy-legal': 'Privacy and legal', board: 'Board', 'it-operations': 'IT operations',
    'camunda-admin': 'Administrators'
  };

  /** Where each person may go, in the order they most likely want it. */
  function destinations(me) {
    const groups = me.groups || [];
    const any = (list) => list.some((g) => groups.includes(g));
    const admin = groups.includes('camunda-admin');
    const tiles = [];
    if (me.may && me.may.submitRequests) {
      tiles.push({ id: 'go-request', href: '/intake', title: 'Request a tool',
        text: 'Describe the martech tool you need; marketing and IT decide together.' });
      tiles.push({ id: 'go-my-requests', href: '/intake#mine', title: 'My requests',
        text: 'Where each of your requests stands, who it waits for, and withdraw one.' });
    }
    if (any(REVIEWERS) || admin) {
      tiles.push({ id: 'go-reviews', href: '/camunda/app/tasklist/', title: 'My reviews and tasks',
        text: 'The reviews, proposals and onboardings waiting for your group, in Tasklist.' });
    } else if (groups.includes('marketing')) {
      tiles.push({ id: 'go-tasks', href: '/camunda/app/tasklist/', title: 'Questions for me',
        text: 'Answer the questions put to you about your requests, in Tasklist.' });
    }
    if (any(LEADERSHIP)) {
      tiles.push({ id: 'go-insights', href: '/insights', title: 'Insights',
        text: 'Requests by status, time in each stage, spend against budget, renewals and the stack map.' });
    }
    if (me.may && me.may.readDiscoveries) {
      tiles.push({ id: 'go-discovery', href: '/discovery', title: 'Find tools in use',
        text: 'Upload single sign-on or expense exports and review the shadow IT found.' });
    }
    if (admin) {
      tiles.push({ id: 'go-cockpit', href: '/camunda/app/cockpit/', title: 'Cockpit', admin: true,
        text: 'Running processes, incidents and history.' });
      tiles.push({ id: 'go-admin', href: '/camunda/app/admin/', title: 'Users, groups and authorizations',
        admin: true, text: 'Camunda Admin.' });
    }
    return tiles;
  }

  function render(me) {
    const list = $('tiles');
    list.replaceChildren();
    for (const tile of destinations(me)) {
      const li = document.createElement('li');
      if (tile.admin) li.className = 'admin';
      const a = document.createElement('a');
      a.id = tile.id;
      a.href = tile.href;
      const strong = document.createElement('strong');
      strong.textContent = tile.title;
      const span = document.createElement('span');
      span.textContent = tile.text;
      a.append(strong, span);
      li.append(a);
      list.append(li);
    }
    if (!list.children.length) {
      const li = document.createElement('li');
      li.className = 'hint';
      li.textContent = 'Your user is in no Tandem group yet. Ask an administrator to add you to yours.';
      list.append(li);
    }
    const names = (me.groups || []).map((g) => GROUP_NAMES[g] || g);
    $('signed-in-user').textContent = me.name || me.userId;
    $('signed-in-groups').textContent = names.length ? `(${names.join(', ')})` : '';
  }

  async function signIn(event) {
    event.preventDefault();
    const user = $('username').value.trim();
    const password = $('password').value;
    const error = $('signin-error');
    error.hidden = true;
    if (!user || !password) {
      error.textContent = 'Enter your user name and password.';
      error.hidden = false;
      return;
    }
    $('signin-button').disabled = true;
    try {
      const response = await fetch('/api/me', {
        headers: { Accept: 'application/json', Authorization: 'Basic ' + btoa(unescape(encodeURIComponent(user + ':' + password))) },
        credentials: 'omit', cache: 'no-store'
      });
      const data = await response.json().catch(() => ({}));
      if (!response.ok) {
        error.textContent = response.status === 401
          ? (data.detail || 'The user name or password is wrong. Try again.')
          : (data.detail || `Tandem could not sign you in (HTTP ${response.status}).`);
        error.hidden = false;
        $('password').select();
        return;
      }
      $('password').value = '';
      render(data);
      $('signin-form').hidden = true;
      $('signin-help').hidden = true;
      $('signed-in').hidden = false;
      $('destinations').hidden = false;
      const first = document.querySelector('#tiles a');
      if (first) first.focus();
    } catch (e) {
      error.textContent = 'Tandem cannot be reached. Check your connection and try again.';
      error.hidden = false;
    } finally {
      $('signin-button').disabled = false;
    }
  }

  function signOut() {
    $('tiles').replaceChildren();
    $('destinations').hidden = true;
    $('signed-in').hidden = true;
    $('signin-form').hidden = false;
    $('signin-help').hidden = false;
    $('username').focus();
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('signin-form').addEventListener('submit', signIn);
    $('signout-button').addEventListener('click', signOut);
    $('username').focus();
  });
})();
