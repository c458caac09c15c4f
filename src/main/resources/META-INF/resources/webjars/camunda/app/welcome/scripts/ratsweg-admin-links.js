// Ratsweg: the welcome page's link to "Prozesse bearbeiten" is for administrators (those who may
// open Camunda Admin). Everybody else does not see it; the page itself answers them with 403
// and a German explanation anyway. The links appear after the login, so the user is asked for
// then, and again after logging out and in.
const ADMINISTRATORS_ONLY = 'a[href="/prozesse"]';
let asking = false;

function unchecked() {
  return [...document.querySelectorAll(ADMINISTRATORS_ONLY)].filter((link) => !link.dataset.ratswegChecked);
}

function check() {
  if (asking || unchecked().length === 0) {
    return;
  }
  asking = true;
  fetch('/camunda/api/admin/auth/user/default', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : null))
    .catch(() => null)
    .then((user) => {
      const administrator = Boolean(user && (user.authorizedApps || []).includes('admin'));
      unchecked().forEach((link) => {
        link.dataset.ratswegChecked = 'true';
        (link.closest('.custom-link-wrapper') || link).style.display = administrator ? '' : 'none';
      });
    })
    .finally(() => {
      asking = false;
    });
}

window.addEventListener('hashchange', () => {
  document.querySelectorAll(ADMINISTRATORS_ONLY).forEach((link) => delete link.dataset.ratswegChecked);
  check();
});
new MutationObserver(check).observe(document.documentElement, { childList: true, subtree: true });
check();
