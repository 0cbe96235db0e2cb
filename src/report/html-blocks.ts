import { escapeHtml } from './escape.js';
import type { Rich } from './headlines.js';
import type { PairGroup } from './pair-groups.js';

/** HTML building blocks. Every string from the run passes through escapeHtml here, and only here. */

export const esc = escapeHtml;

export function code(id: string): string {
  return `<code>${esc(id)}</code>`;
}

export function pair(g: PairGroup): string {
  return `<span class="pair">${code(g.a)} <span class="arrow">${g.both ? '↔' : '→'}</span> ${code(g.b)}</span>`;
}

/** A pair as plain text, for dense lists. */
export function pairPlain(g: PairGroup): string {
  return `<span class="pair-plain">${esc(g.a)} ${g.both ? '↔' : '→'} ${esc(g.b)}</span>`;
}

/** Pairs shown at once, and at most behind a "more" toggle: a big run's lists stay readable and small. */
const PAIRS_SHOWN = 12;
const PAIRS_MAX = 60;

export function pairs(groups: PairGroup[], render: (g: PairGroup) => string = pair, separator = ' '): string {
  if (groups.length === 0) return '<span class="muted">none</span>';
  const shown = groups.slice(0, PAIRS_SHOWN).map(render).join(separator);
  if (groups.length <= PAIRS_SHOWN) return shown;
  const more = groups.slice(PAIRS_SHOWN, PAIRS_MAX).map(render).join(separator);
  const cut = groups.length > PAIRS_MAX ? ` <span class="muted">and ${groups.length - PAIRS_MAX} more</span>` : '';
  return `${shown}${separator}<details class="more"><summary>${groups.length - PAIRS_SHOWN} more</summary>${more}${cut}</details>`;
}

/** One line per ECMP path, units joined by arrows. */
export function paths(list: string[][]): string {
  if (list.length === 0) return '<span class="muted">none</span>';
  return list.map((p) => `<div class="path">${p.map(code).join(' <span class="hop">›</span> ')}</div>`).join('');
}

export function rich(line: Rich): string {
  return line.map((part) => (typeof part === 'string' ? esc(part) : 'id' in part ? code(part.id) : `<strong>${esc(part.strong)}</strong>`)).join('');
}

export interface Column {
  label: string;
  /** Numeric columns sort as numbers and align right. */
  numeric?: boolean;
  /** A tooltip for a short label. */
  title?: string;
}

/**
 * A table whose headers sort it (the page's script). Cells are HTML already escaped by the caller;
 * `rowAttrs` adds attributes to a row (already escaped too).
 */
export function sortableTable(columns: Column[], rows: string[][], options: { id?: string; rowAttrs?: (i: number) => string } = {}): string {
  const head = columns.map((c) => `<th scope="col"${c.numeric ? ' class="num" data-type="number"' : ''}${c.title ? ` title="${esc(c.title)}"` : ''}><button type="button">${esc(c.label)}</button></th>`).join('');
  const body = rows.map((r, i) => `<tr${options.rowAttrs?.(i) ?? ''}>${r.map((cell, j) => `<td${columns[j]?.numeric ? ' class="num"' : ''}>${cell}</td>`).join('')}</tr>`).join('\n');
  return `<table class="sortable"${options.id ? ` id="${esc(options.id)}"` : ''}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

export function section(id: string, title: string, body: string, intro = ''): string {
  return `<section id="${esc(id)}"><h2>${esc(title)}</h2>${intro ? `<p class="intro">${intro}</p>` : ''}${body}</section>`;
}
