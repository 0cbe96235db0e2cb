import { stateOf, type CellCode, type CellState } from '../view/cells.js';
import type { ReportView } from '../view/report-view.js';
import { CLASS_MEANING, STATE_LEGEND, STATE_MARK } from '../words/labels.js';
import { groupWords } from '../words/site-words.js';
import { plainText } from './rich-html.js';

/**
 * What the heatmap's script reads (heatmap-script.ts), embedded as a JSON data island: the one contract between the
 * report and its page, typed on both sides. Names travel only as data; the script writes them as text.
 */
export interface PageData {
  sites: string[];
  /** Groups of sites (site indices), for the view that draws groups against groups. */
  groups: { label: string; sites: number[] }[];
  /** Start with groups against groups (an estate), else sites against sites. */
  aggregate: boolean;
  /** The baseline's cells, row after row: n * n cell codes (view/cells.ts). */
  baseline: string;
  /**
   * Each scenario the heatmap can show: its failed units and the cells it changes, as `;`-separated runs of a cell
   * code followed by `,`-separated cell indices (row * n + column) in base 36, each after the first written as
   * its distance from the one before (a failure changes rows and columns: long runs of close indices).
   */
  scenarios: { failed: string[]; changes: string }[];
  /** Per cell code: its state (the CSS class), mark and tooltip words. */
  codes: Record<CellCode, { state: CellState; mark: string; legend: string }>;
}

export function pageData(view: ReportView): PageData {
  const n = view.sites.length;
  return {
    sites: view.sites,
    groups: view.groups.groups.map((g) => ({ label: plainText(groupWords(g)), sites: g.sites })),
    aggregate: view.heatmap.aggregate,
    baseline: view.heatmap.baseline.join(''),
    scenarios: view.heatmap.scenarios.map((s) => ({ failed: s.failed, changes: encodeChanges(s.changes, n) })),
    codes: codeWords(),
  };
}

function codeWords(): PageData['codes'] {
  const codes: CellCode[] = ['s', 'o', 'u', 'a', 'l', 'c', 't'];
  return Object.fromEntries(codes.map((code) => {
    const state = stateOf(code);
    const cls = code === 'l' ? 'link' : code === 'c' ? 'circuit' : code === 't' ? 'transport' : undefined;
    const legend = cls ? `${STATE_LEGEND[state]}; ${cls}: ${CLASS_MEANING[cls]}` : STATE_LEGEND[state];
    return [code, { state, mark: STATE_MARK[state], legend }];
  })) as PageData['codes'];
}

export function encodeChanges(changes: readonly [number, number, CellCode][], n: number): string {
  const byCode = new Map<CellCode, number[]>();
  for (const [row, column, code] of changes) {
    const cells = byCode.get(code);
    if (cells) cells.push(row * n + column);
    else byCode.set(code, [row * n + column]);
  }
  return [...byCode.entries()].map(([code, cells]) => {
    cells.sort((x, y) => x - y);
    return code + cells.map((c, i) => (i === 0 ? c : c - cells[i - 1]!).toString(36)).join(',');
  }).join(';');
}

