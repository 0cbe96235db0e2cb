import { readFileSync, statSync } from 'node:fs';
import { parse, ParseErrorCode, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { error, type Issue } from './issue.js';
import { tooDeepAt } from './nesting.js';
import { validateTopology, type ValidationResult } from './validate.js';

/**
 * Limits far beyond any real design, so that a hostile or mistaken file is refused with one clear issue before
 * anything walks it. A topology nests 8 levels (`$.erCircuits[0].links[0].cePolicy.outbound.prefixList[0]`);
 * 200,000 VNets and as many peerings take about 35 MB and 1 GB of memory to validate (README, Performance),
 * and 64 MB of the smallest objects JSON can write still parse within Node's heap.
 */
const MAX_FILE_BYTES = 64 * 1024 * 1024;
const MAX_NESTING = 64;

/** Reads, parses and validates a topology file; every failure comes back as issues, never as an exception. */
export function loadTopologyFile(path: string): ValidationResult {
  let text: string;
  try {
    // Refused before it is read: a file of gigabytes would not fit in memory, or in a string.
    const bytes = statSync(path).size;
    if (bytes > MAX_FILE_BYTES) return { ok: false, issues: [tooLargeIssue(path, bytes)] };
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { ok: false, issues: [readIssue(path, e)] };
  }
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, issues: [parsed.issue] };
  return validateTopology(parsed.value);
}

function tooLargeIssue(path: string, bytes: number): Issue {
  return error(
    '$',
    `cannot read "${path}": it is ${mebibytes(bytes)}, above the limit of ${mebibytes(MAX_FILE_BYTES)}`,
    'a topology of 200,000 VNets and as many peerings takes about 35 MB: check that this is the topology file you meant',
  );
}

function mebibytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toLocaleString('en-US', { maximumFractionDigits: 1 })} MiB`;
}

function readIssue(path: string, e: unknown): Issue {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return error(
      '$',
      `cannot read "${path}": no such file`,
      'check the path; the default topology is scenarios/azure-interop.json',
    );
  }
  if (code === 'EISDIR') return error('$', `cannot read "${path}": it is a directory`, 'name a topology JSON file');
  if (code === 'EACCES') return error('$', `cannot read "${path}": permission denied`, 'check the file permissions');
  return error('$', `cannot read "${path}": ${(e as Error).message}`, 'check the path and the file permissions');
}

export type ParsedJson = { ok: true; value: unknown } | { ok: false; issue: Issue };

/** Parses JSON text; a syntax error comes back as one issue that says where and what to do (also used by import). */
export function parseJson(text: string): ParsedJson {
  // Editors on Windows may save a byte order mark, which JSON.parse rejects.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Checked first, on the tokens, whatever the syntax: jsonc-parser's parse below recurses once per level and
  // overflows the stack at a few thousand, and a file nested that deep deserves one clear issue, not many.
  const deep = tooDeepAt(body, MAX_NESTING);
  if (deep !== undefined) {
    const message = `nested more than ${MAX_NESTING} levels deep at ${lineColumn(body, deep)}`;
    const hint = 'a topology nests about 8 levels of arrays and objects: remove the extra nesting, or close what was left open';
    return { ok: false, issue: error('$', message, hint) };
  }
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (e) {
    // V8's message often gives no position: jsonc-parser (VS Code's) locates the first problem.
    const errors: ParseError[] = [];
    parse(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    if (!first) return { ok: false, issue: error('$', `not valid JSON: ${(e as Error).message}`, 'fix the JSON syntax') };
    const { reason, hint } = describe(body, first);
    return { ok: false, issue: error('$', `not valid JSON: ${reason} at ${lineColumn(body, first.offset)}`, hint) };
  }
}

/** A parse error in words, with what to do about it. */
function describe(text: string, problem: ParseError): { reason: string; hint: string } {
  const at = text[problem.offset];
  const before = text.slice(0, problem.offset).trimEnd().at(-1);
  if (at === undefined) return { reason: 'unexpected end of file', hint: 'the file is cut short: close every { and [' };
  // A string cut off by the end of the file is reported at its opening quote.
  if (problem.error === ParseErrorCode.UnexpectedEndOfString && !text.slice(problem.offset).includes('\n')) {
    return { reason: 'unexpected end of file inside a string', hint: 'the file is cut short: close the string, then every { and [' };
  }
  if (problem.error === ParseErrorCode.InvalidCommentToken) {
    return { reason: 'comments are not allowed', hint: 'JSON has no comments: remove it, or put notes in "description" or "assumptions"' };
  }
  if (before === ',' && (at === '}' || at === ']')) {
    return { reason: `trailing comma before "${at}"`, hint: 'remove the comma after the last element' };
  }
  if (at === "'") return { reason: 'single quotes', hint: 'JSON strings and names take double quotes' };
  const expected = EXPECTED[problem.error] ?? printParseErrorCode(problem.error);
  return { reason: `unexpected "${at}", expected ${expected}`, hint: 'fix the JSON syntax there' };
}

const EXPECTED: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.ValueExpected]: 'a value',
  [ParseErrorCode.PropertyNameExpected]: 'a property name in double quotes',
  [ParseErrorCode.ColonExpected]: '":"',
  [ParseErrorCode.CommaExpected]: '"," or a closing bracket',
  [ParseErrorCode.CloseBraceExpected]: '"}"',
  [ParseErrorCode.CloseBracketExpected]: '"]"',
  [ParseErrorCode.EndOfFileExpected]: 'the end of the file',
  [ParseErrorCode.InvalidSymbol]: 'a JSON value',
};

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `line ${line}, column ${column}`;
}
