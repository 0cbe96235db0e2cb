/**
 * Markdown escaping, for every place text from the run lands: ids are user input (a topology may name a site
 * `<img src=x onerror=alert(1)>` or put backticks and pipes in it), and a review is often rendered as HTML.
 */

/** Control characters would break a Markdown line or table row: show them as U+FFFD. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, '\uFFFD');
}

/** An id as a Markdown code span: literal whatever it holds (a longer fence if it holds backticks). */
export function mdCode(text: string): string {
  const clean = printable(text);
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') || clean.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** Prose from the file (e.g. a finding's message) as Markdown text: markup characters lose their meaning. */
export function mdText(text: string): string {
  return printable(text).replace(/[\\`*_[\]<>&#]/g, (c) => `\\${c}`);
}

/** A Markdown table cell: GFM splits cells on `|` even inside code spans, unless it is escaped. */
export function mdCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** A link destination in angle brackets: a parsed URL (view/web-address.ts) has no spaces, `<` or `>`. */
export function mdLink(text: string, href: string): string {
  return `[${mdText(text)}](<${href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
}
