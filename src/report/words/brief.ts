import { plural } from './labels.js';
import type { Rich } from './rich.js';

/** Rows the Markdown shows of a long table; the page has room for all. */
export const BRIEF_ROWS = 25;

/** The short form of a table of `total` rows: its first rows, then where the rest are. */
export function brief(total: number, noun: string, rows = BRIEF_ROWS): { rows: number; note: Rich } {
  return { rows, note: [`${plural(total - rows, `more ${noun}`)} in the HTML report.`] };
}
