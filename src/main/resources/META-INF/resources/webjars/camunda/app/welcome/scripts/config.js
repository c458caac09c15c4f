// Ratsweg: overrides the config.js of this Camunda webapp (see README, "Design notes").
// German is the default language; a browser that asks for English gets English.
export default {
  // Header and page title "Ratsweg Startseite"; the login page shows Ratsweg's word mark
  // (user-styles.css) over the name of the webapp.
  app: {
    vendor: 'Ratsweg',
    name: 'Startseite'
  },
  locales: {
    availableLocales: ['de', 'en'],
    fallbackLocale: 'de'
  },
  // German labels where Camunda's German translation says "Camunda" or stays English.
  customScripts: [
    'scripts/ratsweg-language.js',
    'scripts/ratsweg-accessibility.js',
    'scripts/ratsweg-labels-de.js',
    'scripts/ratsweg-sign-in.js',
    'scripts/ratsweg-admin-links.js'
  ],
  // Ratsweg's own pages, shown on the welcome page under "Links".
  links: [
    {
      label: 'Vorhaben im Überblick',
      href: '/uebersicht',
      description: 'Wo jedes Vorhaben steht, wie lange seine Phasen dauern, Aktenvermerke'
    },
    {
      label: 'Vertretung bei Abwesenheit',
      href: '/vertretung',
      description: 'Abwesenheit eintragen und bestimmen, wer Ihre Aufgaben in dieser Zeit übernimmt'
    },
    {
      label: 'Prozesse bearbeiten',
      href: '/prozesse',
      description: 'Für die Administration: Abläufe, Entscheidungstabellen und Formulare ändern, prüfen, '
        + 'veröffentlichen und laufende Vorhaben auf die neue Version umstellen'
    },
    {
      label: 'Erklärung zur Barrierefreiheit',
      href: '/barrierefreiheit',
      description: 'Was in Ratsweg barrierefrei ist, was nicht, und wo Sie Barrieren melden'
    }
  ]
};
