import type { AsymmetryClass } from '../read/run-records.js';
import type { CellState } from '../view/cells.js';

/** Words and marks both formats share, so the Markdown and the page read alike. */

export const STATE_MARK: Record<CellState, string> = {
  symmetric: '✓',
  asymmetric: '⇄',
  'one-way': '→',
  unreachable: '✗',
};

export const STATE_LEGEND: Record<CellState, string> = {
  symmetric: 'reachable, symmetric (the return path crosses the same failure units, or differs below the asymmetry threshold)',
  asymmetric: 'reachable both ways, asymmetric (the return path crosses other units: stateful devices drop such flows)',
  'one-way': 'reachable this way only (no return path)',
  unreachable: 'not reachable',
};

/** The page's legend: short, as its cells' tooltips carry the long form. */
export const STATE_CAPTION: Record<CellState, string> = {
  symmetric: 'reachable, same units both ways',
  asymmetric: 'reachable, return over other units',
  'one-way': 'reachable one way only',
  unreachable: 'not reachable',
};

export const STATE_SHORT: Record<CellState, string> = {
  symmetric: 'symmetric',
  asymmetric: 'asymmetric',
  'one-way': 'one-way',
  unreachable: 'unreachable',
};

/** What each class of asymmetry means, in an architect's terms. */
export const CLASS_MEANING: Record<AsymmetryClass, string> = {
  link: 'same circuits, different links',
  circuit: 'different circuits, or different tunnels of one transport',
  transport: 'ExpressRoute one way, VPN the other',
};

const NODE_KINDS: Record<string, string> = {
  ergw: 'ExpressRoute gateway',
  vpngw: 'VPN gateway',
  msee: 'ExpressRoute circuit (MSEE)',
};

export function nodeKind(kind: string): string {
  return NODE_KINDS[kind] ?? kind;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;
}

/** A share as a whole percentage, never rounded to 0 % or 100 % when it is not exactly that. */
export function percent(part: number, whole: number): string {
  if (whole === 0) return '-';
  const p = (100 * part) / whole;
  const shown = p > 0 && p < 1 ? '<1' : p > 99 && p < 100 ? '>99' : String(Math.round(p));
  return `${shown}%`;
}

/** A before -> after count, or the count alone when it did not change. */
export function delta(before: number, after: number): string {
  return before === after ? String(after) : `${before} → ${after}`;
}

/** What a run's scenarios were, without guessing the command line (an explicit --fail also sets maxFailures). */
export function scenarioScope(maxFailures: number, planned: number): string {
  if (planned === 0) return 'baseline only';
  return `${plural(planned, 'failure scenario')}, ${maxFailures <= 1 ? 'one failed unit each' : `up to ${maxFailures} failed units each`}`;
}
