// Ratsweg: amounts and dates in the texts of Camunda Forms written the German way.
// A form's text component shows variables as they are stored: "Beantragt: {{requestedAmount}} EUR"
// reads "Beantragt: 180000.5 EUR", "Sitzung am {{meetingDate}}" reads "Sitzung am 2026-12-17".
// This module, loaded through config.js "customScripts", rewrites such text in the rendered form
// text (not in input fields) to "180.000,50 €" and "17.12.2026", whatever the browser's language:
// the forms themselves are German.
const TEXT = '.fjs-container .fjs-form-field-text';

// A plain number as a form prints it, then "EUR": no thousands separator, "." before decimals,
// never a trailing zero (so "1.000 EUR", already German, is left alone).
const AMOUNT = /(^|[^\d.,])(-?\d+)(?:\.(\d*[1-9]))?\s*EUR\b/g;
// An ISO day, not part of a longer number or of a date-time.
const ISO_DAY = /(^|[^\d-])(\d{4})-(\d{2})-(\d{2})(?![\d:T-])/g;

const WHOLE = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const CENTS = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 });

function amount(match, before, whole, decimals) {
  const value = Number(decimals ? `${whole}.${decimals}` : whole);
  return before + (decimals ? CENTS : WHOLE).format(value);
}

function isoDay(match, before, year, month, day) {
  return `${before}${day}.${month}.${year}`;
}

function format(node) {
  const text = node.nodeValue;
  if (!text || !/\d/.test(text)) {
    return;
  }
  const german = text.replace(AMOUNT, amount).replace(ISO_DAY, isoDay);
  if (german !== text) {
    node.nodeValue = german;
  }
}

function formatBelow(root) {
  const texts = [];
  if (root.matches && root.matches(TEXT)) {
    texts.push(root);
  }
  if (root.querySelectorAll) {
    texts.push(...root.querySelectorAll(TEXT));
  }
  if (!texts.length && root.parentElement && root.parentElement.closest(TEXT)) {
    texts.push(root.parentElement.closest(TEXT));
  }
  texts.forEach((element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      format(node);
    }
  });
}

new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    if (mutation.type === 'characterData') {
      if (mutation.target.parentElement && mutation.target.parentElement.closest(TEXT)) {
        format(mutation.target);
      }
      continue;
    }
    if (mutation.target.closest && mutation.target.closest(TEXT)) {
      formatBelow(mutation.target);
      continue;
    }
    mutation.addedNodes.forEach((node) => formatBelow(node));
  }
}).observe(document.body, { childList: true, subtree: true, characterData: true });
