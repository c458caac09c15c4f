// Ratsweg: names and roles that Camunda's webapps leave out, so that a screen reader says what
// a control does (WCAG 4.1.2, 2.4.4). Loaded through "customScripts" by the config.js of all
// four webapps; what remains is listed in docs/accessibility.md.
//
// Camunda draws many controls as an icon only (a pencil, a floppy disk, an arrow) with the
// meaning in a tooltip that appears on hover. This script gives each such button or link the
// name it lacks: the tooltip's text where it has one, otherwise the name below. Controls that
// have a name already are left alone. AngularJS redraws parts of the page at any time, so the
// names are set again after every change to the page (ratsweg-page-changes.js).

import { afterEveryChange } from './ratsweg-page-changes.js';

// selector -> [German, English]; only for controls without text and without a tooltip
const NAMES = [
  ['button.region-toggle[data-region="filters"]', ['Filterleiste ein- oder ausblenden', 'Show or hide the filters']],
  ['button.region-toggle[data-region="list"]', ['Aufgabenliste ein- oder ausblenden', 'Show or hide the task list']],
  ['button.region-toggle[data-region="task"]', ['Aufgabenbereich ein- oder ausblenden', 'Show or hide the task']],
  ['button.maximize', ['Aufgabenbereich vergrößern', 'Maximise the task']],
  ['.stored-criteria > button.dropdown-toggle', ['Gespeicherte Suchen', 'Saved searches']],
  ['.app-switch > .dropdown-toggle', ['Anwendung wechseln', 'Switch application']],
  ['.new-sort > .dropdown-toggle', ['Sortierung hinzufügen', 'Add sorting']],
  ['.shutter > a', ['Weitere Angaben ein- oder ausblenden', 'Show or hide more details']],
  ['a.instance-link', ['Prozessinstanz in Cockpit öffnen', 'Open the process instance in Cockpit']],
  ['button.bjs-drilldown', ['Aufgerufenen Prozess öffnen', 'Open the called process']],
  ['a.circle[state-circle]', ['Zwischenfälle der Prozessinstanz anzeigen', 'Show the incidents of the process instance']]
];

const english = () => document.documentElement.getAttribute('lang') === 'en';

function hasName(element) {
  return Boolean(element.getAttribute('aria-label') || element.getAttribute('aria-labelledby')
    || element.innerText.trim() || element.getAttribute('title')
    || element.querySelector('img[alt]:not([alt=""])'));
}

function name(element, text) {
  if (!hasName(element)) {
    element.setAttribute('aria-label', text);
  }
}

function fix() {
  // Links without an address that act through a click ("Link kopieren", Cockpit's
  // "Aktivitätsinstanz-Statistiken") are buttons that the keyboard can reach and press.
  document.querySelectorAll('a:not([href]):not([role]):is([ng-click], [uib-tooltip])').forEach((link) => {
    link.setAttribute('role', 'button');
    link.setAttribute('tabindex', '0');
    link.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        link.click();
      }
    });
  });
  for (const [selector, texts] of NAMES) {
    document.querySelectorAll(selector).forEach((element) => name(element, texts[english() ? 1 : 0]));
  }
  // the arrows in a table's column heads sort by that column
  document.querySelectorAll('th a[ng-click*="changeOrder"]').forEach((link) => {
    const column = link.closest('th').innerText.trim();
    if (column) {
      name(link, english() ? `Sort by ${column}` : `Nach ${column} sortieren`);
    }
  });
  // any other icon-only control: its tooltip is its name
  document.querySelectorAll('a[uib-tooltip], button[uib-tooltip]').forEach((element) => {
    const tooltip = element.getAttribute('uib-tooltip').trim();
    if (tooltip && !tooltip.includes('{{')) {
      name(element, tooltip);
    }
  });
  // The search fields ("Nach Aufgaben filtern", "Kriterium hinzufügen") offer a list of
  // suggestions: ARIA allows aria-expanded there only for a combobox.
  document.querySelectorAll('input[uib-typeahead]:not([role])').forEach((input) => {
    input.setAttribute('role', 'combobox');
  });
  // Cockpit's "Aktivitätsinstanz-Statistiken: an" shows its state as a radio button inside
  // the link that switches it: the button only repeats the link's state.
  document.querySelectorAll('a[ng-click] input.toggle[type="radio"]').forEach((radio) => {
    radio.setAttribute('aria-hidden', 'true');
    radio.setAttribute('tabindex', '-1');
    name(radio, radio.closest('a').textContent.replace(/\s+/g, ' ').trim());
  });
  // The welcome page links each webapp twice, through its empty picture and its name: the
  // picture's link stays for the mouse and leaves the keyboard and the screen reader alone.
  document.querySelectorAll('a.app-label-wrapper').forEach((link) => {
    link.setAttribute('aria-hidden', 'true');
    link.setAttribute('tabindex', '-1');
  });
}

afterEveryChange(fix, document.documentElement, {
  childList: true,
  subtree: true,
  attributes: true,
  attributeFilter: ['uib-tooltip', 'lang']
});
