import { CELL_STATES } from '../view/cells.js';
import type { ReportView } from '../view/report-view.js';
import { STATE_CAPTION, STATE_MARK } from '../words/labels.js';
import { html, type Html } from './template.js';

/**
 * The heatmap's frame: the scenario list, the caption, and an empty holder that the page's script draws into
 * (heatmap-script.ts), from the data island. An estate starts with groups against groups.
 */
export function heatmapPanel(view: ReportView): Html {
  const h = view.heatmap;
  const options = h.scenarios.map((s, i) => html`<option value="${i}">${s.failed.join(' + ')}</option>`);
  return html`<div class="panel"><h2>Reachability</h2>
<label>Scenario <select id="scenario-select"><option value="-1">Baseline (no failure)</option>${options}</select></label>
<p id="heatmap-caption">Baseline: no failure.</p>
<p class="crumbs"><button type="button" id="heatmap-back" hidden>← All groups</button> <span id="heatmap-where"></span></p>
<div id="heatmap"></div>
<noscript><p>The heatmap needs JavaScript; the tables below hold the same facts.</p></noscript>
<p class="muted">Rows are sources, columns destinations.${h.aggregate ? ' A group cell is the share of its pairs that are reachable: grey none, deeper green more; a dark frame marks asymmetric or one-way pairs.' : ''}</p>
<ul class="legend">${CELL_STATES.map((s) => html`<li><span class="swatch ${s}">${STATE_MARK[s]}</span>${STATE_CAPTION[s]}</li>`)}<li><span class="swatch changed"></span>changed from the baseline</li></ul></div>`;
}
