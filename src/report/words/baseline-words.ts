import { CELL_STATES, stateOf } from '../view/cells.js';
import type { PairCounts, ReportView } from '../view/report-view.js';
import { brief } from './brief.js';
import type { Block, Section } from './document.js';
import { percent, plural, STATE_LEGEND, STATE_MARK } from './labels.js';
import type { Rich } from './rich.js';
import { groupingWords, groupWords } from './site-words.js';

/** Up to this many sites the Markdown draws the matrix; beyond, sites and groups are summarised. */
const MATRIX_MAX_SITES = 20;

/**
 * The baseline: a matrix for a small network; for an estate, groups against groups and the sites with odd
 * pairs (the page draws the same as a heatmap and lists every site).
 */
export function baselineSection(view: ReportView): Section {
  const title = 'Baseline reachability';
  if (view.sites.length <= MATRIX_MAX_SITES) {
    const legend = CELL_STATES.map((s) => `${STATE_MARK[s]} ${STATE_LEGEND[s]}`).join('; ');
    return {
      id: 'baseline', title, intro: ['Rows are sources, columns destinations.'],
      blocks: [
        {
          kind: 'table', only: 'markdown',
          columns: [{ label: 'from \\ to' }, ...view.sites.map((s) => ({ label: [{ id: s }] }))],
          rows: view.baseline.perSite.map((row, s) => [[{ id: row.site }], ...[...view.heatmap.baseline[s]!].map((c): Rich => [STATE_MARK[stateOf(c)]])]),
        },
        { kind: 'paragraph', only: 'markdown', text: [`Legend: ${legend}.`] },
      ],
    };
  }
  const b = view.baseline;
  const groups = view.groups.groups;
  const odd = b.perSite.filter((s) => s.asymmetric + s.oneWay > 0).sort((x, y) => y.asymmetric + y.oneWay - (x.asymmetric + x.oneWay));
  const blocks: Block[] = [
    { kind: 'heading', text: ['By group'] },
    {
      kind: 'table', id: 'baseline-groups',
      columns: [{ label: 'Group' }, { label: 'Sites', numeric: true }, { label: 'Reachable', numeric: true }, { label: 'Asymmetric', numeric: true }, { label: 'One-way', numeric: true }],
      rows: b.perGroup.map((g) => [groupWords(g.group), [String(g.group.sites.length)], [share(g)], [String(g.asymmetric)], [String(g.oneWay)]]),
    },
    {
      kind: 'table', only: 'markdown',
      columns: [{ label: 'from \\ to' }, ...groups.map((_, i) => ({ label: `G${i + 1}` }))],
      rows: b.groupMatrix.map((row, i) => [[`G${i + 1} `, ...groupWords(groups[i]!)], ...row.map((c): Rich => [cellWords(c)])]),
    },
    { kind: 'paragraph', only: 'markdown', text: ['Each cell: the share of pairs from the row\'s sites to the column\'s that are reachable, then ⇄ asymmetric and → one-way pairs if any. The HTML report draws this as a heatmap; click a cell for its sites.'] },
  ];
  if (odd.length) {
    blocks.push(
      { kind: 'heading', text: [`Sites with asymmetric or one-way pairs (${odd.length})`] },
      { kind: 'table', id: 'baseline-odd-sites', columns: siteColumns(view.sites.length), rows: odd.map(siteRow), brief: brief(odd.length, 'site') },
    );
  }
  blocks.push({
    kind: 'table', id: 'baseline-sites', only: 'html', folded: [`Every site (${view.sites.length})`],
    columns: siteColumns(view.sites.length), rows: b.perSite.map(siteRow),
  });
  return {
    id: 'baseline', title,
    intro: [`${plural(view.sites.length, 'site')} in ${plural(groups.length, 'group')}, ${groupingWords(groups, view.groups.fromDetails)}.`],
    blocks,
  };
}

function siteColumns(sites: number): { label: string; numeric?: boolean }[] {
  return [{ label: 'Site' }, { label: 'Group' }, { label: `Reaches (of ${sites - 1})`, numeric: true }, { label: 'Reached by', numeric: true }, { label: 'Asymmetric', numeric: true }, { label: 'One-way', numeric: true }];
}

function siteRow(s: ReportView['baseline']['perSite'][number]): Rich[] {
  return [[{ id: s.site }], groupWords(s.group), [String(s.reachable)], [String(s.reachedBy)], [String(s.asymmetric)], [String(s.oneWay)]];
}

function share(c: PairCounts): string {
  return `${percent(c.reachable, c.pairs)} (${c.reachable.toLocaleString('en-US')} of ${c.pairs.toLocaleString('en-US')})`;
}

function cellWords(c: PairCounts): string {
  if (c.pairs === 0) return '-';
  return [percent(c.reachable, c.pairs), c.asymmetric ? `⇄${c.asymmetric}` : '', c.oneWay ? `→${c.oneWay}` : ''].filter(Boolean).join(' ');
}
