// Ratsweg: German texts for Camunda Forms in Tasklist.
// form-js (the form renderer of Tasklist 7.24) has no translations: its validation messages
// and a few labels are English. This module, loaded through config.js "customScripts",
// replaces them with German while the page is shown, unless the browser asks for English.
const TEXTS = [
  [/^Field is required\.$/, () => 'Pflichtfeld.'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `Der Wert darf nicht kleiner als ${m[1].replace('.', ',')} sein.`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `Der Wert darf nicht größer als ${m[1].replace('.', ',')} sein.`],
  [/^Field must have minimum length of (\d+)\.$/, (m) => `Mindestens ${m[1]} Zeichen.`],
  [/^Field must have maximum length of (\d+)\.$/, (m) => `Höchstens ${m[1]} Zeichen.`],
  [/^Field must match pattern .*$/, () => 'Die Eingabe hat nicht das erwartete Format (siehe Hinweis).'],
  [/^Value is not a number\.$/, () => 'Bitte eine Zahl eingeben.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.?$/, (m) => `Höchstens ${m[1]} Nachkommastellen.`],
  [/^Value is expected to .*$/, () => 'Der Wert hat nicht das erwartete Format.'],
  [/^Field must be a valid email\.$/, () => 'Bitte eine gültige E-Mail-Adresse eingeben.'],
  [/^Select$/, () => 'Bitte wählen'],
  [/^Search$/, () => 'Suchen'],
  [/^Add new$/, () => 'Hinzufügen']
];

// Labels that only screen readers read (aria-label), e.g. the arrows of a number field.
const ARIA_LABELS = {
  Increment: 'Wert erhöhen',
  Decrement: 'Wert verringern'
};

function translate(node) {
  const text = node.nodeValue && node.nodeValue.trim();
  if (!text) {
    return;
  }
  for (const [pattern, german] of TEXTS) {
    const match = text.match(pattern);
    if (match) {
      node.nodeValue = german(match);
      return;
    }
  }
}

function translateBelow(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    translate(root);
    return;
  }
  if (!root.closest || !root.closest('.fjs-container')) {
    if (!root.querySelector || !root.querySelector('.fjs-container')) {
      return;
    }
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    translate(node);
  }
  root.querySelectorAll && root.querySelectorAll('.fjs-container input[placeholder]').forEach((input) => {
    if (input.placeholder === 'Search') {
      input.placeholder = 'Suchen';
    }
  });
  root.querySelectorAll && root.querySelectorAll('.fjs-container [aria-label]').forEach((element) => {
    const german = ARIA_LABELS[element.getAttribute('aria-label')];
    if (german) {
      element.setAttribute('aria-label', german);
    }
  });
}

if (!/^en\b/i.test(navigator.language || '')) {
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') {
        if (mutation.target.parentElement && mutation.target.parentElement.closest('.fjs-container')) {
          translate(mutation.target);
        }
        continue;
      }
      mutation.addedNodes.forEach((node) => {
        if (node.nodeType === Node.TEXT_NODE) {
          if (node.parentElement && node.parentElement.closest('.fjs-container')) {
            translate(node);
          }
        } else {
          translateBelow(node);
        }
      });
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}
