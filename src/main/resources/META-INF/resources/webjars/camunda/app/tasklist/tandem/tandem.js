/*
 * Loaded by Tasklist (config.js, customScripts). Marks the page when the signed-in user is an
 * administrator, the only ones "Create task" is shown to (user-styles.css hides it otherwise), and
 * adds a link back to Tandem's home page to the header. Tasklist signs people in without reloading
 * the page, so the check runs whenever its header is drawn again.
 *
 * It also keeps Esc inside a Camunda Form from closing the "Start process" dialog: Esc closes an
 * open dropdown (the capabilities of the intake form), and Tasklist's dialog would take the same
 * key press as "dismiss" and throw the whole filled form away. The dialog's own handler skips a
 * key press whose default was prevented; the Close button still closes it.
 */
const appRoot = document.querySelector('base').getAttribute('app-root') || '/camunda';
let checkedFor = null;

async function markAdministrators() {
  const auth = await fetch(`${appRoot}/api/admin/auth/user/default`, { credentials: 'same-origin' });
  if (!auth.ok) {
    checkedFor = null;
    document.documentElement.classList.remove('tandem-may-create-task');
    return;
  }
  const user = (await auth.json()).userId;
  if (user === checkedFor) return;
  checkedFor = user;
  const answer = await fetch(
    `${appRoot}/api/engine/engine/default/group?member=${encodeURIComponent(user)}`,
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const groups = answer.ok ? await answer.json() : [];
  const admin = groups.some((g) => g.id === 'camunda-admin');
  document.documentElement.classList.toggle('tandem-may-create-task', admin);
}

function addHomeLink() {
  const nav = document.querySelector('[cam-widget-header] nav.app-menu > ul');
  if (!nav || nav.querySelector('.tandem-home')) return;
  const li = document.createElement('li');
  li.className = 'tandem-home';
  const a = document.createElement('a');
  a.href = '/';
  a.textContent = 'Tandem home';
  li.append(a);
  nav.prepend(li);
}

document.body.addEventListener('keydown', (event) => {
  if ((event.key === 'Escape' || event.keyCode === 27) && event.target.closest
      && event.target.closest('.modal .fjs-container')) {
    event.preventDefault();
  }
});

new MutationObserver(() => {
  if (document.querySelector('li.create-task-action') && checkedFor === null) {
    checkedFor = '';  // one check at a time
    markAdministrators().catch(() => { checkedFor = null; });
  }
  if (!document.querySelector('li.create-task-action')) checkedFor = null;
  addHomeLink();
}).observe(document.body, { childList: true, subtree: true });

export default [];
