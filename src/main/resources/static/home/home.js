/*
 * Tandem home: the shared sign-in (common/tandem.js), then the places that are this person's, as
 * GET /api/me's may allows them: requesting a tool and following their requests (marketing), their
 * reviews in Tasklist (the reviewing groups), insights (leadership, board), discovery (IT) and
 * Cockpit (administrators).
 */
(function () {
  'use strict';

  const { $, show } = window.Tandem;

  function render(me) {
    const list = $('tiles');
    list.replaceChildren();
    for (const tile of window.Tandem.destinations(me)) {
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
  }

  document.addEventListener('DOMContentLoaded', () => {
    window.Tandem.start({
      onSignedIn(me) {
        render(me);
        show($('destinations'), true);
        const first = document.querySelector('#tiles a');
        if (first) first.focus();
      },
      onSignedOut() {
        $('tiles').replaceChildren();
        show($('destinations'), false);
      }
    });
  });
})();
