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
  // German texts for Camunda Forms (form-js brings only English ones).
  customScripts: ['scripts/ratsweg-forms-de.js'],
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
