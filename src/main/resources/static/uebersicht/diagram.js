// Ratsweg: the project page's diagram. Shows the model of the project's process with the
// steps it passed and the step it stands at (bpmn-js navigated viewer from the WebJar: no
// editing; drag to move, Ctrl + mouse wheel to zoom, buttons for both).
(function () {
  'use strict';

  // The smallest zoom at which the diagram's labels (12 px in the model) stay readable.
  var READABLE = 0.9;

  // The largest zoom the diagram opens with (a small diagram is not blown up).
  var LARGEST = 1.2;

  // Space around the diagram, in pixels of the page.
  var MARGIN = 24;

  function ids(value) {
    return (value || '').split(' ').filter(function (id) { return id.length > 0; });
  }

  function clamp(value, min, max) {
    return Math.max(min, Math.min(max, value));
  }

  // The height the diagram needs at this zoom, within sensible bounds.
  function fitHeight(container, canvas, scale) {
    var inner = canvas.viewbox().inner;
    var height = clamp(Math.ceil(inner.height * scale + 2 * MARGIN), 240, 640);
    container.style.height = height + 'px';
    canvas.resized();
  }

  // Shows the diagram at the given zoom, the element (or the diagram's start) in view.
  function showAt(canvas, scale, element) {
    var box = canvas.viewbox();
    var inner = box.inner;
    var width = box.outer.width / scale;
    var height = box.outer.height / scale;
    var margin = MARGIN / scale;
    var x = inner.x - margin;
    if (element) {
      x = clamp(element.x + element.width / 2 - width / 2, inner.x - margin,
        Math.max(inner.x - margin, inner.x + inner.width + margin - width));
    }
    canvas.viewbox({
      x: x,
      y: inner.y + inner.height / 2 - height / 2,
      width: width,
      height: height
    });
  }

  // Fits the whole width when the labels stay readable at that zoom; otherwise opens at a
  // readable zoom with the current step (else the start) in view.
  function initialView(container, canvas, registry) {
    var box = canvas.viewbox();
    var toFitWidth = (box.outer.width - 2 * MARGIN) / box.inner.width;
    var scale = clamp(toFitWidth, READABLE, LARGEST);
    var focus = ids(container.getAttribute('data-current'))
      .map(function (id) { return registry.get(id); })
      .filter(function (element) { return element; })[0];
    fitHeight(container, canvas, scale);
    showAt(canvas, scale, scale > toFitWidth ? focus : null);
  }

  function bindTools(tools, container, canvas, registry) {
    if (!tools) {
      return;
    }
    var actions = {
      'zoom-in': function () { canvas.zoom(Math.min(canvas.zoom() * 1.25, 3)); },
      'zoom-out': function () { canvas.zoom(Math.max(canvas.zoom() / 1.25, 0.2)); },
      'whole': function () {
        var box = canvas.viewbox();
        var scale = Math.min((box.outer.width - 2 * MARGIN) / box.inner.width, LARGEST);
        fitHeight(container, canvas, scale);
        showAt(canvas, scale, null);
      },
      'readable': function () { initialView(container, canvas, registry); },
      'left': function () { canvas.scroll({ dx: canvas.viewbox().outer.width * 0.6, dy: 0 }); },
      'right': function () { canvas.scroll({ dx: -canvas.viewbox().outer.width * 0.6, dy: 0 }); }
    };
    Array.prototype.forEach.call(tools.querySelectorAll('button[data-action]'), function (button) {
      button.addEventListener('click', function () {
        actions[button.getAttribute('data-action')]();
      });
    });
    tools.hidden = false;
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
        var fallback = container.querySelector('.diagram-fallback');
        if (fallback) {
          fallback.remove();
        }
        initialView(container, canvas, registry);
        bindTools(document.getElementById('diagram-tools'), container, canvas, registry);
        container.setAttribute('data-ready', 'true');
      })
      .catch(function (error) {
        container.textContent = 'Das Ablaufdiagramm kann nicht angezeigt werden (' + error.message + ').';
        container.setAttribute('data-ready', 'error');
      });
  }

  document.addEventListener('DOMContentLoaded', show);
}());
