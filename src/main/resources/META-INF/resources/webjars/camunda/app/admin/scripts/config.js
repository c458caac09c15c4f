// Ratsweg: overrides the config.js of this Camunda webapp (see README, "Design notes").
// German is the default language; a browser that asks for English gets English.
export default {
  app: {
    vendor: 'Ratsweg'
  },
  locales: {
    availableLocales: ['de', 'en'],
    fallbackLocale: 'de'
  },
  // German labels where Camunda's German translation says "Camunda" or stays English (one
  // script for all webapps, kept with the welcome page's).
  customScripts: [
    '../welcome/scripts/ratsweg-language.js',
    // names for icon buttons and links, roles ARIA asks for (shared by all webapps)
    '../welcome/scripts/ratsweg-accessibility.js',
    '../welcome/scripts/ratsweg-labels-de.js',
    '../welcome/scripts/ratsweg-sign-in.js'
  ]
};
