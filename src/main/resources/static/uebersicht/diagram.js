// Ratsweg: the project page's diagram. Shows the model of the project's process with the
// steps it passed and the step it stands at (bpmn-js viewer from the WebJar, no editing).
(function () {
  'use strict';

  function ids(value) {
    return (value || '').split(' ').filter(function (id) { return id.length > 0; });
  }

  function show() {
    var container = document.getElementById('diagram');
    if (!container || typeof BpmnJS === 'undefined') {
      return;
    }
    var viewer = new BpmnJS({ container: container });
    fetch(container.getAttribute('data-source'), { credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.text();
      })
      .then(function (xml) { return viewer.importXML(xml); })
      .then(function () {
        var canvas = viewer.get('canvas');
        var registry = viewer.get('elementRegistry');
        function mark(list, marker) {
          ids(list).forEach(function (id) {
            if (registry.get(id)) {
              canvas.addMarker(id, marker);
            }
          });
        }
        mark(container.getAttribute('data-passed'), 'ratsweg-passed');
        mark(container.getAttribute('data-flows'), 'ratsweg-passed');
        mark(container.getAttribute('data-current'), 'ratsweg-current');
        canvas.zoom('fit-viewport');
        var fallback = container.querySelector('.diagram-fallback');
        if (fallback) {
          fallback.remove();
        }
        container.setAttribute('data-ready', 'true');
      })
      .catch(function (error) {
        container.textContent = 'Das Ablaufdiagramm kann nicht angezeigt werden (' + error.message + ').';
        container.setAttribute('data-ready', 'error');
      });
  }

  document.addEventListener('DOMContentLoaded', show);
}());
