// Ratsweg: the project number after "Prozess starten".
// Every "Smart-City-Vorhaben" gets its number (the business key, e.g. "SOEST-2026-0007") when it
// starts; Tasklist only says "Der Prozess wurde gestartet." This module, loaded through config.js
// "customScripts", reads the number from the engine's answer to the start (the process instance:
// id, definitionId, businessKey, ...) and shows it as a notice of Tasklist's own, which stays
// until it is closed: "Vorhaben SOEST-2026-0007 angelegt".
const PROCESS_KEY = 'SmartCityProjectProcess';
const START = /\/process-definition\/[^/]+(\/tenant-id\/[^/]+)?\/(submit-form|start)$/;

function notify(projectNumber) {
  const injector = window.angular && window.angular.element(document.documentElement).injector();
  if (!injector) {
    return;
  }
  // Tasklist closes its start dialog after the answer and then gives its own notice; this one
  // follows once the dialog is gone, not into the dialog's own notice area.
  const waitForDialog = setInterval(() => {
    if (document.querySelector('.modal')) {
      return;
    }
    clearInterval(waitForDialog);
    injector.get('$rootScope').$applyAsync(() => injector.get('Notifications').addMessage({
      status: `Vorhaben ${projectNumber} angelegt` // Tasklist escapes it: shown as text
    }));
  }, 100);
  setTimeout(() => clearInterval(waitForDialog), 10000);
}

function started(request) {
  if (request.status !== 200) {
    return;
  }
  let instance;
  try {
    instance = request.responseType === 'json' ? request.response : JSON.parse(request.responseText);
  } catch (e) {
    return;
  }
  if (instance && instance.businessKey && String(instance.definitionId).startsWith(`${PROCESS_KEY}:`)) {
    notify(instance.businessKey);
  }
}

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  if (String(method).toUpperCase() === 'POST' && START.test(String(url).split('?')[0])) {
    this.addEventListener('load', () => started(this));
  }
  return open.call(this, method, url, ...rest);
};
