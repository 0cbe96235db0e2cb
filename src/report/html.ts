import { CELL_STATES, HEATMAP_MAX_SITES, type CellState } from './cells.js';
import type { RunComparison } from './compare.js';
import { jsonForScript } from './escape.js';
import { heatmapLegend, heatmapSvg } from './heatmap.js';
import { headlines } from './headlines.js';
import { code, esc, pair, pairPlain, pairs, paths, rich, section, sortableTable } from './html-blocks.js';
import { CLIENT_SCRIPT } from './html-client.js';
import { compareHtml } from './html-compare.js';
import { STYLE } from './html-style.js';
import { nodeKind, plural, scenarioScope, STATE_LEGEND, STATE_MARK } from './labels.js';
import type { ReportView } from './view.js';

/** Up to this many sites the heatmap fits beside the ranking table. */
const SIDE_BY_SIDE_SITES = 10;

/** One letter per verdict in the embedded data: small, and never an id. */
const CODES: Record<CellState, string> = { symmetric: 's', asymmetric: 'a', 'one-way': 'o', unreachable: 'u' };

/**
 * The design review as one self-contained page: inline CSS, inline SVG, a small inline script, no
 * network. Same content and order as the Markdown, plus a heatmap that redraws for a picked scenario.
 */
export function renderHtml(view: ReportView, comparison?: RunComparison): string {
  const body = [
    ...view.warnings.map((w) => `<div class="warning" role="alert"><strong>Warning:</strong> ${esc(w)}</div>`),
    comparison ? compareHtml(comparison) : '',
    cards(view),
    `<ul class="headlines">${headlines(view).map((l) => `<li>${rich(l)}</li>`).join('')}</ul>`,
    // A small heatmap sits beside the ranking; a big one gets the full width above it.
    `<div class="${view.sites.length <= SIDE_BY_SIDE_SITES ? 'split' : 'stack'}">${heatmapPanel(view)}${ranking(view)}</div>`,
    spof(view),
    findings(view),
    moves(view),
    asymmetry(view),
    runFacts(view),
  ].join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>whatif design review: ${esc(view.topology)}</title>
<style>${STYLE}</style></head>
<body>
<header class="top"><h1>whatif design review <code>${esc(view.topology)}</code><span class="badge ${view.facts.partial ? 'partial">partial run' : 'complete">complete'}</span></h1>
<p class="facts">${esc(factsLine(view))}</p></header>
<main>
${body}
</main>
<script type="application/json" id="whatif-data">${jsonForScript(pageData(view))}</script>
<script>${CLIENT_SCRIPT}</script>
</body></html>
`;
}

function factsLine(view: ReportView): string {
  const f = view.facts;
  return [
    plural(view.sites.length, 'site'),
    `${plural(f.failureUnits, 'failure unit')}${f.disabledUnits.length ? ` (+${f.disabledUnits.length} disabled)` : ''}`,
    scenarioScope(f.maxFailures, f.planned),
    `run file ${view.file}`,
  ].join(' · ');
}

/** What the script needs: verdict codes and changed cells by row and column; ids only as display text. */
function pageData(view: ReportView): unknown {
  return {
    sites: view.sites,
    codes: Object.fromEntries(CELL_STATES.map((s) => [CODES[s], s])),
    marks: STATE_MARK,
    legend: STATE_LEGEND,
    baseline: view.baseline.states.map((row) => row.map((s) => CODES[s])),
    heatmaps: view.heatmaps.map((h) => ({ failed: h.failed, changes: h.changes.map(([r, c, s]) => [r, c, CODES[s]]) })),
  };
}

function cards(view: ReportView): string {
  const b = view.baseline;
  const card = (value: string, label: string, tone: 'bad' | 'ok' | ''): string =>
    `<div class="card ${tone}"><div class="value">${esc(value)}</div><div class="label">${esc(label)}</div></div>`;
  const spofs = view.spof?.length;
  return `<div class="cards">${[
    card(spofs === undefined ? '?' : String(spofs), 'single points of failure', spofs ? 'bad' : spofs === 0 ? 'ok' : ''),
    card(String(view.designFindings.length), 'design findings', view.designFindings.length ? 'bad' : 'ok'),
    card(`${b.reachable} / ${b.pairs}`, 'pairs reachable (baseline)', ''),
    card(String(b.asymmetric + b.oneWay), 'asymmetric or one-way pairs (baseline)', b.asymmetric + b.oneWay ? 'bad' : 'ok'),
    card(String(view.criticalNodes.length), 'critical gateways and circuits', ''),
  ].join('')}</div>`;
}

function heatmapPanel(view: ReportView): string {
  if (view.sites.length > HEATMAP_MAX_SITES) {
    const rows = view.baseline.perSite.map((p) => [code(p.site), String(p.reaches), String(p.reachedBy), String(p.asymmetric), String(p.oneWay)]);
    return `<div><h2>Reachability</h2><p class="intro">${view.sites.length} sites: too many for a heatmap; one row per site (baseline).</p>`
      + sortableTable([{ label: 'Site' }, { label: 'Reaches', numeric: true }, { label: 'Reached by', numeric: true }, { label: 'Asym.', numeric: true }, { label: 'One-way', numeric: true }], rows)
      + '</div>';
  }
  const options = view.heatmaps.map((h, i) => `<option value="${i}">${esc(h.failed.join(' + '))}</option>`).join('');
  return `<div class="panel"><h2>Reachability</h2>
<label>Scenario <select id="scenario-select"><option value="-1">Baseline (no failure)</option>${options}</select></label>
<p id="heatmap-caption">Baseline: no failure.</p>
${heatmapSvg(view.sites, view.baseline.states)}
<p class="muted">Rows are sources, columns destinations.</p>
${heatmapLegend()}</div>`;
}

function ranking(view: ReportView): string {
  if (view.ranking.length === 0) return section('ranking', 'Ranking of failures', '<p class="muted">No failure scenarios in this run.</p>');
  const heatmapIndex = new Map(view.heatmaps.map((h, i) => [h.id, i]));
  const num = (n: number): string => (n === 0 ? '<span class="zero">0</span>' : String(n));
  // The pairs a failure cuts go under its name: the table shares its row with the heatmap.
  const lost = (r: ReportView['ranking'][number]): string => (r.breaks
    ? (r.breaks.length ? `<div class="breaks">cuts ${pairs(r.breaks, pairPlain, ', ')}</div>` : '')
    : '<div class="breaks muted">details not in the file</div>');
  const rows = view.ranking.map((r, i) => [
    String(i + 1), code(r.entry.failed.join(' + ')) + lost(r), num(r.entry.lost), num(r.entry.asymmetric), num(r.entry.rerouted),
  ]);
  const attrs = (i: number): string => {
    const index = heatmapIndex.get(view.ranking[i]!.entry.id);
    return index === undefined ? '' : ` data-heatmap="${index}" tabindex="0" title="Show on the heatmap"`;
  };
  const table = sortableTable([
    { label: '#', numeric: true }, { label: 'Failed' }, { label: 'Lost', numeric: true },
    { label: 'Asym.', numeric: true, title: 'pairs made newly asymmetric' }, { label: 'Rerouted', numeric: true },
  ], rows, { id: 'ranking-table', rowAttrs: attrs });
  const more = view.rankingOmitted ? `<p class="muted">${plural(view.rankingOmitted, 'more scenario')} ranked lower; the run kept the top ${view.ranking.length}.</p>` : '';
  return section('ranking', 'Ranking of failures', table + more, 'By pairs lost, then newly asymmetric, then rerouted. Click a row to see it on the heatmap.');
}

function spof(view: ReportView): string {
  if (!view.spof) return '';
  if (view.spof.length === 0) return section('spof', 'Single points of failure', '<p>None: every pair survives any one failure.</p>');
  const rows = [...view.spof].sort((x, y) => y.pairs - x.pairs).map((s) => [code(s.unit), String(s.pairs), pairs(s.breaks)]);
  return section('spof', 'Single points of failure', sortableTable([{ label: 'Failed unit' }, { label: 'Pairs cut', numeric: true }, { label: 'Pairs' }], rows), 'Each of these units, failing alone, cuts pairs off.');
}

function findings(view: ReportView): string {
  const topology = view.designFindings.length
    ? view.designFindings.map((f) => `<div class="finding"><strong>${esc(f.kind)}</strong> ${code(f.subject)}: ${esc(f.message)}.</div>`).join('')
    : '<p class="muted">The topology shows no design finding by itself.</p>';
  const critical = view.criticalNodes.length
    ? '<h3>Critical nodes</h3><p class="intro">Every path of these pairs crosses the node; the failure units cannot route around it.</p>'
      + sortableTable([{ label: 'Node' }, { label: 'Kind' }, { label: 'Pairs', numeric: true }, { label: 'Which' }],
        view.criticalNodes.map((c) => [code(c.node), esc(nodeKind(c.kind)), String(c.pairs), pairs(c.groups)]))
    : '';
  const none = view.noEffect.length
    ? `<p>${view.noEffect.map(code).join(' ')}: no pair is lost, gained, rerouted or made asymmetric when it fails alone (redundant, or carrying no best path).</p>`
    : `<p class="muted">${view.spof ? 'None: every enabled unit carries traffic.' : 'Not known: the run has no single-failure scenarios.'}</p>`;
  return section('findings', 'Design findings', `${topology}${critical}<h3>Failures that change nothing</h3>${none}`);
}

function moves(view: ReportView): string {
  if (view.moves.length === 0) return '';
  const body = view.moves.map((s) => `<h3>When ${s.failed.map(code).join(' and ')} fails</h3>`
    + (s.lost?.length ? `<p>Lost at the same time: ${pairs(s.lost)}</p>` : '')
    + sortableTable([{ label: 'Pair' }, { label: 'Before' }, { label: 'After' }], s.rows.map((r) => [pair(r.pair), paths(r.before), paths(r.after)]))
    + (s.omitted ? `<p class="muted">${plural(s.omitted, 'more move')} not shown.</p>` : '')).join('');
  return section('moves', 'Failover moves', body, 'Pairs that stay reachable over other units when a failure hits; paths list the failure units crossed, in order.');
}

function asymmetry(view: ReportView): string {
  const unlisted = view.baseline.pathsListed ? 0 : view.baseline.asymmetric;
  const note = unlisted ? `<p>The baseline has ${esc(plural(unlisted, 'asymmetric pair'))}; this run file does not list their paths (rerun with this version of whatif).</p>` : '';
  const body = note + (view.asymmetry.length === 0 && !unlisted
    ? '<p>None, in the baseline or after any single failure.</p>'
    : view.asymmetry.map((s) => `<h3>${s.failed ? `New when ${s.failed.map(code).join(' and ')} fails` : 'Baseline'}</h3>`
      + sortableTable([{ label: 'Pair' }, { label: 'Forward (a → b)' }, { label: 'Return (b → a)' }], s.rows.map((r) => [pair(r.pair), paths(r.forward), paths(r.back)]))
      + (s.omitted ? `<p class="muted">${plural(s.omitted, 'more pair')} not shown.</p>` : '')).join(''));
  return section('asymmetry', 'Asymmetric paths', body, 'Pairs whose return traffic crosses other units than the forward traffic.');
}

function runFacts(view: ReportView): string {
  const f = view.facts;
  const items = [
    `Topology ${code(view.topology)}, run file ${code(view.file)}.`,
    `Sites (${view.sites.length}): ${view.sites.map(code).join(' ')}`,
    `Failure units: ${f.failureUnits} enabled; disabled (down in every scenario): ${f.disabledUnits.length ? f.disabledUnits.map(code).join(' ') : 'none'}.`,
    `Scenarios: ${f.planned} planned, ${f.run} run (${f.unchanged} needing no recomputation), ${f.errors} failed, ${f.notConverged} not converged; up to ${esc(plural(f.maxFailures, 'failed unit'))} each.`,
    `Pair records: ${f.pairRecords}. Status: ${f.partial ? 'partial (interrupted)' : 'complete'}.`,
  ];
  return section('run', 'Run', `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`);
}
