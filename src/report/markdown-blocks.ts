import { mdCell, mdCode } from './escape.js';
import type { PairGroup } from './pair-groups.js';

/** Markdown building blocks: ids are always code spans, cells are always escaped. */

const PAIRS_PER_CELL = 12;

export function pairText(g: PairGroup): string {
  return `${mdCode(g.a)} ${g.both ? '<->' : '->'} ${mdCode(g.b)}`;
}

export function pairsText(groups: PairGroup[], limit = PAIRS_PER_CELL): string {
  const shown = groups.slice(0, limit).map(pairText).join(', ');
  return groups.length > limit ? `${shown} and ${groups.length - limit} more` : shown;
}

/** ECMP paths as alternatives; each path as its units in order. */
export function pathsText(paths: string[][]): string {
  if (paths.length === 0) return 'none';
  return paths.map((p) => mdCode(p.join(' > '))).join(' or ');
}

export function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.map(mdCell).join(' | ')} |`;
  return [line(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n') + '\n';
}
