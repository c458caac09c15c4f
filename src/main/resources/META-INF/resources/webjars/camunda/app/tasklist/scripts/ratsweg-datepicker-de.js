// Ratsweg: the date picker of Camunda Forms in German.
// form-js (the form renderer of Tasklist 7.24) opens flatpickr without a locale, so the calendar
// shows English month and day names and starts the week on Sunday; its placeholder follows the
// browser's date format in English letters ("dd.mm.yyyy"). This module, loaded through config.js
// "customScripts" before any form is shown, makes German the default of the flatpickr that
// form-js uses (the same copy sets window.flatpickr) and writes the placeholder with German
// letters ("TT.MM.JJJJ"), unless the browser asks for English.
//
// It also explains a date that disappears: in a field with "disallowPassedDates" flatpickr drops
// a typed or pasted date before today without a word. The field then gets a hint beside it.
const PAST_DATE_REMOVED = 'Das Datum liegt in der Vergangenheit und wurde entfernt.';

const GERMAN = {
  weekdays: {
    shorthand: ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'],
    longhand: ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag']
  },
  months: {
    shorthand: ['Jan', 'Feb', 'Mär', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'],
    longhand: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September',
      'Oktober', 'November', 'Dezember']
  },
  firstDayOfWeek: 1,
  weekAbbreviation: 'KW',
  rangeSeparator: ' bis ',
  scrollTitle: 'Zum Ändern scrollen',
  toggleTitle: 'Zum Umschalten klicken',
  yearAriaLabel: 'Jahr',
  monthAriaLabel: 'Monat',
  hourAriaLabel: 'Stunde',
  minuteAriaLabel: 'Minute',
  time_24hr: true
};

const DATE_INPUT = '.fjs-container .fjs-datepicker input';

// "dd.mm.yyyy" -> "TT.MM.JJJJ" (Tag, Monat, Jahr)
function germanPlaceholder(input) {
  const placeholder = input.getAttribute('placeholder');
  if (placeholder && /^[dmy]+\W[dmy]+\W[dmy]+$/.test(placeholder)) {
    input.setAttribute('placeholder',
      placeholder.replace(/d/g, 'T').replace(/m/g, 'M').replace(/y/g, 'J'));
  }
}

function hintOf(input) {
  const field = input.closest('.fjs-form-field');
  return field && field.querySelector('.ratsweg-date-hint');
}

function showHint(input) {
  const field = input.closest('.fjs-form-field');
  if (!field || hintOf(input)) {
    return;
  }
  const hint = document.createElement('div');
  hint.className = 'ratsweg-date-hint';
  hint.setAttribute('role', 'status');
  hint.textContent = PAST_DATE_REMOVED;
  field.appendChild(hint);
}

function removeHint(input) {
  const hint = hintOf(input);
  if (hint) {
    hint.remove();
  }
}

// What the user typed or pasted last, per date input, until flatpickr has read it.
const typed = new WeakMap();

// After flatpickr has read the input (on blur or Enter): was a date before today dropped?
function checkDropped(input) {
  const text = typed.get(input);
  const picker = input._flatpickr;
  if (text === undefined || !picker) {
    return;
  }
  setTimeout(() => {
    if (input.value) {
      removeHint(input);
      typed.delete(input);
      return;
    }
    const day = picker.parseDate(text.trim(), picker.config.dateFormat);
    const today = new Date();
    today.setHours(0, 0, 0, 0);
    if (day && picker.config.minDate && day < today) {
      showHint(input);
    }
    typed.delete(input);
  }, 0);
}

if (!/^en\b/i.test(navigator.language || '') && window.flatpickr) {
  window.flatpickr.localize(GERMAN);
  window.flatpickr.setDefaults({ ariaDateFormat: 'j. F Y' });

  // A date in the field (typed or picked) ends the hint. What the field holds is kept for the
  // check, except the emptying that flatpickr itself announces as "input" when the field has
  // lost the focus (a user who empties the field does so in the focused field).
  document.addEventListener('input', (event) => {
    const input = event.target;
    if (input.matches && input.matches(DATE_INPUT)) {
      if (input.value) {
        removeHint(input);
      }
      if (input.value || document.activeElement === input) {
        typed.set(input, input.value);
      }
    }
  }, true);
  document.addEventListener('focusout', (event) => {
    if (event.target.matches && event.target.matches(DATE_INPUT)) {
      checkDropped(event.target);
    }
  }, true);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target.matches && event.target.matches(DATE_INPUT)) {
      checkDropped(event.target);
    }
  }, true);

  new MutationObserver(() => {
    document.querySelectorAll(DATE_INPUT).forEach(germanPlaceholder);
  }).observe(document.body, { childList: true, subtree: true });
}
