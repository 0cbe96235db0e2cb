import type { Rich } from './rich.js';

/**
 * The review as a document: sections of paragraphs, lists and tables, every word already chosen. The two
 * renderers draw the same document; a block marked `only` belongs to one format (the Markdown's matrix, which
 * the page draws as a heatmap; the page's list of every site, too long for a Markdown review).
 */
export interface ReviewDocument {
  title: Rich;
  /** One line under the title: sites, units, scenarios, status, the run file. */
  facts: Rich;
  partial: boolean;
  warnings: Rich[];
  /** With --compare: what changed since the previous run. */
  compare: Section | undefined;
  /** The page's row of key numbers. */
  cards: Card[];
  glance: Rich[];
  sections: Section[];
}

export interface Section {
  id: string;
  title: string;
  intro?: Rich;
  blocks: Block[];
}

export type Block = (
  | { kind: 'heading'; text: Rich }
  | { kind: 'paragraph'; text: Rich; muted?: boolean }
  | { kind: 'list'; items: Rich[] }
  | Table
) & { only?: 'markdown' | 'html' };

export interface Table {
  kind: 'table';
  /** An anchor for the page (its script and tests find tables by it). */
  id?: string;
  columns: Column[];
  rows: Rich[][];
  /** Per row, the scenario the page's heatmap can show for it. */
  scenarios?: (number | undefined)[];
  /** The short form (Markdown) shows this many rows, then the note. */
  brief?: { rows: number; note: Rich };
  /** The page folds the table away under this summary. */
  folded?: Rich;
}

export interface Column {
  /** Rich when it names something of the run (a site of the matrix). */
  label: string | Rich;
  /** Numeric columns sort as numbers and align right. */
  numeric?: boolean;
  /** The label in full, for a short label: the Markdown writes it, the page shows it as the label's tooltip. */
  title?: string;
}

export interface Card {
  value: string;
  label: string;
  tone: 'bad' | 'ok' | 'plain';
}
