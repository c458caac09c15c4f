// Ratsweg: Camunda Forms (form-js) in Tasklist for the keyboard and the screen reader
// (WCAG 1.3.1, 2.1.1, 3.3.1, 4.1.2, 4.1.3; docs/accessibility.md):
// - a group of radio buttons or checkboxes is a group named by its label;
// - a field's aria-describedby names only what is on the page (form-js names its description
//   and error message before they exist, which leaves the reference empty);
// - a new error message is read out, with the field it belongs to;
// - while "Abschließen" cannot be pressed, a button before it says why ("Noch auszufüllen:
//   Stellungnahme") and leads to the first such field;
// - after "Abschließen", focus moves to the next task of the list (or the list) and the
//   completion is read out, instead of falling to the page;
// - Ctrl+Alt+F ("Zum ersten Feld des Aufgabenformulars") reaches Camunda Forms too: Tasklist's
//   own shortcut knows only embedded HTML forms.
// form-js renders its form anew at any time, so everything is applied again after every change
// to the page (ratsweg-page-changes.js).

import { afterEveryChange } from '../../welcome/scripts/ratsweg-page-changes.js';

const FORM = '.fjs-container';
const COMPLETE = 'button[ng-click="complete()"]';
const FIELD = 'input:not([type="hidden"]), textarea, select';

const english = () => document.documentElement.getAttribute('lang') === 'en';
const say = (german, inEnglish) => (english() ? inEnglish : german);

// one live region for everything this script reads out
const announcer = document.createElement('div');
announcer.className = 'ratsweg-visually-hidden';
announcer.setAttribute('role', 'status');
announcer.setAttribute('aria-live', 'polite');
announcer.id = 'ratsweg-announcer';
document.body.appendChild(announcer);

function announce(text) {
  announcer.textContent = '';
  // a new text in a cleared region is read even when it repeats the last one
  setTimeout(() => {
    announcer.textContent = text;
  }, 100);
}

function labelOf(field) {
  const label = field.querySelector('.fjs-form-field-label');
  return label ? label.textContent.replace('*', '').trim() : '';
}

let groupNumber = 0;

function nameGroups(form) {
  form.querySelectorAll('.fjs-form-field-radio, .fjs-form-field-checklist').forEach((field) => {
    const label = field.querySelector('.fjs-form-field-label:not([for])');
    if (!label) {
      return;
    }
    if (!label.id) {
      groupNumber += 1;
      label.id = `ratsweg-group-label-${groupNumber}`;
    }
    field.setAttribute('role', field.classList.contains('fjs-form-field-radio') ? 'radiogroup' : 'group');
    field.setAttribute('aria-labelledby', label.id);
    if (field.querySelector('input[required]')) {
      field.setAttribute('aria-required', 'true');
    }
  });
}

function describeOnlyWhatExists(form) {
  form.querySelectorAll('[aria-describedby], [data-ratsweg-describedby]').forEach((element) => {
    if (!element.hasAttribute('data-ratsweg-describedby')) {
      element.setAttribute('data-ratsweg-describedby', element.getAttribute('aria-describedby'));
    }
    const present = element.getAttribute('data-ratsweg-describedby')
      .split(/\s+/)
      .filter((id) => id && document.getElementById(id))
      .join(' ');
    if (present && element.getAttribute('aria-describedby') !== present) {
      element.setAttribute('aria-describedby', present);
    }
    else if (!present && element.hasAttribute('aria-describedby')) {
      element.removeAttribute('aria-describedby');
    }
  });
}

const announcedErrors = new WeakMap();

function announceNewErrors(form) {
  const errors = [];
  form.querySelectorAll('.fjs-form-field-error').forEach((error) => {
    const text = error.textContent.trim();
    if (text && announcedErrors.get(error) !== text) {
      announcedErrors.set(error, text);
      const field = error.closest('.fjs-form-field');
      errors.push(field && labelOf(field) ? `${labelOf(field)}: ${text}` : text);
    }
  });
  if (errors.length) {
    announce(errors.join('. '));
  }
}

function isEmpty(field) {
  const inputs = [...field.querySelectorAll(FIELD)];
  if (inputs.some((input) => input.type === 'radio' || input.type === 'checkbox')) {
    return !inputs.some((input) => input.checked);
  }
  return inputs.every((input) => !String(input.value || '').trim());
}

// the fields that keep "Abschließen" disabled: required and empty, or refused by a rule
function blockingFields(form) {
  const fields = [...form.querySelectorAll('.fjs-form-field')];
  const missing = fields.filter((field) => field.querySelector('input[required], textarea[required], select[required]')
    && isEmpty(field));
  const invalid = fields.filter((field) => field.querySelector('[aria-invalid="true"]'));
  return { missing, invalid };
}

function explainDisabledComplete(form) {
  const complete = document.querySelector(COMPLETE);
  let hint = document.getElementById('ratsweg-complete-hint');
  if (!complete || !complete.disabled) {
    if (hint) {
      hint.remove();
      if (complete) {
        complete.removeAttribute('aria-describedby');
      }
    }
    return;
  }
  const { missing, invalid } = blockingFields(form);
  const target = missing[0] || invalid[0];
  const names = (fields) => fields.map(labelOf).join(', ');
  let text = say('Abschließen ist möglich, sobald alle Pflichtfelder ausgefüllt sind.',
    'Complete is possible once every required field is filled in.');
  if (missing.length) {
    text = say(`Abschließen erst nach allen Pflichtfeldern. Noch auszufüllen: ${names(missing)}`,
      `Complete needs every required field. Still to fill in: ${names(missing)}`);
  }
  else if (invalid.length) {
    text = say(`Abschließen erst, wenn alle Angaben gültig sind. Bitte prüfen: ${names(invalid)}`,
      `Complete needs valid entries. Please check: ${names(invalid)}`);
  }
  if (!hint) {
    hint = document.createElement('button');
    hint.type = 'button';
    hint.id = 'ratsweg-complete-hint';
    hint.className = 'btn btn-link ratsweg-complete-hint';
    hint.addEventListener('click', (event) => {
      event.preventDefault();
      event.stopPropagation();
      const { missing: stillMissing, invalid: stillInvalid } = blockingFields(document.querySelector(FORM));
      const field = stillMissing[0] || stillInvalid[0];
      const input = field && field.querySelector(FIELD);
      if (input) {
        input.focus();
      }
    });
    complete.parentNode.insertBefore(hint, complete);
  }
  if (hint.textContent !== text) {
    hint.textContent = text;
  }
  hint.disabled = !target;
  complete.setAttribute('aria-describedby', hint.id);
}

// After "Abschließen": Tasklist leaves the task and focus on a button that is gone.
let completing = null;

function taskIdInAddress() {
  const match = /[?&]task=([^&]+)/.exec(window.location.hash) || /[?&]task=([^&]+)/.exec(window.location.search);
  return match ? match[1] : null;
}

function startedCompleting() {
  const title = document.querySelector('.task-details h2, [cam-tasklist-task] h2');
  completing = {
    task: taskIdInAddress(),
    name: title ? title.textContent.trim() : '',
    until: Date.now() + 15000
  };
}

function focusAfterCompleting() {
  if (!completing) {
    return;
  }
  if (Date.now() > completing.until) {
    completing = null;
    return;
  }
  const gone = taskIdInAddress() !== completing.task
    && !document.querySelector(`.tasks-list a[href*="task=${completing.task}"]`);
  if (!gone) {
    return;
  }
  const { name } = completing;
  completing = null;
  const next = document.querySelector('.tasks-list a[href*="task="]');
  const list = document.querySelector('.tasks-list') || document.querySelector('[cam-tasks]');
  if (next) {
    next.focus();
  }
  else if (list) {
    list.setAttribute('tabindex', '-1');
    list.focus();
  }
  announce(say(`Aufgabe abgeschlossen: ${name}.`, `Task completed: ${name}.`)
    + (next ? say(' Nächste Aufgabe ausgewählt.', ' Next task selected.') : say(' Keine weitere Aufgabe in diesem Filter.', ' No further task in this filter.')));
}

function firstFieldToFill(form) {
  const fields = [...form.querySelectorAll(FIELD)].filter((input) => !input.matches(':disabled'));
  return fields.find((input) => !input.readOnly) || fields[0];
}

document.addEventListener('click', (event) => {
  const button = event.target.closest && event.target.closest(COMPLETE);
  if (button && !button.disabled && document.querySelector(FORM)) {
    startedCompleting();
  }
}, true);

document.addEventListener('keydown', (event) => {
  if (event.ctrlKey && event.altKey && !event.shiftKey && (event.code === 'KeyF' || event.key === 'f')) {
    const form = document.querySelector(FORM);
    if (!form) {
      return; // an embedded form: Tasklist's shortcut
    }
    const field = firstFieldToFill(form);
    if (field) {
      event.preventDefault();
      field.focus();
    }
  }
}, true);

function fix() {
  const form = document.querySelector(FORM);
  if (form) {
    nameGroups(form);
    describeOnlyWhatExists(form);
    announceNewErrors(form);
    explainDisabledComplete(form);
  }
  focusAfterCompleting();
}

afterEveryChange(fix, document.body, {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['disabled', 'aria-invalid', 'checked']
}, [[document, 'input'], [document, 'change'], [window, 'hashchange']]);
