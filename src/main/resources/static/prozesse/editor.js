// "Prozesse bearbeiten": one editor per model (bpmn-js with Camunda's properties for 7.x,
// dmn-js, form-js), and the page's three actions: Prüfen, Änderungen anzeigen, Veröffentlichen.
(function () {
  'use strict';

  const page = document.getElementById('editor');
  const name = page.dataset.name;
  const kind = page.dataset.kind;
  const status = document.getElementById('status');
  const csrfToken = document.querySelector('meta[name="_csrf"]').content;
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]').content;
  let version = null;
  let editor = null;
  let markers = [];

  function say(text, kindOfMessage) {
    status.textContent = text;
    status.className = 'message' + (kindOfMessage ? ' ' + kindOfMessage : '');
  }

  async function post(path, body) {
    const response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', [csrfHeader]: csrfToken },
      body: JSON.stringify(body)
    });
    let answer = {};
    try {
      answer = await response.json();
    } catch (e) {
      answer = { detail: 'Die Antwort des Servers war nicht lesbar (HTTP ' + response.status + ').' };
    }
    return { ok: response.ok, status: response.status, body: answer };
  }

  async function open(content) {
    if (kind === 'bpmn') {
      editor = new window.BpmnModeler({
        container: '#canvas',
        propertiesPanel: { parent: '#properties' }
      });
      await editor.importXML(content);
      showWhole(editor.get('canvas'));
    } else if (kind === 'dmn') {
      editor = new window.DmnModeler({
        container: '#canvas',
        drd: { propertiesPanel: { parent: '#properties' } }
      });
      await editor.importXML(content);
      // Open the table itself: that is what changes with the Zuständigkeitsordnung.
      const table = editor.getViews().find((view) => view.type === 'decisionTable');
      if (table) {
        await editor.open(table);
      }
    } else {
      editor = await window.FormEditor.createFormEditor({
        container: document.getElementById('canvas'),
        schema: JSON.parse(content)
      });
    }
  }

  // The whole diagram, right of the palette that covers the canvas's left edge.
  function showWhole(canvas) {
    const palette = 130;
    const margin = 20;
    const container = canvas.getContainer().getBoundingClientRect();
    const inner = canvas.viewbox().inner;
    const scale = Math.min(1, (container.width - palette - margin) / inner.width,
      (container.height - 2 * margin) / inner.height);
    canvas.viewbox({
      x: inner.x - palette / scale,
      y: inner.y - margin / scale,
      width: container.width / scale,
      height: container.height / scale
    });
  }

  async function content() {
    if (kind === 'form') {
      return JSON.stringify(editor.saveSchema(), null, 2) + '\n';
    }
    const saved = await editor.saveXML({ format: true });
    return saved.xml;
  }

  function canvas() {
    if (kind === 'bpmn') {
      return editor.get('canvas');
    }
    if (kind === 'dmn' && editor.getActiveViewer() && editor.getActiveView().type === 'drd') {
      return editor.getActiveViewer().get('canvas');
    }
    return null;
  }

  function clearMarkers() {
    const diagram = canvas();
    if (diagram) {
      markers.forEach(([id, marker]) => {
        try {
          diagram.removeMarker(id, marker);
        } catch (e) {
          // the element is gone from the diagram
        }
      });
    }
    markers = [];
  }

  function mark(id, marker) {
    const diagram = canvas();
    if (!diagram || !id) {
      return;
    }
    const registry = kind === 'bpmn' ? editor.get('elementRegistry') : editor.getActiveViewer().get('elementRegistry');
    if (registry.get(id)) {
      diagram.addMarker(id, marker);
      markers.push([id, marker]);
    }
  }

  function select(id) {
    if (kind !== 'bpmn' || !id) {
      return;
    }
    const element = editor.get('elementRegistry').get(id);
    if (element) {
      editor.get('selection').select(element);
      editor.get('canvas').scrollToElement(element);
    }
  }

  function item(text, id) {
    const li = document.createElement('li');
    li.textContent = text;
    if (id && kind === 'bpmn' && editor.get('elementRegistry').get(id)) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Im Diagramm zeigen';
      button.setAttribute('aria-label', 'Element ' + id + ' im Diagramm zeigen');
      button.addEventListener('click', () => select(id));
      li.appendChild(button);
    }
    return li;
  }

  function showFindings(findings) {
    const list = document.getElementById('findings');
    list.replaceChildren();
    clearMarkers();
    findings.forEach((finding) => {
      // A finding may be about another file of the folder (the whole folder is deployed).
      const here = !finding.resource || finding.resource === name;
      const file = here ? '' : finding.resource + ', ';
      const where = finding.elementId ? file + finding.elementId + ': '
        : (finding.line ? file + 'Zeile ' + finding.line + ': ' : file);
      list.appendChild(item(where + finding.message, here ? finding.elementId : null));
      if (here) {
        mark(finding.elementId, 'ratsweg-finding');
      }
    });
    document.getElementById('findings-section').hidden = findings.length === 0;
  }

  function label(change) {
    return change.kind + ' „' + (change.name || change.id) + '“ (' + change.id + ')';
  }

  function showChanges(changes) {
    clearMarkers();
    const parts = { added: changes.added, removed: changes.removed, changed: changes.changed };
    Object.entries(parts).forEach(([part, entries]) => {
      const list = document.getElementById(part);
      list.replaceChildren();
      entries.forEach((change) => {
        const details = (change.details && change.details.length) ? ': ' + change.details.join('; ') : '';
        list.appendChild(item(label(change) + details, part === 'removed' ? null : change.id));
        if (part !== 'removed') {
          mark(change.id, part === 'added' ? 'ratsweg-added' : 'ratsweg-changed');
        }
      });
      document.getElementById(part + '-title').hidden = entries.length === 0;
    });
    document.getElementById('changes-none').hidden =
      changes.added.length + changes.removed.length + changes.changed.length > 0;
    document.getElementById('changes-section').hidden = false;
  }

  async function check() {
    say('Wird geprüft …');
    const answer = await post('/prozesse/pruefen', { name: name, content: await content() });
    if (!answer.ok) {
      say(answer.body.detail || 'Die Prüfung ist fehlgeschlagen.', 'error');
      return;
    }
    showFindings(answer.body.findings);
    if (answer.body.findings.length === 0) {
      say('Prüfung bestanden: keine Mängel gefunden.', 'success');
    } else {
      say('Die Prüfung hat ' + answer.body.findings.length
        + (answer.body.findings.length === 1 ? ' Mangel' : ' Mängel') + ' gefunden.', 'error');
    }
  }

  async function compare() {
    const answer = await post('/prozesse/vergleich', { name: name, content: await content() });
    if (!answer.ok) {
      say(answer.body.detail || 'Der Vergleich ist fehlgeschlagen.', 'error');
      return;
    }
    showChanges(answer.body);
  }

  async function publish() {
    say('Wird veröffentlicht …');
    const edited = await content();
    const changes = await post('/prozesse/vergleich', { name: name, content: edited });
    const answer = await post('/prozesse/veroeffentlichen', { name: name, content: edited, version: version });
    if (answer.ok) {
      version = answer.body.version;
      showFindings([]);
      if (changes.ok) {
        showChanges(changes.body);
      }
      say(answer.body.message, 'success');
      return;
    }
    if (answer.body.findings) {
      showFindings(answer.body.findings);
    }
    say(answer.body.detail || 'Veröffentlichen ist fehlgeschlagen.', 'error');
    if (answer.body.reason === 'CONFLICT' || answer.body.reason === 'READ_ONLY') {
      offerDownload(edited);
    }
  }

  // Nothing typed is lost: the refused version can be saved and compared or published later.
  function offerDownload(edited) {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([edited], { type: kind === 'form' ? 'application/json' : 'application/xml' }));
    link.download = name.split('/').pop();
    link.textContent = 'Ihre Fassung herunterladen';
    link.className = 'download';
    status.appendChild(document.createTextNode(' '));
    status.appendChild(link);
  }

  async function start() {
    try {
      const response = await fetch('/prozesse/modell?datei=' + encodeURIComponent(name), {
        credentials: 'same-origin', headers: { 'Accept': 'application/json' }
      });
      const model = await response.json();
      if (!response.ok) {
        say(model.detail || 'Das Modell konnte nicht geladen werden.', 'error');
        return;
      }
      version = model.version;
      await open(model.content);
      page.dataset.ready = 'true';
    } catch (e) {
      say('Das Modell konnte nicht geöffnet werden: ' + e.message, 'error');
      console.error(e);
    }
  }

  document.getElementById('check').addEventListener('click', check);
  document.getElementById('compare').addEventListener('click', compare);
  document.getElementById('publish').addEventListener('click', publish);
  start();
}());
