import type { ReportView } from '../view/report-view.js';
import { classWords } from './asymmetry-words.js';
import { brief } from './brief.js';
import type { Section } from './document.js';
import { plural } from './labels.js';
import { ids, type Rich } from './rich.js';
import { pairShapeWords } from './site-words.js';

/** Rows of the ranking the Markdown shows; the page has room for all of them. */
const RANKING_ROWS = 20;

export function rankingSection(view: ReportView): Section {
  const title = 'Ranking of failures';
  if (view.ranking.length === 0) return { id: 'ranking', title, blocks: [{ kind: 'paragraph', text: ['No failure scenarios in this run.'], muted: true }] };
  const more = view.ranking.length - RANKING_ROWS + view.rankingOmitted;
  return {
    id: 'ranking', title,
    intro: [
      'By pairs lost, then newly asymmetric, then rerouted.',
      ...(view.facts.scenarioRecords === 'irreducible' ? [' Only the irreducible scenarios this run writes are ranked; a combination\'s counts include what its parts do.'] : []),
      ...(view.heatmap.scenarios.length ? [' Click a row to see it on the heatmap.'] : []),
    ],
    blocks: [
      {
        kind: 'table', id: 'ranking-table',
        columns: [{ label: '#', numeric: true, title: 'Rank' }, { label: 'Failed' }, { label: 'Lost', numeric: true },
          { label: 'Asym.', numeric: true, title: 'Newly asymmetric' }, { label: 'Rerouted', numeric: true }, { label: 'Pairs lost' }],
        rows: view.ranking.map((r, i) => [[String(i + 1)], [{ id: r.entry.failed.join(' + ') }], [String(r.entry.lost)], [String(r.entry.asymmetric)], [String(r.entry.rerouted)],
          r.isolates ? ['isolates ', { id: r.isolates }] : r.lost ? pairShapeWords(r.lost) : ['not in the file']]),
        scenarios: view.ranking.map((r) => r.heatmap),
        brief: { rows: RANKING_ROWS, note: [`${plural(more, 'more scenario')} rank lower (see the HTML report or the run file).`] },
      },
      ...(view.rankingOmitted ? [{ kind: 'paragraph' as const, only: 'html' as const, muted: true, text: [`${plural(view.rankingOmitted, 'more scenario')} ranked lower; the run kept the top ${view.ranking.length}.`] }] : []),
    ],
  };
}

function failure(failed: string[]): Rich {
  return ids(failed, ' and ');
}

/** Rerouted pairs grouped by the units they leave and join: thousands of moves read as a few rows. */
export function movesSection(view: ReportView): Section | undefined {
  if (view.moves.length === 0) return undefined;
  const rows = view.moves.flatMap((s) => s.groups.map((g, i): Rich[] => [
    i === 0 ? [...failure(s.failed), ` (${plural(s.rerouted, 'pair')} rerouted${s.listed < s.rerouted ? `; the run lists ${s.listed} with paths` : ''})`] : failure(s.failed),
    pairShapeWords(g.pairs),
    g.left.length ? ids(g.left) : ['-'],
    [...(g.joined.length ? ids(g.joined) : ['-']), ...(g.truncated ? [' (paths cut short in the run)'] : [])],
  ]));
  return {
    id: 'moves', title: 'Failover moves',
    intro: [
      'Pairs that stay reachable over other units when a failure hits, grouped by the failure units they stop crossing and start crossing.',
      ...(view.facts.scenarioRecords === 'irreducible' ? [' Only the failures this run writes: one that only reroutes is counted, not written (--all-single-failures shows every failover).'] : []),
    ],
    blocks: [{
      kind: 'table', id: 'moves-table',
      columns: [{ label: 'When this fails' }, { label: 'Pairs' }, { label: 'No longer cross' }, { label: 'Now cross' }],
      rows, brief: brief(rows.length, 'row'),
    }],
  };
}

/** Asymmetric pairs grouped by class and by the units their two directions differ by. */
export function asymmetrySection(view: ReportView): Section {
  const title = 'Asymmetric paths';
  const intro: Rich = [`Pairs whose return traffic crosses other units than the forward traffic${view.threshold ? `, at or above the ${view.threshold} threshold` : ''}, grouped by class and by the units that differ.`];
  const unlisted = view.baseline.pathsListed ? 0 : view.baseline.asymmetric;
  if (view.asymmetry.length === 0 && unlisted === 0) return { id: 'asymmetry', title, intro, blocks: [{ kind: 'paragraph', text: ['None, in the baseline or after any single failure.'] }] };
  const rows = view.asymmetry.flatMap((s) => s.groups.map((g, i): Rich[] => [
    [...(s.failed ? ['new when ', ...failure(s.failed), ' fails'] : ['baseline']), ...(i === 0 ? [` (${plural(s.pairs, 'pair')}${s.listed < s.pairs ? `; the run lists ${s.listed} with paths` : ''})`] : [])],
    pairShapeWords(g.pairs),
    [classWords(g.class)],
    g.forwardOnly.length ? ids(g.forwardOnly) : ['-'],
    [...(g.returnOnly.length ? ids(g.returnOnly) : ['-']), ...(g.truncated ? [' (paths cut short in the run)'] : [])],
  ]));
  return {
    id: 'asymmetry', title, intro,
    blocks: [
      ...(unlisted ? [{ kind: 'paragraph' as const, text: [`The baseline has ${plural(unlisted, 'asymmetric pair')}; this run file does not list their paths (rerun with this version of whatif).`] }] : []),
      ...(rows.length ? [{
        kind: 'table' as const, id: 'asymmetry-table',
        columns: [{ label: 'Scenario' }, { label: 'Pairs (a → b)' }, { label: 'Class' }, { label: 'Only a → b crosses' }, { label: 'Only b → a crosses' }],
        rows, brief: brief(rows.length, 'row'),
      }] : []),
    ],
  };
}
