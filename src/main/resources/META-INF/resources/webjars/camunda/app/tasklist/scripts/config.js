// Ratsweg: overrides the config.js of Camunda Tasklist (see README, "Design notes").
// German is the default language; a browser that asks for English gets English.
export default {
  app: {
    vendor: 'Ratsweg'
  },
  locales: {
    availableLocales: ['de', 'en'],
    fallbackLocale: 'de'
  },
  // One script per concern (each explains itself at its top).
  customScripts: [
    // <html lang> is the language shown (shared by all webapps)
    '../welcome/scripts/ratsweg-language.js',
    // names for icon buttons and links, roles ARIA asks for (shared by all webapps)
    '../welcome/scripts/ratsweg-accessibility.js',
    // German labels where Camunda's German translation stays English (shared by all webapps)
    '../welcome/scripts/ratsweg-labels-de.js',
    // single sign-on on the login page and for "Abmelden", where configured
    '../welcome/scripts/ratsweg-sign-in.js',
    // German texts for Camunda Forms (form-js brings only English ones)
    'scripts/ratsweg-forms-de.js',
    // the forms' date picker in German; a hint when a past date is dropped
    'scripts/ratsweg-datepicker-de.js',
    // amounts and dates in form texts written the German way
    'scripts/ratsweg-form-text-format.js',
    // municipality and group names instead of ids
    'scripts/ratsweg-names.js',
    // the project number after "Prozess starten"
    'scripts/ratsweg-project-number.js',
    // a field hidden by its condition no longer blocks "Abschließen"
    'scripts/ratsweg-hidden-field-errors.js',
    // forms for keyboard and screen reader: groups, errors read out, why "Abschließen" waits
    'scripts/ratsweg-form-accessibility.js'
  ],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'Ausgewählte Aufgabe übernehmen'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'Zum ersten Filter springen'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'Zur ersten Aufgabe der Liste springen'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'Zum ersten Feld des Aufgabenformulars springen'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'Dialog "Prozess starten" öffnen'
    }
  }
};
