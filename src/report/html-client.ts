/**
 * The page's only script: redraws the heatmap for the picked scenario and sorts tables. It reads the
 * embedded JSON with JSON.parse and writes names with textContent only, so no id from the run is ever
 * parsed as HTML. Plain ES2017, no dependencies.
 */
export const CLIENT_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('whatif-data').textContent);
  var select = document.getElementById('scenario-select');
  var caption = document.getElementById('heatmap-caption');
  var cells = document.querySelectorAll('svg.heatmap .cell');

  function statesFor(index) {
    var states = data.baseline.map(function (row) { return row.slice(); });
    var changed = {};
    if (index >= 0) {
      data.heatmaps[index].changes.forEach(function (c) {
        states[c[0]][c[1]] = c[2];
        changed[c[0] + ',' + c[1]] = true;
      });
    }
    return { states: states, changed: changed };
  }

  function draw(index) {
    var picked = statesFor(index);
    cells.forEach(function (g) {
      var row = Number(g.getAttribute('data-row'));
      var col = Number(g.getAttribute('data-col'));
      var state = data.codes[picked.states[row][col]];
      g.setAttribute('class', 'cell ' + state + (picked.changed[row + ',' + col] ? ' changed' : ''));
      var mark = g.querySelector('text');
      if (mark) mark.textContent = data.marks[state];
      g.querySelector('title').textContent = data.sites[row] + ' \u2192 ' + data.sites[col] + ': ' + data.legend[state];
    });
    var count = Object.keys(picked.changed).length;
    caption.textContent = index < 0
      ? 'Baseline: no failure.'
      : 'When ' + data.heatmaps[index].failed.join(' and ') + ' fails: ' + count + ' cell' + (count === 1 ? '' : 's') + ' changed (outlined).';
    document.querySelectorAll('tr[data-heatmap]').forEach(function (tr) {
      tr.classList.toggle('selected', Number(tr.getAttribute('data-heatmap')) === index);
    });
  }

  if (select) {
    select.addEventListener('change', function () { draw(Number(select.value)); });
    document.querySelectorAll('tr[data-heatmap]').forEach(function (tr) {
      function pick() {
        select.value = tr.getAttribute('data-heatmap');
        draw(Number(select.value));
      }
      tr.addEventListener('click', pick);
      tr.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); pick(); } });
    });
  }

  function sortKey(td, numeric) {
    var text = td.textContent.trim();
    if (!numeric) return text.toLowerCase();
    var n = parseFloat(text.replace(/[^0-9.\-]/g, ''));
    return isNaN(n) ? -Infinity : n;
  }

  document.querySelectorAll('table.sortable').forEach(function (table) {
    var heads = table.querySelectorAll('thead th');
    heads.forEach(function (th, column) {
      th.querySelector('button').addEventListener('click', function () {
        var numeric = th.getAttribute('data-type') === 'number';
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        heads.forEach(function (other) { other.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = sortKey(a.cells[column], numeric);
          var y = sortKey(b.cells[column], numeric);
          return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
})();
`;
