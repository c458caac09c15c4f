// Ratsweg: municipalities and groups by name in Tasklist.
// Tasklist writes a task's tenant id beside its title ("menden") and lists a task's groups by id
// in "Gruppen verwalten" ("kaemmerei"). This module, loaded through config.js "customScripts",
// puts the names in their place ("Stadt Menden (Sauerland)", "Kämmerei"). The names come from
// the engine, as the logged-in user may read them: their own municipality and groups (all of
// them for administrators); an id whose name the user may not read stays as it is.
const TENANT = '.task-card .tenant-id';
const GROUP_IN_DIALOG = '.groups-modal .values .value';

const api = `${document.querySelector('base').getAttribute('app-root')}/api/engine/engine/default`;

// id -> name, per kind; loaded once per login (the first time a name is needed)
const names = { tenant: null, group: null };
let loading = null;

function load() {
  if (!loading) {
    const read = (path) => fetch(`${api}/${path}?maxResults=200`, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' }
    }).then((response) => (response.ok ? response.json() : []));
    loading = Promise.all([read('tenant'), read('group')]).then(([tenants, groups]) => {
      names.tenant = new Map(tenants.map((tenant) => [tenant.id, tenant.name]));
      names.group = new Map(groups.map((group) => [group.id, group.name]));
    }).catch(() => {
      loading = null;
    });
  }
  return loading;
}

// Replaces a text that is exactly a known id. The text node itself is changed, not replaced:
// AngularJS keeps writing the next task's id into the same node.
function rename(element, kind) {
  element.childNodes.forEach((node) => {
    const id = node.nodeType === Node.TEXT_NODE ? node.nodeValue.trim() : '';
    const name = id && names[kind] && names[kind].get(id);
    if (name && name !== id) {
      node.nodeValue = name;
    }
  });
}

function renameAll() {
  const elements = [
    ...[...document.querySelectorAll(TENANT)].map((element) => [element, 'tenant']),
    ...[...document.querySelectorAll(GROUP_IN_DIALOG)].map((element) => [element, 'group'])
  ];
  if (!elements.length) {
    return;
  }
  load().then(() => elements.forEach(([element, kind]) => rename(element, kind)));
}

// Names are the user's: a new login may see others.
window.addEventListener('hashchange', () => {
  if (/#\/login/.test(window.location.hash)) {
    loading = null;
  }
});

new MutationObserver(renameAll).observe(document.body, { childList: true, subtree: true, characterData: true });
