// Ratsweg: a field hidden by its condition no longer blocks "Abschließen".
// form-js keeps the error of a field that was shown when the user first tried to complete
// (e.g. "Begründung" after choosing "Ablehnen"); once another choice hides the field, its
// error stays in the form's state and Tasklist keeps "Abschließen" disabled, although no
// message is visible. This script drops the errors of fields that are not shown after every
// change. form-js offers no public handle on its form: the form instance is found through the
// rendered component tree (Preact) of the form container.
function formOf(container) {
  const seen = new Set();
  const search = (vnode, depth) => {
    if (!vnode || depth > 40 || seen.has(vnode)) {
      return null;
    }
    seen.add(vnode);
    const value = vnode.props && vnode.props.value;
    if (value && typeof value.getService === 'function') {
      return value.getService('form');
    }
    for (const child of vnode.__k || []) {
      const found = search(child, depth + 1);
      if (found) {
        return found;
      }
    }
    return null;
  };
  return search(container.__k, 0);
}

function dropErrorsOfHiddenFields(form) {
  const { errors } = form._getState();
  const shown = new Set(form.get('formFieldInstanceRegistry').getAllKeyed().map((instance) => instance.id));
  const hidden = Object.keys(errors || {}).filter((id) => !shown.has(id));
  if (hidden.length) {
    const kept = { ...errors };
    hidden.forEach((id) => delete kept[id]);
    form._setState({ errors: kept });
  }
}

const watched = new WeakSet();

function watch(container) {
  if (watched.has(container)) {
    return;
  }
  try {
    const form = formOf(container);
    if (!form) {
      return; // not rendered yet
    }
    watched.add(container);
    // a hidden field is unregistered from the form after it has left the page
    form.get('eventBus').on('formFieldInstanceRegistry.changed', (event) => {
      if (event.action === 'removed') {
        setTimeout(() => dropErrorsOfHiddenFields(form), 0);
      }
    });
  } catch (e) {
    watched.add(container); // another form-js version: leave the form as it is
  }
}

new MutationObserver(() => {
  document.querySelectorAll('.fjs-container').forEach(watch);
}).observe(document.body, { childList: true, subtree: true });
