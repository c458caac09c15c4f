// Ratsweg: German labels in place of the English words and "Camunda" left in the webapps'
// own German translation (locales/de.json, shipped complete with Camunda). Loaded through
// "customScripts" by the config.js of all four webapps (welcome, tasklist, cockpit, admin).
//
// Camunda loads each webapp's locale file through its AngularJS service "localeLoader" and
// imports the custom scripts before it starts AngularJS: a decorator registered here puts the
// labels below over the loaded ones, by key, for German only. Keys not listed keep Camunda's
// translation; keys that a Camunda version no longer has are simply unused.
const FOR_EVERY_APP = {
  // Camunda's text wishes "einen schönen Nacht" at night
  AUTH_LOGOUT_THANKS: 'Vielen Dank für die Nutzung von Ratsweg.'
};

const FOR_APP = {
  tasklist: {
    TASK_VARIABLE: 'Aufgabenvariable',
    // refused input is no "error": the task stays open, the reason follows or is at the field
    COMPLETE_ERROR: 'Die Aufgabe ist noch nicht abgeschlossen.'
  },
  // The dashboard, the navigation and the lists an administrator opens first; Camunda's own
  // terms ("Deployment-ID", "Job") stay in the detail views.
  cockpit: {
    COCKPIT_HUMAN_TASKS: 'Aufgaben',
    COCKPIT_DEPLOYMENTS: 'Bereitstellungen',
    DASHBOARD_DASHBOARD: 'Übersicht',
    DASHBOARD_DEPLOYED: 'Bereitgestellt',
    DASHBOARD_DEPLOYMENTS: 'Bereitstellungen',
    DASHBOARD_OPEN_HUMAN_TASKS: 'Offene Aufgaben',
    REPOSITORY_CONTROLLER_CAM_BREAD_CRUMB: 'Bereitstellungen',
    REPOSITORY_CONTROLLER_CAM_TITLE_SET: 'Bereitstellungen',
    PLUGIN_PROCESS_DEF_KEY: 'Schlüssel',
    PLUGIN_PROCESS_DEF_NO_PROCESS_DEF: 'Keine Prozessdefinitionen bereitgestellt',
    PLUGIN_PROCESS_DEF_PROCESS_DEFINITION_DEPLOYED: 'Prozessdefinition bereitgestellt',
    PLUGIN_PROCESS_DEF_PROCESS_DEFINITIONS_DEPLOYED: 'Prozessdefinitionen bereitgestellt',
    PLUGIN_DECISION_TABLE_NO_DECISION_TABLES_DEPLOYED: 'Keine Entscheidungstabellen bereitgestellt',
    PLUGIN_DECISION_TABLE_TITLE_DEFINITION: '{{count}} Entscheidungsdefinition bereitgestellt',
    PLUGIN_DECISION_TABLE_TITLE_DEFINITIONS: '{{count}} Entscheidungsdefinitionen bereitgestellt',
    TASKS_HUMAN_TASKS: 'Aufgaben',
    PLUGIN_TASK_DASHBOARD_TITLE: 'Aufgaben',
    PLUGIN_TASK_TASKS: 'Aufgaben',
    PLUGIN_TASK_LEGEND_FOOTER: 'Eine Aufgabe kann mehreren Gruppen angeboten sein.',
    PLUGIN_USER_TASKS_LABEL: 'Aufgaben',
    PLUGIN_USER_TASKS_NO_USER_TASKS: 'Keine Aufgaben'
  }
};

const base = document.querySelector('base');
const app = base && base.getAttribute('app-name');
const angular = window.angular;

// The labels go into the loaded locale in the loader's own callback, which it calls just before it
// hands the labels on: the webapp gets them at the same moment as before (some views read their
// texts once, as soon as the locale is there).
if (app && angular) {
  const labels = Object.assign({}, FOR_EVERY_APP, FOR_APP[app]);
  angular.module('cam.' + app).decorator('localeLoader', ['$delegate', (load) => (options) =>
    load(Object.assign({}, options, {
      callback(error, locale, key) {
        if (!error && locale && locale.labels && key === 'de') {
          Object.assign(locale.labels, labels);
        }
        // "in 2 Monaten", "vor 2 Monaten": Camunda's German writes "Monate" after "in" and "vor"
        const relativeTime = locale && locale.dateLocales && locale.dateLocales.relativeTime;
        if (!error && relativeTime && key === 'de') {
          relativeTime.MM = '%d Monaten';
        }
        if (typeof options.callback === 'function') {
          options.callback(error, locale, key);
        }
      }
    }))
  ]);
}
