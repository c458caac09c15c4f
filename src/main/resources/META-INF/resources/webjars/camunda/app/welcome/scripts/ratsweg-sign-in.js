// Ratsweg: how users log in. With single sign-on (ratsweg.identity.sso, docs/identity.md) the
// login page sends the browser to the city's provider, or, where the password form stays open
// as well, offers the provider as a button above it; "Abmelden" ends the session at the
// provider too (GET /abmelden). Without single sign-on this script changes nothing. Loaded
// through "customScripts" by the config.js of all four webapps.
const OPTIONS = '/anmeldung/optionen';

// The login page is where the webapps show their login form (#!/login, #/login).
function onLoginPage() {
  return document.querySelector('form[name="signinForm"]') !== null;
}

function offerSingleSignOn(options) {
  const form = document.querySelector('form[name="signinForm"]');
  if (!form || document.getElementById('ratsweg-sso')) {
    return;
  }
  const link = document.createElement('a');
  link.id = 'ratsweg-sso';
  link.className = 'btn btn-primary btn-lg btn-block';
  link.href = options.login;
  link.textContent = 'Mit dem Konto der Stadt anmelden';
  const or = document.createElement('p');
  or.className = 'ratsweg-sso-or';
  or.textContent = 'oder mit Benutzername und Passwort:';
  form.parentNode.insertBefore(link, form);
  form.parentNode.insertBefore(or, form);
}

function follow(options) {
  if (!onLoginPage()) {
    return;
  }
  if (options.passwordLogin) {
    offerSingleSignOn(options);
  } else {
    window.location.replace(options.login);
  }
}

fetch(OPTIONS, { credentials: 'same-origin' })
  .then((response) => (response.ok ? response.json() : {}))
  .catch(() => ({}))
  .then((options) => {
    if (!options.singleSignOn) {
      return;
    }
    // "Abmelden" in the user menu: before AngularJS logs out of the webapps only.
    document.addEventListener(
      'click',
      (event) => {
        const logout = event.target.closest && event.target.closest('li.logout a, [ng-click="logout()"]');
        if (logout) {
          event.preventDefault();
          event.stopImmediatePropagation();
          window.location.assign(options.logout);
        }
      },
      true
    );
    window.addEventListener('hashchange', () => follow(options));
    // AngularJS renders the login form after this script ran.
    new MutationObserver(() => follow(options)).observe(document.documentElement, {
      childList: true,
      subtree: true
    });
    follow(options);
  });
