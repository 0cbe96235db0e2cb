/**
 * Escaping for every place an id from the run file lands. Ids are user input (a topology may name a site
 * `<img src=x onerror=alert(1)>`): nothing from the file reaches a page or a document unescaped.
 */

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and attribute values (always quoted) in HTML and inline SVG. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c]!);
}

/**
 * JSON to embed in a `<script type="application/json">`: `<`, `>` and `&` become \u escapes, so no
 * `</script>` or `<!--` can close or confuse the element, and JSON.parse still reads the same value.
 * U+2028/2029 are escaped for older JavaScript parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

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
