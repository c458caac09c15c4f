// Ratsweg: the page declares the language it shows (<html lang>), so that screen readers read
// German text as German (WCAG 3.1.1). Camunda's pages declare "en" whatever they show. The
// webapps show the first language the browser asks for when they have it (config.js,
// availableLocales) and otherwise the fallback, German; this script decides the same way.
// Loaded through "customScripts" by the config.js of all four webapps.
const AVAILABLE = ['de', 'en'];
const FALLBACK = 'de';

function shownLanguage() {
  const first = (Array.isArray(navigator.languages) && navigator.languages[0]) || navigator.language || '';
  const code = first.split('-')[0].toLowerCase();
  return AVAILABLE.includes(code) ? code : FALLBACK;
}

const language = shownLanguage();
const root = document.documentElement;

function declare() {
  if (root.getAttribute('lang') !== language) {
    root.setAttribute('lang', language);
  }
}

declare();
// the webapps may write the attribute again while they start
new MutationObserver(declare).observe(root, { attributes: true, attributeFilter: ['lang'] });
