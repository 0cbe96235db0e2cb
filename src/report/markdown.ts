import type { RunComparison } from './compare.js';
import { CELL_STATES, type CellState } from './cells.js';
import { mdCode, mdText } from './escape.js';
import { compareMarkdown } from './markdown-compare.js';
import { headlines, type Rich } from './headlines.js';
import { nodeKind, plural, scenarioScope, STATE_LEGEND, STATE_MARK } from './labels.js';
import { pairsText, pairText, pathsText, table } from './markdown-blocks.js';
import type { AsymmetrySection, MoveSection, ReportView } from './view.js';

/** Rows of the ranking the Markdown shows; the HTML page has room for all of them. */
const RANKING_ROWS = 20;

/** The design review as Markdown, most urgent first: warnings, changes since last run, then the findings. */
export function renderMarkdown(view: ReportView, comparison?: RunComparison): string {
  const parts = [
    header(view),
    ...view.warnings.map((w) => `> **Warning:** ${mdText(w)}\n`),
    comparison ? compareMarkdown(comparison) : '',
    glance(view),
    spof(view),
    findings(view),
    matrix(view),
    ranking(view),
    moves(view.moves),
    asymmetry(view.asymmetry, view.baseline.pathsListed ? 0 : view.baseline.asymmetric),
    runFacts(view),
  ];
  return parts.filter(Boolean).join('\n');
}

function header(view: ReportView): string {
  const f = view.facts;
  const disabled = f.disabledUnits.length ? ` (+${f.disabledUnits.length} disabled)` : '';
  const status = f.partial ? '**partial**' : 'complete';
  return `# whatif design review: ${mdCode(view.topology)}\n\n`
    + `${plural(view.sites.length, 'site')}, ${plural(f.failureUnits, 'failure unit')}${disabled}; `
    + `${scenarioScope(f.maxFailures, f.planned)}; ${status}. Run file ${mdCode(view.file)}.\n`;
}

function glance(view: ReportView): string {
  return `## At a glance\n\n${headlines(view).map((l) => `- ${richMarkdown(l)}`).join('\n')}\n`;
}

function richMarkdown(line: Rich): string {
  return line.map((part) => (typeof part === 'string' ? mdText(part) : 'id' in part ? mdCode(part.id) : `**${mdText(part.strong)}**`)).join('');
}

function spof(view: ReportView): string {
  if (!view.spof) return '';
  if (view.spof.length === 0) return '## Single points of failure\n\nNone: every pair survives any one failure.\n';
  const rows = [...view.spof].sort((x, y) => y.pairs - x.pairs).map((s) => [mdCode(s.unit), String(s.pairs), pairsText(s.breaks)]);
  return `## Single points of failure\n\nEach of these units, failing alone, cuts pairs off.\n\n${table(['Failed unit', 'Pairs cut', 'Pairs'], rows)}`;
}

function findings(view: ReportView): string {
  const parts = ['## Design findings\n'];
  if (view.designFindings.length) {
    parts.push(view.designFindings.map((f) => `- **${mdText(f.kind)}** ${mdCode(f.subject)}: ${mdText(f.message)}.`).join('\n') + '\n');
  } else {
    parts.push('- The topology shows no design finding by itself.\n');
  }
  if (view.criticalNodes.length) {
    parts.push('### Critical nodes\n\nEvery path of these pairs crosses the node; the failure units cannot route around it.\n');
    parts.push(table(['Node', 'Kind', 'Pairs', 'Which'], view.criticalNodes.map((c) => [mdCode(c.node), nodeKind(c.kind), String(c.pairs), pairsText(c.groups)])));
  }
  parts.push('### Failures that change nothing\n');
  parts.push(view.noEffect.length
    ? `${view.noEffect.map(mdCode).join(', ')}: no pair is lost, gained, rerouted or made asymmetric when it fails alone (redundant, or carrying no best path).\n`
    : view.spof ? 'None: every enabled unit carries traffic.\n' : 'Not known: the run has no single-failure scenarios.\n');
  return parts.join('\n');
}

/** Beyond this many sites a Markdown matrix is unreadable: one row per site instead. */
const MATRIX_MAX_SITES = 20;

function matrix(view: ReportView): string {
  if (view.sites.length > MATRIX_MAX_SITES) {
    const rows = view.baseline.perSite.map((p) => [mdCode(p.site), String(p.reaches), String(p.reachedBy), String(p.asymmetric), String(p.oneWay)]);
    return `## Baseline reachability\n\n${view.sites.length} sites: one row per site (the HTML report has the full list).\n\n`
      + table(['Site', `Reaches (of ${view.sites.length - 1})`, 'Reached by', 'Asymmetric', 'One-way'], rows);
  }
  const head = ['from \\ to', ...view.sites.map(mdCode)];
  const rows = view.baseline.states.map((row, s) => [mdCode(view.sites[s]!), ...row.map((state) => STATE_MARK[state])]);
  const legend = CELL_STATES.map((s: CellState) => `${STATE_MARK[s]} ${STATE_LEGEND[s]}`).join('; ');
  return `## Baseline reachability\n\nRows are sources, columns destinations.\n\n${table(head, rows)}\nLegend: ${legend}.\n`;
}

function ranking(view: ReportView): string {
  if (view.ranking.length === 0) return '## Ranking of failures\n\nNo failure scenarios in this run.\n';
  const rows = view.ranking.slice(0, RANKING_ROWS).map((r, i) => [
    String(i + 1), mdCode(r.entry.failed.join(' + ')), String(r.entry.lost), String(r.entry.asymmetric), String(r.entry.rerouted),
    r.breaks ? (r.breaks.length ? pairsText(r.breaks) : '-') : 'not in the file',
  ]);
  const more = view.ranking.length - RANKING_ROWS + view.rankingOmitted;
  const tail = more > 0 ? `\n${plural(more, 'more scenario')} rank lower (see the HTML report or the run file).\n` : '';
  return `## Ranking of failures\n\nBy pairs lost, then newly asymmetric, then rerouted.\n\n${table(['#', 'Failed', 'Lost', 'Newly asymmetric', 'Rerouted', 'Pairs lost'], rows)}${tail}`;
}

function moves(sections: MoveSection[]): string {
  if (sections.length === 0) return '';
  const parts = ['## Failover moves\n\nPairs that stay reachable over other units when a failure hits.\n'];
  for (const s of sections) {
    parts.push(`### When ${s.failed.map(mdCode).join(' and ')} fails\n`);
    if (s.lost?.length) parts.push(`Lost at the same time: ${pairsText(s.lost)}.\n`);
    parts.push(table(['Pair', 'Before', 'After'], s.rows.map((r) => [pairText(r.pair), pathsText(r.before), pathsText(r.after)])));
    if (s.omitted > 0) parts.push(`${plural(s.omitted, 'more move')} not shown.\n`);
  }
  return parts.join('\n');
}

function asymmetry(sections: AsymmetrySection[], unlisted: number): string {
  const head = '## Asymmetric paths\n\nPairs whose return traffic crosses other units than the forward traffic.\n';
  const parts = [head];
  if (unlisted > 0) parts.push(`The baseline has ${plural(unlisted, 'asymmetric pair')}; this run file does not list their paths (rerun with this version of whatif).\n`);
  else if (sections.length === 0) return `${head}\nNone, in the baseline or after any single failure.\n`;
  for (const s of sections) {
    parts.push(s.failed ? `### New when ${s.failed.map(mdCode).join(' and ')} fails\n` : '### Baseline\n');
    parts.push(table(['Pair', 'Forward (a -> b)', 'Return (b -> a)'], s.rows.map((r) => [pairText(r.pair), pathsText(r.forward), pathsText(r.back)])));
    if (s.omitted > 0) parts.push(`${plural(s.omitted, 'more pair')} not shown.\n`);
  }
  return parts.join('\n');
}

function runFacts(view: ReportView): string {
  const f = view.facts;
  const lines = [
    `Topology ${mdCode(view.topology)}, run file ${mdCode(view.file)}.`,
    `Sites (${view.sites.length}): ${view.sites.map(mdCode).join(', ')}.`,
    `Failure units: ${f.failureUnits} enabled; disabled (down in every scenario): ${f.disabledUnits.length ? f.disabledUnits.map(mdCode).join(', ') : 'none'}.`,
    `Scenarios: ${f.planned} planned, ${f.run} run (${f.unchanged} needing no recomputation), ${f.errors} failed, ${f.notConverged} not converged; up to ${plural(f.maxFailures, 'failed unit')} each.`,
    `Pair records: ${f.pairRecords}. Status: ${f.partial ? 'partial (interrupted)' : 'complete'}.`,
  ];
  return `## Run\n\n${lines.map((l) => `- ${l}`).join('\n')}\n`;
}
