import { html } from './template.js';

/** The page's stylesheet: system fonts only (no network), print-friendly, one colour per cell verdict. */
export const STYLE = html`<style>
:root {
  --ink: #1d2733; --muted: #5f6b7a; --line: #dde3ea; --panel: #f6f8fa; --accent: #0b5cad;
  --sym: #2f9e5f; --asym: #e8a317; --oneway: #8a5cc7; --none: #e3e7ec; --changed: #c62828;
  --warn-bg: #fff4e5; --warn-line: #f0a020; --bad: #c62828;
}
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
code { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; background: var(--panel); border: 1px solid var(--line); border-radius: 4px; padding: 0 4px; white-space: nowrap; }
header.top { background: #17212d; color: #fff; padding: 18px 32px 16px; }
header.top h1 { margin: 0; font-size: 21px; font-weight: 600; letter-spacing: .2px; }
header.top h1 code { background: transparent; border: 0; color: #9fd0ff; font-size: 19px; padding: 0; }
header.top .facts { margin: 4px 0 0; color: #c5d0dc; }
.badge { display: inline-block; margin-left: 8px; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; vertical-align: 2px; }
.badge.complete { background: #2f9e5f; color: #fff; }
.badge.partial { background: var(--warn-line); color: #1d2733; }
main { padding: 8px 32px 40px; max-width: 1280px; }
h2 { font-size: 17px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 14.5px; margin: 18px 0 6px; }
p.intro, .muted { color: var(--muted); }
p.intro { margin: 0 0 10px; }
.warning { margin: 16px 0 0; padding: 10px 14px; background: var(--warn-bg); border-left: 4px solid var(--warn-line); border-radius: 4px; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 18px 0 6px; }
.card { flex: 1 1 150px; padding: 10px 14px; border: 1px solid var(--line); border-radius: 8px; background: var(--panel); }
.card .value { font-size: 24px; font-weight: 650; line-height: 1.2; }
.card .label { color: var(--muted); font-size: 12.5px; }
.card.bad .value { color: var(--bad); }
.card.ok .value { color: var(--sym); }
ul.headlines { margin: 10px 0 0; padding-left: 20px; }
ul.headlines li { margin: 3px 0; }
.split { display: grid; grid-template-columns: auto 1fr; gap: 20px; align-items: start; }
.split > * { min-width: 0; }
.split section { overflow-x: auto; }
.split th, .split td { padding: 5px 6px; }
.split .panel { position: sticky; top: 8px; width: min-content; min-width: 300px; }
.stack .panel { overflow-x: auto; }
.panel select { font: inherit; padding: 4px 6px; margin: 0 0 8px; max-width: 100%; border: 1px solid var(--line); border-radius: 4px; }
#heatmap-caption { color: var(--muted); margin: 2px 0 6px; min-height: 1.5em; }
svg.heatmap { display: block; font-family: inherit; }
svg.heatmap .row-label, svg.heatmap .col-label { fill: var(--ink); }
svg.heatmap .cell rect { stroke: #fff; stroke-width: 1; }
svg.heatmap .cell text { font-size: 15px; pointer-events: none; }
.cell.symmetric rect { fill: var(--sym); } .cell.symmetric text { fill: #fff; }
.cell.asymmetric rect { fill: var(--asym); } .cell.asymmetric text { fill: #1d2733; }
.cell.one-way rect { fill: var(--oneway); } .cell.one-way text { fill: #fff; }
.cell.unreachable rect { fill: var(--none); } .cell.unreachable text { fill: #98a2ae; }
svg.heatmap .cell.changed rect { stroke: var(--changed); stroke-width: 3; }
ul.legend { list-style: none; padding: 0; margin: 8px 0 0; color: var(--muted); font-size: 12.5px; }
ul.legend li { display: flex; align-items: center; gap: 8px; margin: 3px 0; }
.swatch { display: inline-flex; align-items: center; justify-content: center; flex: none; width: 18px; height: 18px; border-radius: 3px; font-size: 12px; }
.swatch.symmetric { background: var(--sym); color: #fff; } .swatch.asymmetric { background: var(--asym); }
.swatch.one-way { background: var(--oneway); color: #fff; } .swatch.unreachable { background: var(--none); color: #98a2ae; }
.swatch.changed { border: 3px solid var(--changed); }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; }
th, td { text-align: left; vertical-align: top; padding: 5px 10px; border-bottom: 1px solid var(--line); }
th { background: var(--panel); font-weight: 600; font-size: 12.5px; color: var(--muted); white-space: nowrap; }
th button { all: unset; cursor: pointer; }
th button::after { content: " ↕"; color: #b3bcc6; }
th[aria-sort=ascending] button::after { content: " ↑"; color: var(--accent); }
th[aria-sort=descending] button::after { content: " ↓"; color: var(--accent); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; width: 1%; white-space: nowrap; }
tr[data-heatmap] { cursor: pointer; }
tr[data-heatmap]:hover td { background: #eef5fd; }
tr.selected td { background: #dcebfb; }
td .zero { color: #b3bcc6; }
.breaks { margin-top: 2px; font-size: 12.5px; color: var(--muted); }
.pair-plain { white-space: nowrap; }
details.more { display: inline; } details.more summary { display: inline; cursor: pointer; color: var(--accent); font-size: 12.5px; }
details.more[open] summary { display: block; }
.pair { white-space: nowrap; }
.arrow { color: var(--muted); }
.path { margin: 1px 0; }
.hop { color: var(--muted); margin: 0 3px; }
.severity { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 12px; font-weight: 600; color: #fff; }
.severity.error { background: var(--bad); } .severity.warning { background: var(--warn-line); color: var(--ink); } .severity.info { background: var(--muted); }
svg.heatmap .group-cell { cursor: pointer; }
svg.heatmap .group-cell rect { stroke: #fff; stroke-width: 1; }
svg.heatmap .group-cell text { font-size: 11px; fill: var(--ink); pointer-events: none; }
svg.heatmap .group-cell.odd rect { stroke: var(--ink); stroke-width: 2; }
svg.heatmap .group-cell.changed rect { stroke: var(--changed); stroke-width: 3; }
svg.heatmap .group-cell:hover rect, svg.heatmap .group-cell:focus rect { stroke: var(--accent); stroke-width: 3; }
.crumbs { margin: 0 0 6px; min-height: 1.5em; color: var(--muted); }
.crumbs button { font: inherit; padding: 2px 8px; border: 1px solid var(--line); border-radius: 4px; background: var(--panel); cursor: pointer; }
details.folded > summary { cursor: pointer; color: var(--accent); margin: 10px 0 4px; }
a { color: var(--accent); }
.change-list li { margin: 3px 0; }
@media print { .panel { position: static; } header.top { background: #fff; color: var(--ink); } }
@media (max-width: 900px) { .split { grid-template-columns: 1fr; } .panel { position: static; } }
</style>`;
