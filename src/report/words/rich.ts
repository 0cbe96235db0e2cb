import type { CellState } from '../view/cells.js';
import type { Severity } from '../view/design-findings.js';
import type { PairGroup } from '../view/pair-groups.js';

/**
 * A line of text with the run's ids and the report's emphasis marked, so that each format escapes and styles
 * them its own way: words/ writes every sentence once, as Rich; the renderers only draw it.
 */
export type Inline =
  | string
  /** An id from the run (a site, a unit, a node): a code span, escaped. */
  | { id: string }
  | { strong: string }
  /** An https address (view/web-address.ts checks it) and the text to show for it. */
  | { link: string; text: string }
  /** Failure units crossed in order. */
  | { path: string[] }
  | { pair: PairGroup }
  /** A verdict with its mark. */
  | { state: CellState }
  | { severity: Severity };

export type Rich = Inline[];

/** Items joined by a separator: `a, b and c` reads better than a bare list. */
export function joined(items: readonly Rich[], separator: Inline = ', ', last: Inline = separator): Rich {
  return items.flatMap((item, i) => (i === 0 ? item : [i === items.length - 1 ? last : separator, ...item]));
}

export function ids(list: readonly string[], separator: Inline = ', '): Rich {
  return joined(list.map((id) => [{ id }]), separator);
}
